import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startOfStudyDay, nextStudyDay } from "@/lib/srs";
import { memoryStateOf } from "@/lib/study/memory";
import { fetchQueue } from "@/lib/study/queue";
import { orderQueue } from "@/lib/study/queue-order";
import { insertCardStates } from "@/lib/study/rows";
import { deckSrsSettings, studyDayOf } from "@/lib/study/settings";
import { makeDeck, makeUser } from "../fixtures";

const DAY = 86_400_000;

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The SQL queue (lib/study/queue-sql.ts) against the pure reference (orderQueue) on the same rows:
 * every kind of state, suspended cards, a retired card, due dates on both sides of now and of the
 * day's end, equal stabilities (ties), and limits that cut the reviews and the new cards.
 */
async function compare(
  slug: string,
  settings: { newCardsPerDay: number; maxReviewsPerDay: number },
  seed: number,
  /** Which cards the student has studied (default: about two thirds, at random). */
  isStudied?: (card: { position: number }, cards: number) => boolean,
) {
  const deck = await makeDeck(slug, { settings });
  const user = await makeUser("student", "America/New_York");
  const now = new Date("2026-03-10T15:00:00Z");
  const next = random(seed);
  const kinds = ["learning", "relearning", "review", "review", "review", "new"] as const;
  // Two thirds of the cards studied; the rest stay new.
  const studied = deck.cards.filter((card) => (isStudied ? isStudied(card, deck.cards.length) : next() < 0.67));
  await insertCardStates(
    db,
    studied.map((card, i) => {
      const state = kinds[Math.floor(next() * kinds.length)]!;
      const lastReview = new Date(now.getTime() - Math.floor(next() * 40 * DAY) - Math.floor(next() * DAY));
      return {
        userId: user.id,
        cardId: card.id,
        deckId: deck.id,
        due: new Date(now.getTime() + (next() * 6 - 3) * DAY),
        stability: i % 7 === 0 ? 5 : 0.5 + next() * 60,
        difficulty: 1 + next() * 9,
        elapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 0,
        reps: state === "new" ? 0 : 3,
        lapses: 0,
        state,
        lastReview: state === "new" ? null : lastReview,
        suspended: next() < 0.1,
        leech: false,
        version: 2,
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
  const retired = studied.find((c) => c.position > 3)!;
  await db.card.update({ where: { id: retired.id }, data: { retiredAt: now } });

  const fresh = await db.deck.findUniqueOrThrow({ where: { id: deck.id } });
  const day = studyDayOf(user);
  const states = await db.cardState.findMany({
    where: { userId: user.id, deckId: deck.id, suspended: false, card: { retiredAt: null } },
    orderBy: { cardId: "asc" },
  });
  const newCards = await db.card.findMany({
    where: { deckId: deck.id, retiredAt: null, states: { none: { userId: user.id } } },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  expect(startOfStudyDay(now, day).getTime()).toBeLessThan(now.getTime());
  const reference = orderQueue({
    states,
    newCardIds: newCards.map((c) => c.id),
    doneToday: { new: 0, review: 0 },
    limits: fresh,
    now,
    dayEnd: nextStudyDay(now, day),
    settings: deckSrsSettings(fresh),
    memoryOf: memoryStateOf,
    limit: 100,
  });
  const queue = await fetchQueue(user, slug, now, 100);
  expect(queue.cards.map((c) => [c.cardId, c.kind])).toEqual(reference.ordered.map((e) => [e.cardId, e.kind]));
  expect(queue.remaining).toEqual({
    new: reference.fresh.length,
    learning: reference.learning.length,
    review: reference.reviews.length,
  });
  expect(queue.nextDueAt).toEqual(reference.nextDueAt);
  // A smaller page is the same order, cut.
  const page = await fetchQueue(user, slug, now, 7);
  expect(page.cards.map((c) => c.cardId)).toEqual(reference.ordered.slice(0, 7).map((e) => e.cardId));
  return reference;
}

describe("the study queue in SQL", () => {
  it("returns orderQueue's order, counts and next due date on the same rows", async () => {
    const reference = await compare("queue-sql-wide", { newCardsPerDay: 20, maxReviewsPerDay: 200 }, 15);
    expect(reference.reviews.length).toBeGreaterThan(5);
    expect(reference.learning.length).toBeGreaterThan(0);
  });

  it("finds no new card once every live card is studied (a retired one and suspended ones among them)", async () => {
    const reference = await compare("queue-sql-all-seen", { newCardsPerDay: 20, maxReviewsPerDay: 200 }, 3, () => true);
    expect(reference.fresh).toHaveLength(0);
    expect(reference.reviews.length).toBeGreaterThan(0);
  });

  it("finds the one card not yet studied, at the end of the deck or in the middle", async () => {
    for (const [slug, unseen] of [
      ["queue-sql-last-new", (n: number) => n - 1],
      ["queue-sql-gap-new", () => 1],
    ] as const) {
      const reference = await compare(
        slug,
        { newCardsPerDay: 20, maxReviewsPerDay: 200 },
        5,
        (card, n) => card.position !== unseen(n),
      );
      expect(reference.fresh).toHaveLength(1);
    }
  });

  it("applies the daily limits as orderQueue does", async () => {
    const reference = await compare("queue-sql-tight", { newCardsPerDay: 3, maxReviewsPerDay: 4 }, 7);
    expect(reference.reviews).toHaveLength(4);
    expect(reference.fresh).toHaveLength(3);
  });
});
