import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { fsrs, generatorParameters, createEmptyCard, Rating as FsrsRating } from "ts-fsrs";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { httpStatusOf } from "@/app/_lib/route";
import { submitReview, undoReview, type ReviewSubmission } from "@/lib/study/review";
import { makeDeck, makeUser } from "../fixtures";
import { expectDomainError } from "../domain-errors";

const T0 = new Date("2026-03-02T15:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

type Deck = Awaited<ReturnType<typeof makeDeck>>;
let deck: Deck;
beforeAll(async () => {
  deck = await makeDeck("review-tests");
});
const cardOf = (type: string, nth = 0) => deck.cards.filter((c) => c.type === type)[nth]!;
const submission = (cardId: string, extra: Partial<ReviewSubmission> = {}): ReviewSubmission => ({
  reviewId: randomUUID(),
  cardId,
  version: 0,
  ...extra,
});

describe("recording a review", () => {
  it("writes one log row and the card state, matching ts-fsrs called directly", async () => {
    const user = await makeUser();
    const card = cardOf("basic");
    const result = await submitReview(user, submission(card.id, { rating: "good" }), T0);
    const expected = fsrs(
      generatorParameters({
        enable_fuzz: false,
        request_retention: 0.9,
        learning_steps: ["1m", "10m"],
        relearning_steps: ["10m"],
      }),
    ).next(createEmptyCard(T0), T0, FsrsRating.Good).card;
    const state = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: card.id } },
    });
    expect(state.due).toEqual(expected.due);
    expect(state.stability).toBeCloseTo(expected.stability, 10);
    expect(state.difficulty).toBeCloseTo(expected.difficulty, 10);
    expect(state.version).toBe(1);
    expect(result).toMatchObject({
      rating: "good",
      correct: null,
      replayed: false,
      state: { version: 1, state: "learning" },
      interval: "10m",
    });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("leaves exactly one log row when 50 submissions with one review id arrive at once", async () => {
    const user = await makeUser();
    const card = cardOf("basic", 1);
    const input = submission(card.id, { rating: "good" });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => submitReview(user, input, T0)));
    const fulfilled = results.filter(
      (r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof submitReview>>> => r.status === "fulfilled",
    );
    expect(fulfilled).toHaveLength(50);
    expect(fulfilled.filter((r) => !r.value.replayed)).toHaveLength(1);
    expect(new Set(fulfilled.map((r) => r.value.state.due.getTime())).size).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
    expect(
      (await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } })).reps,
    ).toBe(1);
  });

  it("lets only one of two conflicting reviews of a card apply; the other gets 409", async () => {
    const user = await makeUser();
    const card = cardOf("basic", 2);
    const results = await Promise.allSettled([
      submitReview(user, submission(card.id, { rating: "good" }), T0),
      submitReview(user, submission(card.id, { rating: "again" }), T0),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DomainError);
    expect(httpStatusOf(rejected.reason)).toBe(409);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses a review based on a stale version with 409 and writes nothing", async () => {
    const user = await makeUser();
    const card = cardOf("basic", 3);
    await submitReview(user, submission(card.id, { rating: "good" }), T0);
    await expectDomainError(
      submitReview(user, submission(card.id, { rating: "easy", version: 0 }), minutes(20)),
      409,
      /changed since you loaded it/,
    );
    const next = await submitReview(user, submission(card.id, { rating: "easy", version: 1 }), minutes(20));
    expect(next.state.version).toBe(2);
  });

  it("returns the stored result for a retry, even after later reviews, and refuses a review id reused for another card", async () => {
    const user = await makeUser();
    const card = cardOf("basic", 4);
    // Easy takes the new card straight to review, so the later Again is a lapse.
    const first = submission(card.id, { rating: "easy" });
    const original = await submitReview(user, first, T0);
    // The later review changes the card's state, due date, reps and lapses: none of it may leak into the retry.
    const later = await submitReview(user, submission(card.id, { rating: "again", version: 1 }), minutes(5));
    expect(later.state).not.toEqual(original.state);
    const retry = await submitReview(user, first, minutes(6));
    expect(retry).toEqual({ ...original, replayed: true });
    await expectDomainError(
      submitReview(user, { ...first, cardId: cardOf("basic", 5).id }, T0),
      422,
      /already used for another card/,
    );
  });

  it("answers 404 for a card outside the student's decks and 422 for a retired card", async () => {
    const user = await makeUser();
    const teacher = await makeUser("teacher");
    const privateDeck = await makeDeck("private-deck", { isPublic: false, ownerId: teacher.id });
    await expectDomainError(submitReview(user, submission(privateDeck.cards[0]!.id, { rating: "good" }), T0), 404);
    await db.card.update({ where: { id: deck.cards.at(-1)!.id }, data: { retiredAt: T0 } });
    await expectDomainError(
      submitReview(user, submission(deck.cards.at(-1)!.id, { rating: "good" }), T0),
      422,
      /removed from its deck/,
    );
    await db.card.update({ where: { id: deck.cards.at(-1)!.id }, data: { retiredAt: null } });
  });
});

describe("undo", () => {
  // Issue 10: the version moves forward on undo (it used to go back to the version before the review).
  it("restores the card's memory exactly, moves its version forward and removes the log row", async () => {
    const user = await makeUser();
    const card = cardOf("basic", 6);
    await submitReview(user, submission(card.id, { rating: "good" }), T0);
    await submitReview(user, submission(card.id, { rating: "good", version: 1 }), minutes(15));
    const before = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: card.id } },
    });
    const last = submission(card.id, { rating: "again", version: 2 });
    await submitReview(user, last, minutes(60 * 24 * 3));

    const undone = await undoReview(user, last.reviewId);
    const after = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: user.id, cardId: card.id } },
    });
    const { updatedAt: _a, version: versionAfterUndo, ...restored } = after;
    const { updatedAt: _b, version: versionBefore, ...original } = before;
    expect(restored).toEqual(original);
    expect(versionBefore).toBe(2);
    expect(versionAfterUndo).toBe(4);
    expect(undone.state?.version).toBe(4);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(2);
  });

  it("removes the state of a card that was new, so it is new again", async () => {
    const user = await makeUser();
    const card = cardOf("basic", 7);
    const first = submission(card.id, { rating: "good" });
    await submitReview(user, first, T0);
    expect(await undoReview(user, first.reviewId)).toMatchObject({ state: null });
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(0);
    // And it can be studied again from version 0.
    await submitReview(user, submission(card.id, { rating: "easy" }), minutes(1));
  });

  it("undoes only a card's latest review, only once, and only the student's own", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const card = cardOf("basic", 8);
    const first = submission(card.id, { rating: "good" });
    await submitReview(user, first, T0);
    const second = submission(card.id, { rating: "good", version: 1 });
    await submitReview(user, second, minutes(15));
    await expectDomainError(undoReview(user, first.reviewId), 409, /most recent review/);
    await expectDomainError(undoReview(other, second.reviewId), 404);
    await undoReview(user, second.reviewId);
    await expectDomainError(undoReview(user, second.reviewId), 404);
  });
});

describe("auto-grading", () => {
  it("rates a wrong choice Again and a right one Good, checking the answer on the server", async () => {
    const user = await makeUser();
    const mc = cardOf("multiple_choice");
    const wrongChoice = mc.options.find((o) => o !== mc.answer)!;
    const wrong = await submitReview(
      user,
      submission(mc.id, { response: { kind: "choice", choice: wrongChoice }, answerMs: 4000 }),
      T0,
    );
    expect(wrong).toMatchObject({ correct: false, rating: "again", lapse: true, expected: mc.answer });
    expect(wrong.readerUrl).toBe(`/decks/review-tests/article?card=${mc.externalId}`);
    const mc2 = cardOf("multiple_choice", 1);
    const right = await submitReview(
      user,
      submission(mc2.id, { response: { kind: "choice", choice: mc2.answer }, answerMs: 4000 }),
      T0,
    );
    expect(right).toMatchObject({ correct: true, rating: "good" });
  });

  // Issue 10 changed this rule (docs/learning.md): a fast answer is no longer Easy, and a right pick
  // on a recognition card is Good however long it took. A slow right recall is still Hard.
  it("rates a slow right recall Hard and a fast one Good, and a right true/false pick Good however fast or slow", async () => {
    const user = await makeUser();
    const answer = (card: (typeof deck.cards)[number], answerMs: number) =>
      submitReview(
        user,
        submission(card.id, {
          response:
            card.type === "cloze" ? { kind: "text", text: card.answer } : { kind: "choice", choice: card.answer },
          answerMs,
        }),
        T0,
      );
    const cloze = deck.cards.filter((c) => c.type === "cloze");
    const tf = deck.cards.filter((c) => c.type === "true_false");
    for (const card of [...cloze.slice(0, 4), ...tf.slice(0, 4)]) await answer(card, 6000);
    expect((await answer(cloze[4]!, 2000)).rating).toBe("good");
    expect((await answer(cloze[5]!, 15000)).rating).toBe("hard");
    expect((await answer(tf[4]!, 2000)).rating).toBe("good");
    expect((await answer(tf[5]!, 15000)).rating).toBe("good");
  });

  it('takes "I don\'t know" on an auto-graded card as an honest Again, and refuses it on a self-graded one', async () => {
    const user = await makeUser();
    const mc = cardOf("multiple_choice");
    const result = await submitReview(user, submission(mc.id, { response: { kind: "dont_know" }, answerMs: 3000 }), T0);
    expect(result).toMatchObject({ correct: false, rating: "again", lapse: true, expected: mc.answer });
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId: user.id, cardId: mc.id } });
    expect(log).toMatchObject({ rating: "again", correct: false });
    await expectDomainError(
      submitReview(user, submission(cardOf("basic").id, { response: { kind: "dont_know" } }), T0),
      422,
      /self-graded/,
    );
  });

  it("forgives case, accents and a small typo in a typed cloze answer, and lets the student override the rating", async () => {
    const user = await makeUser();
    const cloze = deck.cards.find((c) => c.type === "cloze" && /[a-z]{5,}/i.test(c.answer) && !/\d/.test(c.answer))!;
    const typo = cloze.answer.slice(0, 2) + cloze.answer[3] + cloze.answer[2] + cloze.answer.slice(4);
    const result = await submitReview(
      user,
      submission(cloze.id, { response: { kind: "text", text: `  ${typo.toUpperCase()} ` }, rating: "hard" }),
      T0,
    );
    expect(result).toMatchObject({ correct: true, rating: "hard" });
  });

  it("checks a timeline's order", async () => {
    const user = await makeUser();
    const timeline = cardOf("timeline");
    const right = await submitReview(
      user,
      submission(timeline.id, { response: { kind: "order", order: timeline.options } }),
      T0,
    );
    expect(right.correct).toBe(true);
    const timeline2 = cardOf("timeline", 1);
    const swapped = [...timeline2.options].reverse();
    expect(
      (await submitReview(user, submission(timeline2.id, { response: { kind: "order", order: swapped } }), T0)).correct,
    ).toBe(false);
  });

  it("answers 422 with a clear message for the wrong kind of answer", async () => {
    const user = await makeUser();
    await expectDomainError(
      submitReview(user, submission(cardOf("basic").id, { response: { kind: "text", text: "x" } }), T0),
      422,
      /self-graded/,
    );
    await expectDomainError(
      submitReview(user, submission(cardOf("basic").id, {}), T0),
      422,
      /Rate how well you recalled/,
    );
    await expectDomainError(
      submitReview(user, submission(cardOf("multiple_choice", 2).id, { rating: "good" }), T0),
      422,
      /Send your answer/,
    );
    await expectDomainError(
      submitReview(
        user,
        submission(cardOf("multiple_choice", 2).id, { response: { kind: "choice", choice: "Atlantis" } }),
        T0,
      ),
      422,
    );
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });
});
