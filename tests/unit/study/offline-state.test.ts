import { describe, expect, it } from "vitest";
import { enqueue, EMPTY_OUTBOX, restoredOutbox } from "@/app/study/[slug]/outbox";
import {
  initialStudyState,
  studyReducer,
  wantsRefill,
  type StudyAction,
  type StudyState,
} from "@/app/study/[slug]/study-state";
import { NOW, basicCard, choiceCard, queueOf, reviewOf } from "./fixtures";

// Studying offline (docs/decisions/010-offline-study.md): the reducer's part.
const run = (state: StudyState, ...actions: StudyAction[]) => actions.reduce(studyReducer, state);
const loaded = (cards = [basicCard(), basicCard({ cardId: "card-2" })], now = NOW): StudyAction => ({
  type: "queueLoaded",
  queue: queueOf(cards),
  now,
  reviewId: "attempt-1",
});

describe("the study session, offline", () => {
  it("records when each answer was given, for the server to apply it then", () => {
    const state = run(initialStudyState(NOW), loaded(), {
      type: "rated",
      rating: "good",
      now: NOW + 7000,
      reviewId: "attempt-2",
    });
    expect(state.outbox.items[0]).toMatchObject({ reviewId: "attempt-1", answeredAt: NOW + 7000, answerMs: 7000 });
  });

  it("moves on from a card waiting for its check when there is no connection, keeping the answer", () => {
    const checking = run(initialStudyState(NOW), loaded([choiceCard(), basicCard()]), {
      type: "checked",
      response: { kind: "choice", choice: "1949" },
      now: NOW + 1000,
    });
    expect(checking.phase).toBe("checking");
    const moved = run(checking, {
      type: "reviewFailed",
      reviewId: "attempt-1",
      message: "Network error",
      now: NOW + 1100,
      nextReviewId: "attempt-2",
    });
    expect(moved).toMatchObject({ phase: "question", card: { cardId: "card-basic" }, reviewId: "attempt-2" });
    expect(moved.outbox.items.map((i) => i.reviewId)).toEqual(["attempt-1"]);
    expect(moved.announcement).toMatch(/answer is kept/);
    // A server error (no nextReviewId) leaves the card waiting, as before.
    expect(
      run(checking, { type: "reviewFailed", reviewId: "attempt-1", message: "Request failed (500).", now: NOW }).phase,
    ).toBe("checking");
  });

  it("does not wait for a check at all once it is known to be offline", () => {
    const offline = run(
      initialStudyState(NOW),
      loaded([basicCard(), choiceCard(), basicCard({ cardId: "card-3" })]),
      { type: "rated", rating: "good", now: NOW + 1000, reviewId: "attempt-2" },
      { type: "reviewFailed", reviewId: "attempt-1", message: "Network error", now: NOW + 1100 },
      { type: "checked", response: { kind: "choice", choice: "1949" }, now: NOW + 2000, nextReviewId: "attempt-3" },
    );
    expect(offline).toMatchObject({ phase: "question", card: { cardId: "card-3" }, reviewId: "attempt-3" });
    expect(offline.outbox.items.map((i) => i.reviewId)).toEqual(["attempt-1", "attempt-2"]);
  });

  it("after a reload with answers waiting, loads the queue and leaves those cards out", () => {
    const waiting = enqueue(EMPTY_OUTBOX, {
      reviewId: "r-1",
      cardId: "card-basic",
      version: 0,
      rating: "good",
      answerMs: 900,
      answeredAt: NOW - 60_000,
    });
    const state = initialStudyState(NOW, { outbox: restoredOutbox(waiting.items), recordedVersions: {} });
    expect(wantsRefill(state, NOW)).toBe(true);
    const resumed = run(state, { type: "refillStarted" }, loaded());
    expect(resumed.card?.cardId).toBe("card-2");
    // Once a queue is held, no refill while answers wait: the server would still count them due.
    expect(wantsRefill(resumed, NOW)).toBe(false);
  });

  it("leaves out a kept queue's stale copy of a card already recorded, but not a newer one", () => {
    const state = initialStudyState(NOW, { outbox: EMPTY_OUTBOX, recordedVersions: { "card-basic": 1 } });
    expect(run(state, loaded()).card?.cardId).toBe("card-2");
    expect(run(state, loaded([basicCard({ version: 1 })])).card?.cardId).toBe("card-basic");
  });

  it("remembers the version each recorded review reached", () => {
    const answered = run(initialStudyState(NOW), loaded(), {
      type: "rated",
      rating: "good",
      now: NOW + 1000,
      reviewId: "attempt-2",
    });
    const saved = run(answered, {
      type: "reviewSaved",
      reviewId: "attempt-1",
      result: reviewOf(basicCard(), { reviewId: "attempt-1" }),
    });
    expect(saved.recordedVersions).toEqual({ "card-basic": 1 });
  });
});
