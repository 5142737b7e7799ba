import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { httpStatusOf } from "@/app/_lib/route";
import { submitReview, undoReview, unsuspendCard, type ReviewSubmission } from "@/lib/study/review";
import { makeDeck, makeUser } from "../fixtures";

// Issue 10, point 4: leeches after a bring-back, undo versions, reused review ids and overrides.

const T0 = new Date("2026-03-02T15:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const DAY = 86_400_000;

type Deck = Awaited<ReturnType<typeof makeDeck>>;
let deck: Deck;
beforeAll(async () => {
  deck = await makeDeck("review-versions-tests");
});
const cardOf = (type: string, nth = 0) => deck.cards.filter((c) => c.type === type)[nth]!;
const submission = (cardId: string, extra: Partial<ReviewSubmission> = {}): ReviewSubmission => ({
  reviewId: randomUUID(),
  cardId,
  version: 0,
  ...extra,
});

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const stateOf = (userId: string, cardId: string) =>
  db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });

describe("leeches brought back", () => {
  it("are suspended again only every half threshold of further lapses (8, then 12, then 16)", async () => {
    const user = await makeUser();
    const card = cardOf("basic", 0);
    let now = new Date("2026-03-10T12:00:00Z");
    await db.cardState.create({
      data: {
        userId: user.id,
        cardId: card.id,
        deckId: deck.id,
        due: now,
        stability: 2,
        difficulty: 8,
        state: "review",
        reps: 20,
        lapses: 7,
        scheduledDays: 2,
        lastReview: new Date(now.getTime() - 2 * DAY),
        version: 20,
      },
    });
    const suspendedAt: number[] = [];
    for (let lapse = 8; lapse <= 16; lapse++) {
      let { version } = await stateOf(user.id, card.id);
      const lapsed = await submitReview(user, submission(card.id, { version, rating: "again" }), now);
      expect(lapsed.state.lapses).toBe(lapse);
      if (lapsed.state.suspended) {
        suspendedAt.push(lapse);
        expect(await unsuspendCard(user, card.id)).toBe(true);
      }
      // Relearn it, then let it come due again as a review.
      version = (await stateOf(user.id, card.id)).version;
      const relearnAt = new Date(now.getTime() + 11 * 60_000);
      const relearnt = await submitReview(user, submission(card.id, { version, rating: "good" }), relearnAt);
      expect(relearnt.state.state).toBe("review");
      now = new Date(relearnt.state.due.getTime() + DAY);
    }
    expect(suspendedAt).toEqual([8, 12, 16]);
  });
});

describe("undo", () => {
  it("moves the card's version forward, so a stale tab or a late retry of the undone review cannot apply", async () => {
    const user = await makeUser();
    const card = cardOf("basic", 1);
    await submitReview(user, submission(card.id, { rating: "good" }), T0);
    const undone = submission(card.id, { rating: "good", version: 1 });
    await submitReview(user, undone, minutes(15));
    expect((await stateOf(user.id, card.id)).version).toBe(2);

    const result = await undoReview(user, undone.reviewId);
    expect(result.state?.version).toBe(3);
    expect((await stateOf(user.id, card.id)).version).toBe(3);

    // The late retry of the undone review: its version (1) is no longer the card's.
    const retry = await errorOf(submitReview(user, undone, minutes(16)));
    expect(httpStatusOf(retry)).toBe(409);
    expect(retry.code).toBe("review_undone");
    // A stale tab that still shows version 1, with a review of its own.
    const stale = await errorOf(submitReview(user, submission(card.id, { rating: "easy", version: 1 }), minutes(17)));
    expect(httpStatusOf(stale)).toBe(409);
    expect(stale.code).toBe("version_conflict");
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    // The tab that did the undo goes on from the version it was given.
    await submitReview(user, submission(card.id, { rating: "good", version: 3 }), minutes(18));
    expect((await stateOf(user.id, card.id)).version).toBe(4);
  });

  it("of a card's first review: the card is new again, and a late retry of that review cannot apply", async () => {
    const user = await makeUser();
    const card = cardOf("basic", 2);
    const first = submission(card.id, { rating: "good" });
    await submitReview(user, first, T0);
    expect((await undoReview(user, first.reviewId)).state).toBeNull();

    const retry = await errorOf(submitReview(user, first, minutes(1)));
    expect(httpStatusOf(retry)).toBe(409);
    expect(retry.code).toBe("review_undone");
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("a reviewId re-sent", () => {
  it("with the same body answers the stored result; with a different body, 422 review_id_reused", async () => {
    const user = await makeUser();
    const card = cardOf("basic", 3);
    const first = submission(card.id, { rating: "good", answerMs: 4_000 });
    const recorded = await submitReview(user, first, T0);

    // Same body, keys in another order: a retry.
    const retry = await submitReview(
      user,
      { answerMs: 4_000, rating: "good", version: 0, cardId: card.id, reviewId: first.reviewId },
      minutes(1),
    );
    expect(retry).toMatchObject({ replayed: true, rating: "good", interval: recorded.interval });

    for (const changed of [{ rating: "easy" as const }, { answerMs: 9_000 }, { version: 1 }]) {
      const error = await errorOf(submitReview(user, { ...first, ...changed }, minutes(2)));
      expect(httpStatusOf(error)).toBe(422);
      expect(error.code).toBe("review_id_reused");
      expect(error.message).toMatch(/already used for a different review/);
    }
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    expect((await stateOf(user.id, card.id)).version).toBe(1);
  });
});

describe("overriding an automatic rating", () => {
  const wrongChoice = (card: { options: string[]; answer: string }) => card.options.find((o) => o !== card.answer)!;

  it("is a new version of the review: re-graded at the original answer time, correctness kept, original replaced", async () => {
    const user = await makeUser();
    const card = cardOf("multiple_choice", 0);
    const original = submission(card.id, { response: { kind: "choice", choice: card.answer }, answerMs: 5_000 });
    const first = await submitReview(user, original, T0);
    expect(first).toMatchObject({ correct: true, rating: "good", autoRating: null });

    // The student reads the feedback for two minutes, then says it was easy.
    const override = submission(card.id, { version: 1, rating: "easy", overrides: original.reviewId });
    const changed = await submitReview(user, override, minutes(2));
    expect(changed).toMatchObject({
      reviewId: override.reviewId,
      rating: "easy",
      correct: true,
      autoRating: "good",
      replayed: false,
      state: { version: 2, reps: 1 },
    });
    // The Easy button's label on the first result is what the override scheduled (same time, same fuzz).
    expect(changed.state.due).toEqual(first.alternatives.easy.due);

    const logs = await db.reviewLog.findMany({ where: { userId: user.id } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      clientReviewId: override.reviewId,
      rating: "easy",
      autoRating: "good",
      correct: true,
      answerMs: 5_000,
      reviewedAt: T0,
      versionAfter: 2,
    });
    // Retrying the override replays it; replaying the replaced review cannot apply again.
    expect(await submitReview(user, override, minutes(3))).toMatchObject({ replayed: true, rating: "easy" });
    const stale = await errorOf(submitReview(user, original, minutes(3)));
    expect(stale.code).toBe("review_undone");
    // Undoing the override undoes the review: the card is new again.
    expect((await undoReview(user, override.reviewId)).state).toBeNull();
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(0);
  });

  it("never raises a wrong answer above Hard", async () => {
    const user = await makeUser();
    const card = cardOf("multiple_choice", 1);
    const original = submission(card.id, { response: { kind: "choice", choice: wrongChoice(card) } });
    expect(await submitReview(user, original, T0)).toMatchObject({ correct: false, rating: "again" });

    for (const [version, asked] of [
      [1, "easy"],
      [2, "good"],
    ] as const) {
      const latest = await db.reviewLog.findFirstOrThrow({ where: { userId: user.id, cardId: card.id } });
      const result = await submitReview(
        user,
        submission(card.id, { version, rating: asked, overrides: latest.clientReviewId }),
        minutes(1),
      );
      expect(result).toMatchObject({ rating: "hard", correct: false, autoRating: "again" });
    }
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId: user.id, cardId: card.id } });
    expect(log).toMatchObject({ rating: "hard", correct: false, autoRating: "again", reviewedAt: T0 });
  });

  it("is refused for a self-graded card, and for a review that is not the card's latest", async () => {
    const user = await makeUser();
    const basic = cardOf("basic", 4);
    const rated = submission(basic.id, { rating: "good" });
    await submitReview(user, rated, T0);
    const selfGraded = await errorOf(
      submitReview(user, submission(basic.id, { version: 1, rating: "easy", overrides: rated.reviewId }), minutes(1)),
    );
    expect(httpStatusOf(selfGraded)).toBe(422);
    expect(selfGraded.code).toBe("not_auto_graded");

    const mc = cardOf("multiple_choice", 2);
    const first = submission(mc.id, { response: { kind: "choice", choice: mc.answer } });
    await submitReview(user, first, T0);
    await submitReview(
      user,
      submission(mc.id, { version: 1, response: { kind: "choice", choice: mc.answer } }),
      minutes(20),
    );
    const notLatest = await errorOf(
      submitReview(user, submission(mc.id, { version: 2, rating: "again", overrides: first.reviewId }), minutes(21)),
    );
    expect(httpStatusOf(notLatest)).toBe(409);
    expect(notLatest.code).toBe("not_latest_review");
  });
});
