import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitReview, undoReview, type ReviewSubmission } from "@/lib/study/review";
import { makeDeck, makeUser } from "../fixtures";

// CardState.wrongCount is what the class dashboard reads for accuracy instead of scanning the review
// log (issue 15): it must always equal the log's wrong answers for the card (a checked answer that was
// wrong, or a self-graded "again"), whatever the review, undo, override or retry did.
const T0 = new Date("2026-03-02T15:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

type Deck = Awaited<ReturnType<typeof makeDeck>>;
let deck: Deck;
beforeAll(async () => {
  deck = await makeDeck("wrong-count-tests");
});
const basic = (nth = 0) => deck.cards.filter((c) => c.type === "basic")[nth]!;
const choiceCard = () => deck.cards.find((c) => c.type === "multiple_choice")!;
const submission = (cardId: string, extra: Partial<ReviewSubmission> = {}): ReviewSubmission => ({
  reviewId: randomUUID(),
  cardId,
  version: 0,
  ...extra,
});

async function counts(userId: string, cardId: string) {
  const state = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  const logs = await db.reviewLog.findMany({ where: { userId, cardId }, select: { correct: true, rating: true } });
  const wrongInLog = logs.filter((l) => (l.correct === null ? l.rating === "again" : !l.correct)).length;
  return { wrongCount: state?.wrongCount ?? null, wrongInLog };
}

describe("a card state's wrong-answer count", () => {
  it("counts self-graded agains, and undo takes one back", async () => {
    const user = await makeUser();
    const card = basic();
    const first = await submitReview(user, submission(card.id, { rating: "again" }), T0);
    expect(await counts(user.id, card.id)).toEqual({ wrongCount: 1, wrongInLog: 1 });
    const second = await submitReview(
      user,
      submission(card.id, { rating: "good", version: first.state.version }),
      minutes(2),
    );
    expect(await counts(user.id, card.id)).toEqual({ wrongCount: 1, wrongInLog: 1 });
    const third = await submitReview(
      user,
      submission(card.id, { rating: "again", version: second.state.version }),
      minutes(15),
    );
    expect(await counts(user.id, card.id)).toEqual({ wrongCount: 2, wrongInLog: 2 });

    const undone = await undoReview(user, third.reviewId);
    expect(await counts(user.id, card.id)).toEqual({ wrongCount: 1, wrongInLog: 1 });
    // Undoing a right answer leaves the count.
    const fourth = await submitReview(
      user,
      submission(card.id, { rating: "good", version: undone.state!.version }),
      minutes(16),
    );
    await undoReview(user, fourth.reviewId);
    expect(await counts(user.id, card.id)).toEqual({ wrongCount: 1, wrongInLog: 1 });
  });

  it("counts a wrong answer once when its request is retried, even all at once", async () => {
    const user = await makeUser();
    const card = basic(1);
    const first = await submitReview(user, submission(card.id, { rating: "good" }), T0);
    const input = submission(card.id, { rating: "again", version: first.state.version });
    const results = await Promise.all(Array.from({ length: 10 }, () => submitReview(user, input, minutes(12))));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    await expect(submitReview(user, input, minutes(20))).resolves.toMatchObject({ replayed: true });
    expect(await counts(user.id, card.id)).toEqual({ wrongCount: 1, wrongInLog: 1 });
  });

  it("follows the checked answer, not the rating, through an override and its undo", async () => {
    const user = await makeUser();
    const card = choiceCard();
    const wrong = await submitReview(user, submission(card.id, { response: { kind: "dont_know" } }), T0);
    expect(wrong.correct).toBe(false);
    expect(await counts(user.id, card.id)).toEqual({ wrongCount: 1, wrongInLog: 1 });

    // A wrong answer overridden to "hard" stays a wrong answer (the override keeps `correct`).
    const overridden = await submitReview(
      user,
      submission(card.id, { rating: "hard", version: wrong.state.version, overrides: wrong.reviewId }),
      minutes(1),
    );
    expect(overridden).toMatchObject({ rating: "hard", correct: false, autoRating: "again" });
    expect(await counts(user.id, card.id)).toEqual({ wrongCount: 1, wrongInLog: 1 });

    // Undoing the override undoes the review it replaced: no review, no wrong answer.
    await undoReview(user, overridden.reviewId);
    expect(await counts(user.id, card.id)).toEqual({ wrongCount: null, wrongInLog: 0 });

    // A right answer overridden to "again" is still a right answer.
    const right = await submitReview(
      user,
      submission(card.id, { response: { kind: "choice", choice: card.answer } }),
      minutes(30),
    );
    expect(right.correct).toBe(true);
    await submitReview(
      user,
      submission(card.id, { rating: "again", version: right.state.version, overrides: right.reviewId }),
      minutes(31),
    );
    expect(await counts(user.id, card.id)).toEqual({ wrongCount: 0, wrongInLog: 0 });
  });

  it("counts a late wrong answer kept in the history only", async () => {
    const user = await makeUser();
    const card = basic(2);
    const newer = await submitReview(user, submission(card.id, { rating: "good" }), T0);
    const late = await submitReview(
      user,
      submission(card.id, { rating: "again", version: 0, answeredAt: minutes(-30).toISOString() }),
      minutes(1),
    );
    expect(late.superseded).toBe(true);
    const state = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: card.id } },
    });
    expect(state.version).toBe(newer.state.version);
    expect(await counts(user.id, card.id)).toEqual({ wrongCount: 1, wrongInLog: 1 });
  });
});
