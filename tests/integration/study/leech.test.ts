import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { httpStatusOf } from "@/app/_lib/route";
import { fetchQueue } from "@/lib/study/queue";
import { submitReview, unsuspendCard } from "@/lib/study/review";
import { fetchProgress } from "@/lib/stats/progress";
import { makeDeck, makeUser } from "../fixtures";

const NOW = new Date("2026-03-10T12:00:00Z");

describe("leeches", () => {
  it("suspends a card at its 8th lapse, keeps it out of the queue, and brings it back when unsuspended", async () => {
    const deck = await makeDeck("leech-tests");
    const user = await makeUser();
    const card = deck.cards.find((c) => c.type === "basic")!;
    // A graduated card with 7 lapses behind it, due now.
    await db.cardState.create({
      data: {
        userId: user.id,
        cardId: card.id,
        deckId: deck.id,
        due: NOW,
        stability: 2,
        difficulty: 8,
        state: "review",
        reps: 20,
        lapses: 7,
        scheduledDays: 2,
        lastReview: new Date(NOW.getTime() - 2 * 86_400_000),
        version: 20,
      },
    });
    const result = await submitReview(
      user,
      { reviewId: randomUUID(), cardId: card.id, version: 20, rating: "again" },
      NOW,
    );
    expect(result.state).toMatchObject({ lapses: 8, suspended: true, leech: true });

    const later = new Date(NOW.getTime() + 3 * 86_400_000);
    expect((await fetchQueue(user, deck.slug, later, 100)).cards.some((c) => c.cardId === card.id)).toBe(false);
    const refused = await submitReview(
      user,
      { reviewId: randomUUID(), cardId: card.id, version: 21, rating: "good" },
      later,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(httpStatusOf(refused as DomainError)).toBe(422);
    expect((await fetchProgress(user, later)).suspendedCards.map((c) => c.cardId)).toEqual([card.id]);

    expect(await unsuspendCard({ id: (await makeUser()).id }, card.id)).toBe(false); // not someone else's
    expect(await unsuspendCard(user, card.id)).toBe(true);
    const queue = await fetchQueue(user, deck.slug, later, 100);
    expect(queue.cards.find((c) => c.cardId === card.id)).toMatchObject({ version: 22 });
    expect((await fetchProgress(user, later)).suspendedCards).toEqual([]);
  });
});
