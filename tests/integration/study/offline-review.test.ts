import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { fsrs, generatorParameters, createEmptyCard, Rating as FsrsRating } from "ts-fsrs";
import { db } from "@/lib/db";
import { ReviewSubmissionSchema, submitReview, undoReview, type ReviewSubmission } from "@/lib/study/review";
import { makeDeck, makeUser } from "../fixtures";
import { expectDomainError } from "../domain-errors";

// Reviews answered offline and sent later carry `answeredAt` (docs/api.md, docs/decisions/010).
const T0 = new Date("2026-03-02T15:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

type Deck = Awaited<ReturnType<typeof makeDeck>>;
let deck: Deck;
beforeAll(async () => {
  deck = await makeDeck("offline-review-tests");
});
const basic = (nth = 0) => deck.cards.filter((c) => c.type === "basic")[nth]!;
const submission = (cardId: string, extra: Partial<ReviewSubmission> = {}): ReviewSubmission => ({
  reviewId: randomUUID(),
  cardId,
  version: 0,
  rating: "good",
  ...extra,
});
const stateOf = (userId: string, cardId: string) =>
  db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
const logsOf = (userId: string, cardId: string) =>
  db.reviewLog.findMany({ where: { userId, cardId }, orderBy: { reviewedAt: "asc" } });

describe("a review answered offline", () => {
  it("is applied at its answered time, as ts-fsrs schedules it from then", async () => {
    const user = await makeUser();
    const card = basic();
    const answeredAt = minutes(-90);
    const result = await submitReview(user, submission(card.id, { answeredAt: answeredAt.toISOString() }), T0);
    const expected = fsrs(
      generatorParameters({ enable_fuzz: false, learning_steps: ["1m", "10m"], relearning_steps: ["10m"] }),
    ).next(createEmptyCard(answeredAt), answeredAt, FsrsRating.Good).card;
    const state = await stateOf(user.id, card.id);
    expect(state.lastReview).toEqual(answeredAt);
    expect(state.due).toEqual(expected.due);
    expect(result).toMatchObject({ reviewedAt: answeredAt, superseded: false, replayed: false });
    const [log] = await logsOf(user.id, card.id);
    expect(log!.reviewedAt).toEqual(answeredAt);
    expect(log!.createdAt).toEqual(T0);
  });

  it("is never applied in the future: a fast client clock is clamped to the time it arrives", async () => {
    const user = await makeUser();
    const result = await submitReview(user, submission(basic().id, { answeredAt: minutes(5).toISOString() }), T0);
    expect(result.reviewedAt).toEqual(T0);
    expect((await stateOf(user.id, basic().id)).lastReview).toEqual(T0);
  });

  it("is never applied before the card's last review when it is based on the current state", async () => {
    const user = await makeUser();
    const card = basic();
    const first = await submitReview(user, submission(card.id), T0);
    // A second device whose clock runs behind: same version, answered "before" the first review.
    const late = await submitReview(
      user,
      submission(card.id, { version: first.state.version, answeredAt: minutes(-3).toISOString() }),
      minutes(20),
    );
    expect(late.reviewedAt).toEqual(T0);
    expect(late.superseded).toBe(false);
    expect((await stateOf(user.id, card.id)).version).toBe(2);
  });

  it("is refused with 422 when answered more than 30 days ago, and nothing is written", async () => {
    const user = await makeUser();
    const error = await expectDomainError(
      submitReview(user, submission(basic().id, { answeredAt: days(-31).toISOString() }), T0),
      422,
      /more than 30 days ago/,
    );
    expect(error.code).toBe("answered_too_long_ago");
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    // 29 days is within the limit.
    const ok = await submitReview(user, submission(basic().id, { answeredAt: days(-29).toISOString() }), T0);
    expect(ok.reviewedAt).toEqual(days(-29));
  });

  it("must be an ISO date-time", () => {
    const parsed = ReviewSubmissionSchema.safeParse({ ...submission(basic().id), answeredAt: "yesterday" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toMatch(/answeredAt must be an ISO 8601 date-time/);
    expect(
      ReviewSubmissionSchema.safeParse({ ...submission(basic().id), answeredAt: "2026-03-02T15:00:00+01:00" }).success,
    ).toBe(true);
  });
});

describe("a late review of a card that changed meanwhile (Anki's sync: keep every review, latest state wins)", () => {
  it("is applied on the current state when it was answered after the card's last review", async () => {
    const user = await makeUser();
    const card = basic(1);
    // Another device reviews the card at T0; this one, still holding version 0, answers at T0 + 10 min.
    await submitReview(user, submission(card.id, { rating: "again" }), T0);
    const late = await submitReview(
      user,
      submission(card.id, { version: 0, answeredAt: minutes(10).toISOString() }),
      minutes(30),
    );
    expect(late).toMatchObject({ superseded: false, reviewedAt: minutes(10), state: { version: 2 } });
    const state = await stateOf(user.id, card.id);
    expect(state.version).toBe(2);
    expect(state.lastReview).toEqual(minutes(10));
    expect(state.reps).toBe(2);
    expect((await logsOf(user.id, card.id)).map((l) => l.rating)).toEqual(["again", "good"]);
  });

  it("is kept in the history without moving the state back when a newer review already exists", async () => {
    const user = await makeUser();
    const card = basic(2);
    const newer = await submitReview(user, submission(card.id, { rating: "good" }), T0);
    const stateBefore = await stateOf(user.id, card.id);
    const input = submission(card.id, { version: 0, rating: "again", answeredAt: minutes(-30).toISOString() });
    const late = await submitReview(user, input, minutes(40));
    expect(late).toMatchObject({ superseded: true, replayed: false, reviewedAt: minutes(-30), rating: "again" });
    expect(late.state.version).toBe(newer.state.version);
    // The state is the newer review's, untouched but for the wrong-answer count the "again" adds.
    const stateAfter = await stateOf(user.id, card.id);
    expect(stateAfter).toEqual({ ...stateBefore, wrongCount: stateBefore.wrongCount + 1 });
    // Both reviews are in the history, in the order they were answered.
    const logs = await logsOf(user.id, card.id);
    expect(logs.map((l) => [l.rating, l.reviewedAt])).toEqual([
      ["again", minutes(-30)],
      ["good", T0],
    ]);
    // Only the newer review is the card's latest: it can be undone, and undo restores the new card.
    await undoReview(user, newer.reviewId);
    expect(await db.cardState.count({ where: { userId: user.id, cardId: card.id } })).toBe(0);
  });

  it("is recorded exactly once: a retry answers the stored result, another body with its id gets 422", async () => {
    const user = await makeUser();
    const card = basic(3);
    await submitReview(user, submission(card.id), T0);
    const input = submission(card.id, { version: 0, rating: "hard", answeredAt: minutes(-5).toISOString() });
    const first = await submitReview(user, input, minutes(10));
    const retry = await submitReview(user, input, minutes(11));
    expect(retry).toMatchObject({ replayed: true, superseded: true, rating: "hard", reviewedAt: minutes(-5) });
    expect(retry.state).toEqual(first.state);
    const error = await expectDomainError(
      submitReview(user, { ...input, answeredAt: minutes(-4).toISOString() }, minutes(12)),
      422,
    );
    expect(error.code).toBe("review_id_reused");
    expect(await db.reviewLog.count({ where: { userId: user.id, cardId: card.id } })).toBe(2);

    // A late review applied on the current state replays the same way.
    const applied = submission(card.id, { version: 0, answeredAt: minutes(15).toISOString() });
    await submitReview(user, applied, minutes(20));
    await expect(submitReview(user, applied, minutes(21))).resolves.toMatchObject({ replayed: true });
    expect(await db.reviewLog.count({ where: { userId: user.id, cardId: card.id } })).toBe(3);
  });

  it("keeps the 409 for a stale review sent without answeredAt (a live tab reloads instead)", async () => {
    const user = await makeUser();
    const card = basic(4);
    await submitReview(user, submission(card.id), T0);
    await expectDomainError(submitReview(user, submission(card.id, { version: 0 }), minutes(1)), 409);
  });

  it("cannot override a review kept in the history only", async () => {
    const user = await makeUser();
    const card = deck.cards.find((c) => c.type === "multiple_choice" || c.type === "true_false")!;
    const newer = await submitReview(
      user,
      submission(card.id, { rating: undefined, response: { kind: "dont_know" } }),
      T0,
    );
    const late = await submitReview(
      user,
      submission(card.id, {
        version: 0,
        rating: undefined,
        response: { kind: "dont_know" },
        answeredAt: minutes(-2).toISOString(),
      }),
      minutes(1),
    );
    expect(late.superseded).toBe(true);
    await expectDomainError(
      submitReview(
        user,
        submission(card.id, { version: newer.state.version, rating: "hard", overrides: late.reviewId }),
        minutes(2),
      ),
      409,
    );
  });
});
