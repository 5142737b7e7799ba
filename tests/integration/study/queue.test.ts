import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { fetchQueue } from "@/lib/study/queue";
import { submitReview } from "@/lib/study/review";
import { makeDeck, makeUser } from "../fixtures";

type Deck = Awaited<ReturnType<typeof makeDeck>>;
let deck: Deck;
beforeAll(async () => {
  deck = await makeDeck("queue-tests", { settings: { newCardsPerDay: 5, maxReviewsPerDay: 3 } });
});

/** Studies the queue's cards in order, rating self-graded ones and answering auto-graded ones right. */
async function studyNew(user: { id: string; timezone: string; dayStartHour: number }, count: number, now: Date) {
  const queue = await fetchQueue(user, deck.slug, now, 100);
  const cards = queue.cards.filter((c) => c.kind === "new").slice(0, count);
  for (const c of cards) {
    const card = deck.cards.find((x) => x.id === c.cardId)!;
    const response = c.autoGraded
      ? card.type === "cloze"
        ? { kind: "text" as const, text: card.answer }
        : card.type === "timeline"
          ? { kind: "order" as const, order: card.options }
          : { kind: "choice" as const, choice: card.answer }
      : undefined;
    await submitReview(
      user,
      { reviewId: randomUUID(), cardId: c.cardId, version: 0, rating: "easy", ...(response ? { response } : {}) },
      now,
    );
  }
  return cards;
}

describe("the study queue", () => {
  it("offers new cards in deck order up to the deck's daily limit, without answers for auto-graded cards", async () => {
    const user = await makeUser();
    const now = new Date("2026-03-02T15:00:00Z");
    const queue = await fetchQueue(user, deck.slug, now, 100);
    expect(queue.remaining).toEqual({ new: 5, learning: 0, review: 0 });
    expect(queue.cards.map((c) => c.cardId)).toEqual(deck.cards.slice(0, 5).map((c) => c.id));
    for (const c of queue.cards) {
      if (c.autoGraded) expect(c.answer).toBeNull();
      else expect(c.intervals?.good.label).toBeTruthy();
    }
  });

  // Issue 10 moved the day boundary from local midnight to the student's day-start hour (4 am by default).
  it("stops offering new cards once today's limit is used, and offers more once the student's next day starts", async () => {
    const user = await makeUser("student", "America/New_York");
    // 22:30 in New York on 2 March is 03:30 UTC on 3 March.
    const evening = new Date("2026-03-03T03:30:00Z");
    await studyNew(user, 5, evening);
    expect((await fetchQueue(user, deck.slug, evening, 100)).remaining.new).toBe(0);
    // 23:59 New York: still the same local day.
    expect((await fetchQueue(user, deck.slug, new Date("2026-03-03T04:59:00Z"), 100)).remaining.new).toBe(0);
    // 03:59 New York on 3 March: past midnight, but the day starts at 4 am.
    expect((await fetchQueue(user, deck.slug, new Date("2026-03-03T08:59:00Z"), 100)).remaining.new).toBe(0);
    // 04:01 New York on 3 March: a new day, a new allowance.
    const nextDay = await fetchQueue(user, deck.slug, new Date("2026-03-03T09:01:00Z"), 100);
    expect(nextDay.remaining.new).toBe(5);
    expect(nextDay.dayEndsAt).toEqual(new Date("2026-03-04T09:00:00Z"));
  });

  it("starts the day at local midnight for a student whose day-start hour is 0", async () => {
    const user = await db.user.update({
      where: { id: (await makeUser("student", "America/New_York")).id },
      data: { dayStartHour: 0 },
      select: { id: true, timezone: true, dayStartHour: true },
    });
    await studyNew(user, 5, new Date("2026-03-03T03:30:00Z"));
    const nextDay = await fetchQueue(user, deck.slug, new Date("2026-03-03T05:01:00Z"), 100);
    expect(nextDay.remaining.new).toBe(5);
    expect(nextDay.dayEndsAt).toEqual(new Date("2026-03-04T05:00:00Z"));
  });

  it("brings learning cards back within the session when their step is due", async () => {
    const user = await makeUser();
    const now = new Date("2026-03-02T15:00:00Z");
    const card = deck.cards.find((c) => c.type === "basic")!;
    await submitReview(user, { reviewId: randomUUID(), cardId: card.id, version: 0, rating: "again" }, now);
    const soon = await fetchQueue(user, deck.slug, new Date(now.getTime() + 30_000), 100);
    expect(soon.cards.some((c) => c.cardId === card.id)).toBe(false);
    expect(soon.nextDueAt).toEqual(new Date(now.getTime() + 60_000));
    const later = await fetchQueue(user, deck.slug, new Date(now.getTime() + 61_000), 100);
    expect(later.cards[0]).toMatchObject({ cardId: card.id, kind: "learning", version: 1 });
  });

  it("puts due reviews first, lowest retrievability first, up to the daily review limit", async () => {
    const user = await makeUser();
    const start = new Date("2026-03-02T15:00:00Z");
    const studied = await studyNew(user, 5, start);
    // Easy on a new card graduates it to review with a multi-day interval; give the cards different ages.
    const states = await db.cardState.findMany({ where: { userId: user.id } });
    expect(states.every((s) => s.state === "review")).toBe(true);
    for (const [i, s] of states.entries()) {
      await db.cardState.update({
        where: { userId_cardId: { userId: user.id, cardId: s.cardId } },
        data: {
          lastReview: new Date(start.getTime() - i * 5 * 86_400_000),
          due: new Date(start.getTime() + 86_400_000),
        },
      });
    }
    const later = new Date(start.getTime() + 2 * 86_400_000);
    const queue = await fetchQueue(user, deck.slug, later, 100);
    const reviews = queue.cards.filter((c) => c.kind === "review");
    expect(reviews).toHaveLength(3);
    // The older the last review, the lower the retrievability: the three oldest, oldest first.
    expect(reviews.map((r) => r.cardId)).toEqual(
      [...states]
        .reverse()
        .slice(0, 3)
        .map((s) => s.cardId),
    );
    expect(states).toHaveLength(studied.length);
    expect(queue.cards.findIndex((c) => c.kind === "new")).toBeGreaterThan(
      queue.cards.findIndex((c) => c.kind === "review"),
    );
  });

  it("answers 404 for a deck the student cannot see", async () => {
    const user = await makeUser();
    await expect(fetchQueue(user, "nope", new Date())).rejects.toBeInstanceOf(DomainError);
  });
});
