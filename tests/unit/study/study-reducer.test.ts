import { describe, expect, it } from "vitest";
import {
  initialStudyState,
  move,
  movesStraightOn,
  REFILL_BELOW,
  remainingToday,
  responseFor,
  sessionProgress,
  studyReducer,
  WAIT_FOR_LEARNING_MS,
  wantsRefill,
  type StudyAction,
  type StudyState,
} from "@/app/study/[slug]/study-state";
import type { Rating } from "@/app/study/[slug]/study-client";
import { MINUTE, NOW, basicCard, choiceCard, clozeCard, queueOf, reviewOf, timelineCard } from "./fixtures";

/** Freezes the state handed in, so a reducer that mutates instead of copying throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function run(state: StudyState, ...actions: StudyAction[]): StudyState {
  return actions.reduce((s, a) => studyReducer(deepFreeze(s), a), state);
}

const loaded = (queue = queueOf([choiceCard(), basicCard()]), now = NOW, reviewId = "attempt-1"): StudyAction => ({
  type: "queueLoaded",
  queue,
  now,
  reviewId,
});

/** A session showing `card` as its question, with card-next held after it. */
const showing = (card = choiceCard(), ...rest: StudyAction[]) =>
  run(initialStudyState(NOW), loaded(queueOf([card, basicCard({ cardId: "card-next" })])), ...rest);

/** A session where auto-graded `card` was checked and its result arrived. */
function answered(card = choiceCard(), result = reviewOf(card, { reviewId: "attempt-1" })) {
  return run(
    showing(card, { type: "choicePicked", choice: "1949" }),
    { type: "checked", response: { kind: "choice", choice: "1949" }, now: NOW + 3000 },
    { type: "reviewSending", reviewId: "attempt-1" },
    { type: "reviewSaved", reviewId: "attempt-1", result },
  );
}

/** A session where self-graded card-basic was rated (its review still in the outbox); card-next is on screen. */
function rated(rating: Rating = "good", card = basicCard()) {
  return run(
    initialStudyState(NOW),
    loaded(queueOf([card, basicCard({ cardId: "card-next" }), choiceCard()])),
    { type: "answerRevealed" },
    { type: "rated", rating, now: NOW + 4000, reviewId: "attempt-2" },
  );
}

// Every action gets a describe block through `transition`; the last test checks none is missing.
const ACTION_TYPES = {
  refillStarted: true,
  queueLoaded: true,
  loadFailed: true,
  answerRevealed: true,
  choicePicked: true,
  textTyped: true,
  timelineItemPicked: true,
  timelineItemMoved: true,
  rated: true,
  checked: true,
  continued: true,
  reviewSending: true,
  reviewSaved: true,
  reviewFailed: true,
  reviewConflicted: true,
  reviewRebased: true,
  reviewDropped: true,
  connectionRestored: true,
  undoStarted: true,
  reviewUndone: true,
  overrideStarted: true,
  ratingOverridden: true,
  requestFailed: true,
  requestSettled: true,
  sessionFinished: true,
} satisfies Record<StudyAction["type"], true>;
const described = new Set<string>();
function transition(type: StudyAction["type"], body: () => void) {
  described.add(type);
  describe(`on ${type}`, body);
}

describe("a new study session", () => {
  it("starts loading, with nothing counted and the clock started at the time given", () => {
    const state = initialStudyState(NOW);
    expect(state).toMatchObject({ phase: "loading", queue: null, card: null, busy: false, error: null, history: [] });
    expect(state.counters).toEqual({ reviews: 0, again: 0, startedAt: NOW, finishedAt: null });
  });
});

transition("queueLoaded", () => {
  it("shows the first card as a question, timing the answer from now, with the attempt's review id", () => {
    const queue = queueOf([choiceCard(), basicCard()]);
    const state = run(initialStudyState(NOW), loaded(queue, NOW + 5000, "attempt-7"));
    expect(state).toMatchObject({
      phase: "question",
      queue,
      card: choiceCard(),
      shownAt: NOW + 5000,
      reviewId: "attempt-7",
      result: null,
    });
    expect(state.answer).toEqual({ revealed: false, choice: null, text: "", order: [], picked: null });
  });

  it("starts a timeline card with its events in the order shown", () => {
    const state = run(initialStudyState(NOW), loaded(queueOf([timelineCard()])));
    expect(state.answer.order).toEqual(["Warsaw Pact", "NATO", "Budapest Memorandum"]);
  });

  it("after a failed load, shows the first card and clears the error", () => {
    const before = run(initialStudyState(NOW), { type: "loadFailed", message: "Network error", now: NOW });
    const state = run(before, loaded(queueOf([basicCard()]), NOW + MINUTE, "attempt-2"));
    expect(state).toMatchObject({ phase: "question", card: basicCard(), error: null, reviewId: "attempt-2" });
  });

  it("keeps the card on screen and the cards held, adding only cards not held, answered or waiting to be saved", () => {
    const before = run(rated(), { type: "refillStarted" });
    // card-next is on screen, card-choice held, card-basic answered (in the outbox).
    const fresh = basicCard({ cardId: "card-fresh" });
    const state = run(before, loaded(queueOf([basicCard(), basicCard({ cardId: "card-next" }), fresh, choiceCard()])));
    expect(state.card?.cardId).toBe("card-next");
    expect(state.upcoming.map((c) => c.cardId)).toEqual(["card-choice", "card-fresh"]);
    expect(state).toMatchObject({ refilling: false, phase: "question" });
  });

  it("leaves out a card answered after the fetch was sent, even once its review is saved", () => {
    const before = run(
      showing(basicCard()),
      { type: "refillStarted" },
      { type: "answerRevealed" },
      { type: "rated", rating: "good", now: NOW, reviewId: "attempt-2" },
      { type: "reviewSaved", reviewId: "attempt-1", result: reviewOf(basicCard(), { reviewId: "attempt-1" }) },
    );
    const state = run(before, loaded(queueOf([basicCard(), choiceCard()])));
    expect(state.upcoming.map((c) => c.cardId)).toEqual(["card-choice"]);
  });

  it("keeps the session's history and counters", () => {
    const before = answered();
    const state = run(before, loaded(queueOf([basicCard()])));
    expect(state.history).toBe(before.history);
    expect(state.counters).toBe(before.counters);
  });

  it("notes whether the page was full, so the page fetches ahead only when the server holds more", () => {
    const full = queueOf(Array.from({ length: 3 }, (_, i) => basicCard({ cardId: `c${i}` })));
    expect(run(initialStudyState(NOW), { ...loaded(full), limit: 3 } as StudyAction).lastFetchFull).toBe(true);
    expect(run(initialStudyState(NOW), { ...loaded(full), limit: 4 } as StudyAction).lastFetchFull).toBe(false);
  });

  it("waits when no card is left and a learning step comes due within the waiting window", () => {
    const queue = queueOf([], { nextDueAt: new Date(NOW + WAIT_FOR_LEARNING_MS - 1).toISOString() });
    const state = run(initialStudyState(NOW), loaded(queue));
    expect(state).toMatchObject({ phase: "waiting", card: null, queue });
    expect(state.counters.finishedAt).toBeNull();
  });

  it("ends the session, stopping its clock, when the next card comes due only after the waiting window", () => {
    const queue = queueOf([], { nextDueAt: new Date(NOW + WAIT_FOR_LEARNING_MS).toISOString() });
    const state = run(initialStudyState(NOW - 5 * MINUTE), loaded(queue));
    expect(state).toMatchObject({ phase: "done", card: null });
    expect(state.counters).toMatchObject({ startedAt: NOW - 5 * MINUTE, finishedAt: NOW });
  });

  it("ends the session when nothing is scheduled at all", () => {
    const state = run(initialStudyState(NOW), loaded(queueOf([])));
    expect(state.phase).toBe("done");
  });
});

transition("loadFailed", () => {
  it("shows the error phase with the message", () => {
    const state = run(initialStudyState(NOW), {
      type: "loadFailed",
      message: "Network error: offline. Check your connection.",
      now: NOW,
    });
    expect(state).toMatchObject({ phase: "error", error: "Network error: offline. Check your connection." });
    expect(state.refillNotBefore).toBe(NOW + 3000);
  });

  it("keeps studying the cards held when a fetch ahead fails, and waits before the next", () => {
    const before = run(rated(), { type: "reviewSaved", reviewId: "attempt-1", result: reviewOf(basicCard()) });
    const state = run(before, { type: "refillStarted" }, { type: "loadFailed", message: "offline", now: NOW });
    expect(state).toMatchObject({ phase: "question", error: null, refilling: false, refillNotBefore: NOW + 3000 });
  });
});

transition("refillStarted", () => {
  it("marks a fetch in flight and starts counting the cards answered from now", () => {
    const state = run(rated(), { type: "refillStarted" });
    expect(state).toMatchObject({ refilling: true, answeredSinceFetch: [] });
  });

  it("keeps the counters and the progress bar where they were while the fetch is in flight", () => {
    const saved = run(rated(), { type: "reviewSaved", reviewId: "attempt-1", result: reviewOf(basicCard()) });
    const state = run(saved, { type: "refillStarted" });
    expect(remainingToday(state)).toEqual(remainingToday(saved));
    expect(sessionProgress(state)).toBe(sessionProgress(saved));
  });
});

transition("answerRevealed", () => {
  it("reveals a self-graded card's answer", () => {
    expect(run(showing(basicCard()), { type: "answerRevealed" }).answer.revealed).toBe(true);
  });

  it("does nothing on an auto-graded card, whose answer comes from the server", () => {
    const before = showing(choiceCard());
    expect(run(before, { type: "answerRevealed" })).toBe(before);
  });

  it("does nothing once the card has been answered", () => {
    const before = run(rated("again", basicCard({ kind: "review" })), {
      type: "reviewSaved",
      reviewId: "attempt-1",
      result: reviewOf(basicCard(), { lapse: true, rating: "again" }),
    });
    expect(before.phase).toBe("answered");
    expect(run(before, { type: "answerRevealed" })).toBe(before);
  });
});

transition("choicePicked", () => {
  it("picks one of the card's options, replacing an earlier pick", () => {
    const state = run(showing(), { type: "choicePicked", choice: "1945" }, { type: "choicePicked", choice: "1955" });
    expect(state.answer.choice).toBe("1955");
  });

  it("ignores a choice that is not among the card's options", () => {
    const before = showing();
    expect(run(before, { type: "choicePicked", choice: "1990" })).toBe(before);
  });

  it("ignores a pick after the answer was checked", () => {
    const before = answered();
    expect(run(before, { type: "choicePicked", choice: "1945" })).toBe(before);
  });

  it("ignores a pick while nothing is shown", () => {
    const before = initialStudyState(NOW);
    expect(run(before, { type: "choicePicked", choice: "1945" })).toBe(before);
  });
});

transition("textTyped", () => {
  it("keeps the words typed as they are, spaces included", () => {
    expect(run(showing(clozeCard()), { type: "textTyped", text: " 1949 " }).answer.text).toBe(" 1949 ");
  });
});

transition("timelineItemPicked", () => {
  it("marks the event at that position for the arrow keys", () => {
    expect(run(showing(timelineCard()), { type: "timelineItemPicked", index: 2 }).answer.picked).toBe(2);
  });

  it("ignores a position with no event", () => {
    const before = showing(timelineCard());
    expect(run(before, { type: "timelineItemPicked", index: 3 })).toBe(before);
  });
});

transition("timelineItemMoved", () => {
  it("moves an event, and the mark follows the event it was on", () => {
    const state = run(
      showing(timelineCard()),
      { type: "timelineItemPicked", index: 2 },
      { type: "timelineItemMoved", from: 2, to: 1 },
    );
    expect(state.answer.order).toEqual(["Warsaw Pact", "Budapest Memorandum", "NATO"]);
    expect(state.answer.picked).toBe(1);
  });

  it("keeps the mark on its own event when another event moves past it", () => {
    const state = run(
      showing(timelineCard()),
      { type: "timelineItemPicked", index: 0 },
      { type: "timelineItemMoved", from: 1, to: 0 },
    );
    expect(state.answer.order).toEqual(["NATO", "Warsaw Pact", "Budapest Memorandum"]);
    expect(state.answer.picked).toBe(1);
  });

  it("moves an event with nothing marked", () => {
    const state = run(showing(timelineCard()), { type: "timelineItemMoved", from: 0, to: 2 });
    expect(state.answer).toMatchObject({ order: ["NATO", "Budapest Memorandum", "Warsaw Pact"], picked: null });
  });

  it("ignores a move past either end", () => {
    const before = run(showing(timelineCard()), { type: "timelineItemPicked", index: 0 });
    expect(run(before, { type: "timelineItemMoved", from: 0, to: -1 })).toBe(before);
    expect(run(before, { type: "timelineItemMoved", from: 2, to: 3 })).toBe(before);
  });
});

transition("rated", () => {
  it("shows the next card held at once, the review in the outbox with the attempt's id, version and answer time", () => {
    const state = rated("good", basicCard({ version: 3 }));
    expect(state).toMatchObject({ phase: "question", reviewId: "attempt-2", shownAt: NOW + 4000 });
    expect(state.card?.cardId).toBe("card-next");
    expect(state.outbox.items).toEqual([
      expect.objectContaining({
        reviewId: "attempt-1",
        cardId: "card-basic",
        version: 3,
        rating: "good",
        answerMs: 4000,
      }),
    ]);
    expect(state.counters).toMatchObject({ reviews: 1, again: 0 });
    expect(state.history).toEqual([expect.objectContaining({ reviewId: "attempt-1", rating: "good", result: null })]);
    expect(state.answeredSinceFetch).toEqual(["card-basic"]);
    expect(state.announcement).toBe("Rated Good.");
  });

  it("counts Again, and keeps a forgotten review card on screen until its result (the passage) arrives", () => {
    const state = rated("again", basicCard({ kind: "review" }));
    expect(state).toMatchObject({ phase: "checking", reviewId: "attempt-1" });
    expect(state.card?.cardId).toBe("card-basic");
    expect(state.counters.again).toBe(1);
  });

  it("moves on from a new card rated Again: it is no lapse", () => {
    expect(rated("again").phase).toBe("question");
  });

  it("with no card held, loads: the queue is fetched again to see which learning cards came due", () => {
    const state = run(
      initialStudyState(NOW),
      loaded(queueOf([basicCard()])),
      { type: "answerRevealed" },
      { type: "rated", rating: "again", now: NOW, reviewId: "attempt-2" },
    );
    expect(state).toMatchObject({ phase: "loading", card: null });
  });

  it("ignores a rating for an auto-graded card, or with no question on screen", () => {
    const before = showing(choiceCard());
    expect(run(before, { type: "rated", rating: "good", now: NOW, reviewId: "x" })).toBe(before);
    const none = initialStudyState(NOW);
    expect(run(none, { type: "rated", rating: "good", now: NOW, reviewId: "x" })).toBe(none);
  });
});

transition("checked", () => {
  it("puts the answer in the outbox and waits for the server's check", () => {
    const state = run(
      showing(clozeCard()),
      { type: "textTyped", text: "1949" },
      {
        type: "checked",
        response: { kind: "text", text: "1949" },
        now: NOW + 2000,
      },
    );
    expect(state.phase).toBe("checking");
    expect(state.outbox.items).toEqual([
      expect.objectContaining({ reviewId: "attempt-1", response: { kind: "text", text: "1949" }, answerMs: 2000 }),
    ]);
    expect(state.counters.reviews).toBe(0); // counted once its rating is known
  });

  it("ignores a check on a self-graded card, or a second one", () => {
    const before = showing(basicCard());
    expect(run(before, { type: "checked", response: { kind: "dont_know" }, now: NOW })).toBe(before);
    const checking = run(showing(), { type: "checked", response: { kind: "dont_know" }, now: NOW });
    expect(run(checking, { type: "checked", response: { kind: "dont_know" }, now: NOW })).toBe(checking);
  });
});

transition("continued", () => {
  it("shows the next card held at once, with a new attempt id", () => {
    const state = run(answered(), { type: "continued", now: NOW + MINUTE, reviewId: "attempt-9" });
    expect(state).toMatchObject({ phase: "question", reviewId: "attempt-9", shownAt: NOW + MINUTE, result: null });
    expect(state.card?.cardId).toBe("card-next");
  });

  it("does nothing before the result is shown, or while an override is in flight", () => {
    const before = showing();
    expect(run(before, { type: "continued", now: NOW, reviewId: "x" })).toBe(before);
    const busy = run(answered(), { type: "overrideStarted" });
    expect(run(busy, { type: "continued", now: NOW, reviewId: "x" })).toBe(busy);
  });

  it("waits when no card is held, none was answered since the fetch, and a learning step comes due soon", () => {
    const queue = queueOf([choiceCard()], { nextDueAt: new Date(NOW + MINUTE).toISOString() });
    const before = run(initialStudyState(NOW), { type: "refillStarted" }, loaded(queue));
    const checked = run(before, { type: "checked", response: { kind: "dont_know" }, now: NOW });
    const saved = run(checked, { type: "reviewSaved", reviewId: "attempt-1", result: reviewOf(choiceCard()) });
    // The card was answered since the fetch: the queue is fetched again first.
    expect(run(saved, { type: "continued", now: NOW, reviewId: "x" }).phase).toBe("loading");
    const fetched = { ...saved, answeredSinceFetch: [] };
    expect(run(fetched, { type: "continued", now: NOW, reviewId: "x" }).phase).toBe("waiting");
  });
});

transition("reviewSending", () => {
  it("marks the review in flight, so it is not sent twice", () => {
    const state = run(rated(), { type: "reviewSending", reviewId: "attempt-1" });
    expect(state.outbox.items[0]?.status).toBe("sending");
  });
});

transition("reviewSaved", () => {
  it("shows an auto-graded card's result, counts the review and announces the verdict", () => {
    const card = choiceCard();
    const result = reviewOf(card, { reviewId: "attempt-1" });
    const state = answered(card, result);
    expect(state).toMatchObject({ phase: "answered", result });
    expect(state.outbox.items).toEqual([]);
    expect(state.outbox.saved).toBe(1);
    expect(state.history).toEqual([{ card, reviewId: "attempt-1", rating: null, result }]);
    expect(state.counters).toMatchObject({ reviews: 1, again: 0 });
    expect(state.announcement).toBe("Correct. Rated Good, next review in 10m.");
  });

  it("counts a wrong answer rated Again, and says the card comes back soon when its interval is now", () => {
    const card = clozeCard();
    const state = answered(card, reviewOf(card, { correct: false, rating: "again", lapse: true, interval: "now" }));
    expect(state.counters).toMatchObject({ reviews: 1, again: 1 });
    expect(state.announcement).toBe("Not quite. Rated Again, next review soon.");
  });

  it("records a self-graded review's result in the history without touching the card on screen", () => {
    const before = rated();
    const result = reviewOf(basicCard(), { reviewId: "attempt-1" });
    const state = run(before, { type: "reviewSaved", reviewId: "attempt-1", result });
    expect(state.history[0]?.result).toBe(result);
    expect(state.card).toBe(before.card);
    expect(state.counters).toBe(before.counters);
    expect(state.outbox).toMatchObject({ items: [], saved: 1 });
  });

  it("shows a forgotten self-graded card's result, so its source passage can be read", () => {
    const before = rated("again", basicCard({ kind: "review" }));
    const result = reviewOf(basicCard(), { rating: "again", lapse: true });
    expect(run(before, { type: "reviewSaved", reviewId: "attempt-1", result }).phase).toBe("answered");
  });
});

transition("reviewFailed", () => {
  it("keeps the answer in the outbox, to be tried again after a back-off, and says so", () => {
    const state = run(
      rated(),
      { type: "reviewSending", reviewId: "attempt-1" },
      {
        type: "reviewFailed",
        reviewId: "attempt-1",
        message: "Network error",
        now: NOW,
      },
    );
    expect(state.outbox.items[0]).toMatchObject({ status: "pending", attempts: 1, notBefore: NOW + 1000 });
    expect(state.outbox.lastError).toBe("Network error");
    expect(state.card?.cardId).toBe("card-next"); // studying goes on
  });
});

transition("reviewConflicted", () => {
  it("holds the review until it is reconciled", () => {
    const state = run(rated(), { type: "reviewConflicted", reviewId: "attempt-1" });
    expect(state.outbox.items[0]?.status).toBe("conflict");
  });
});

transition("reviewRebased", () => {
  it("keeps the answer on the card's current version under a new id, in the history too", () => {
    const state = run(
      rated(),
      { type: "reviewConflicted", reviewId: "attempt-1" },
      { type: "reviewRebased", reviewId: "attempt-1", version: 5, newReviewId: "attempt-1b" },
    );
    expect(state.outbox.items[0]).toMatchObject({
      reviewId: "attempt-1b",
      version: 5,
      status: "pending",
      rating: "good",
    });
    expect(state.history[0]?.reviewId).toBe("attempt-1b");
  });

  it("renames the attempt of a card waiting for its check", () => {
    const checking = run(showing(), { type: "checked", response: { kind: "dont_know" }, now: NOW });
    const state = run(checking, {
      type: "reviewRebased",
      reviewId: "attempt-1",
      version: 2,
      newReviewId: "attempt-1b",
    });
    expect(state.reviewId).toBe("attempt-1b");
  });
});

transition("reviewDropped", () => {
  it("takes a review the server refused for good off the outbox, the history and the counters, and says why", () => {
    const state = run(rated("again"), {
      type: "reviewDropped",
      reviewId: "attempt-1",
      message: "That card was already reviewed elsewhere.",
      now: NOW,
      nextReviewId: "x",
    });
    expect(state.outbox).toMatchObject({ items: [], dropped: 1 });
    expect(state.history).toEqual([]);
    expect(state.counters).toMatchObject({ reviews: 0, again: 0 });
    expect(state.error).toBe("That card was already reviewed elsewhere.");
  });

  it("moves on from a card that was waiting for that review's check", () => {
    const checking = run(showing(), { type: "checked", response: { kind: "dont_know" }, now: NOW });
    const state = run(checking, {
      type: "reviewDropped",
      reviewId: "attempt-1",
      message: "card_retired",
      now: NOW,
      nextReviewId: "attempt-2",
    });
    expect(state).toMatchObject({ phase: "question", reviewId: "attempt-2" });
    expect(state.card?.cardId).toBe("card-next");
  });
});

transition("connectionRestored", () => {
  it("lets waiting reviews and fetches go at once", () => {
    const failed = run(
      rated(),
      { type: "reviewFailed", reviewId: "attempt-1", message: "offline", now: NOW },
      { type: "loadFailed", message: "offline", now: NOW },
    );
    const state = run(failed, { type: "connectionRestored" });
    expect(state.outbox.items[0]?.notBefore).toBe(0);
    expect(state.refillNotBefore).toBe(0);
  });
});

transition("undoStarted", () => {
  it("marks the session busy when the last review is recorded", () => {
    expect(run(answered(), { type: "undoStarted" }).busy).toBe(true);
  });

  it("does nothing with no review to take back, or while one waits to be saved", () => {
    const before = showing();
    expect(run(before, { type: "undoStarted" })).toBe(before);
    const waiting = rated();
    expect(run(waiting, { type: "undoStarted" })).toBe(waiting);
  });

  it("does nothing while another request is in flight", () => {
    const before = run(answered(), { type: "undoStarted" });
    expect(run(before, { type: "undoStarted" })).toBe(before);
  });
});

transition("reviewUndone", () => {
  it("takes the last review off the history and the counters and shows its card again at the restored version", () => {
    const card = clozeCard({ version: 4 });
    const before = answered(card, reviewOf(card, { rating: "again", correct: false }));
    const state = run(before, { type: "undoStarted" }, { type: "reviewUndone", version: 4, now: NOW, reviewId: "a-9" });
    expect(state.history).toEqual([]);
    expect(state.counters).toMatchObject({ reviews: 0, again: 0 });
    // Shown as a status (which is read out), not announced a second time by the live region.
    expect(state.notice).toBe("Last review undone. The card is back for you to answer again.");
    expect(state.announcement).toBe("");
    expect(state).toMatchObject({ phase: "question", card, reviewId: "a-9" });
    expect(state.upcoming.map((c) => c.cardId)).toEqual(["card-next"]);
  });

  it("keeps the undo notice on screen until the next answer is given", () => {
    const card = clozeCard({ version: 4 });
    const undone = run(
      answered(card, reviewOf(card, { rating: "again", correct: false })),
      { type: "undoStarted" },
      { type: "reviewUndone", version: 4, now: NOW, reviewId: "a-9" },
      { type: "requestSettled" },
      { type: "textTyped", text: "1949" },
    );
    expect(undone.notice).not.toBeNull();
    const answeredAgain = run(undone, { type: "checked", response: { kind: "text", text: "1949" }, now: NOW + 5000 });
    expect(answeredAgain.notice).toBeNull();
  });

  it("puts the card that was on screen back at the front of the cards held", () => {
    const saved = run(rated(), { type: "reviewSaved", reviewId: "attempt-1", result: reviewOf(basicCard()) });
    const state = run(saved, { type: "undoStarted" }, { type: "reviewUndone", version: 0, now: NOW, reviewId: "a-9" });
    expect(state.card).toEqual(basicCard({ version: 0 }));
    expect(state.upcoming.map((c) => c.cardId)).toEqual(["card-next", "card-choice"]);
  });

  it("does nothing with an empty history", () => {
    const before = showing();
    expect(run(before, { type: "reviewUndone", version: 1, now: NOW, reviewId: "x" })).toBe(before);
  });
});

transition("overrideStarted", () => {
  it("marks the session busy while a result is shown", () => {
    expect(run(answered(), { type: "overrideStarted" }).busy).toBe(true);
  });

  it("does nothing before the card is answered", () => {
    const before = showing();
    expect(run(before, { type: "overrideStarted" })).toBe(before);
  });
});

transition("ratingOverridden", () => {
  it("replaces the shown result and the last review, and recounts Again", () => {
    const card = choiceCard();
    const before = answered(card, reviewOf(card, { rating: "again", correct: false }));
    const result = reviewOf(card, { reviewId: "review-2", rating: "hard", interval: "6m" });
    const state = run(before, { type: "overrideStarted" }, { type: "ratingOverridden", result });
    expect(state.result).toBe(result);
    expect(state.history).toEqual([{ card, reviewId: "review-2", rating: "hard", result }]);
    expect(state.counters).toMatchObject({ reviews: 1, again: 0 });
    expect(state.announcement).toBe("Rated Hard, next review in 6m.");
  });

  it("counts Again when the student overrides to it", () => {
    const card = choiceCard();
    const state = run(
      answered(card),
      { type: "overrideStarted" },
      { type: "ratingOverridden", result: reviewOf(card, { reviewId: "review-2", rating: "again" }) },
    );
    expect(state.counters).toMatchObject({ reviews: 1, again: 1 });
  });

  it("does nothing without a shown result", () => {
    const before = showing();
    expect(run(before, { type: "ratingOverridden", result: reviewOf(choiceCard()) })).toBe(before);
  });
});

transition("requestFailed", () => {
  it("shows the message and leaves the card and phase as they were", () => {
    const before = run(answered(), { type: "overrideStarted" });
    const state = run(before, { type: "requestFailed", message: "This card changed in another tab." });
    expect(state).toMatchObject({
      phase: "answered",
      card: before.card,
      error: "This card changed in another tab.",
      busy: true,
    });
  });
});

transition("requestSettled", () => {
  it("frees the session for the next request", () => {
    expect(run(answered(), { type: "overrideStarted" }, { type: "requestSettled" }).busy).toBe(false);
  });
});

describe("fetching ahead (wantsRefill)", () => {
  it("fetches on first load, and after a failed one once its back-off has passed", () => {
    expect(wantsRefill(initialStudyState(NOW), NOW)).toBe(true);
    const failed = run(initialStudyState(NOW), { type: "loadFailed", message: "offline", now: NOW });
    expect(wantsRefill(failed, NOW + 1000)).toBe(false);
    expect(wantsRefill(failed, NOW + 3000)).toBe(true);
  });

  it("never while a fetch is in flight or a review waits to be saved", () => {
    expect(wantsRefill(run(initialStudyState(NOW), { type: "refillStarted" }), NOW)).toBe(false);
    const empty = run(
      initialStudyState(NOW),
      loaded(queueOf([basicCard()])),
      { type: "answerRevealed" },
      {
        type: "rated",
        rating: "good",
        now: NOW,
        reviewId: "attempt-2",
      },
    );
    expect(empty.phase).toBe("loading");
    expect(wantsRefill(empty, NOW)).toBe(false);
    const saved = run(empty, { type: "reviewSaved", reviewId: "attempt-1", result: reviewOf(basicCard()) });
    expect(wantsRefill(saved, NOW)).toBe(true);
  });

  it("ahead of time only when few cards are held and the last page was full, not after each answer", () => {
    const many = Array.from({ length: REFILL_BELOW + 2 }, (_, i) => basicCard({ cardId: `c${i}` }));
    const answer = (s: StudyState, id: string) =>
      run(
        s,
        { type: "answerRevealed" },
        { type: "rated", rating: "good", now: NOW, reviewId: id },
        { type: "reviewSaved", reviewId: s.reviewId!, result: reviewOf(s.card!) },
      );
    let state = run(initialStudyState(NOW), { ...loaded(queueOf(many)), limit: many.length } as StudyAction);
    state = answer(state, "a-2");
    expect(wantsRefill(state, NOW)).toBe(false); // REFILL_BELOW cards held after the one on screen
    state = answer(state, "a-3");
    expect(wantsRefill(state, NOW)).toBe(true);
    const partial = { ...state, lastFetchFull: false };
    expect(wantsRefill(partial, NOW)).toBe(false);
  });

  it("while waiting, once the next card comes due", () => {
    const queue = queueOf([], { nextDueAt: new Date(NOW + MINUTE).toISOString() });
    const waiting = run(initialStudyState(NOW), loaded(queue));
    expect(waiting.phase).toBe("waiting");
    expect(wantsRefill(waiting, NOW)).toBe(false);
    expect(wantsRefill(waiting, NOW + MINUTE)).toBe(true);
  });
});

transition("sessionFinished", () => {
  it("ends a waiting session and stops its clock at the time given", () => {
    const waiting = run(
      initialStudyState(NOW),
      loaded(queueOf([], { nextDueAt: new Date(NOW + MINUTE).toISOString() })),
    );
    const state = run(waiting, { type: "sessionFinished", now: NOW + 30_000 });
    expect(state.phase).toBe("done");
    expect(state.counters.finishedAt).toBe(NOW + 30_000);
  });
});

describe("the reducer's helpers", () => {
  it("move a self-graded card straight on unless it was forgotten", () => {
    expect(movesStraightOn(basicCard(), reviewOf(basicCard()))).toBe(true);
    expect(movesStraightOn(basicCard(), reviewOf(basicCard(), { lapse: true }))).toBe(false);
    expect(movesStraightOn(choiceCard(), reviewOf(choiceCard()))).toBe(false);
  });

  it("build each auto-graded kind's response, and none while there is nothing to check", () => {
    const empty = initialStudyState(NOW).answer;
    expect(responseFor(basicCard(), { ...empty, revealed: true })).toBeNull();
    expect(responseFor(choiceCard(), empty)).toBeNull();
    expect(responseFor(choiceCard(), { ...empty, choice: "1949" })).toEqual({ kind: "choice", choice: "1949" });
    expect(responseFor(clozeCard(), { ...empty, text: "  " })).toBeNull();
    expect(responseFor(clozeCard(), { ...empty, text: "1949" })).toEqual({ kind: "text", text: "1949" });
    expect(responseFor(timelineCard(), { ...empty, order: ["b", "a"] })).toEqual({ kind: "order", order: ["b", "a"] });
  });

  it("count what is left today down with each answer, a card kept in learning today counted back as learning", () => {
    const review = basicCard({ cardId: "card-review", kind: "review" });
    const queue = queueOf([basicCard(), review, choiceCard()], { remaining: { new: 2, learning: 0, review: 1 } });
    const start = run(initialStudyState(NOW), loaded(queue));
    expect(remainingToday(initialStudyState(NOW))).toBeNull();
    expect(remainingToday(start)).toEqual({ new: 2, learning: 0, review: 1 });

    // The new card rated Good: one new fewer at once; once saved, it is back in learning within the day.
    const rated = run(
      start,
      { type: "answerRevealed" },
      { type: "rated", rating: "good", now: NOW + 4000, reviewId: "r-2" },
    );
    expect(remainingToday(rated)).toEqual({ new: 1, learning: 0, review: 1 });
    const saved = run(rated, {
      type: "reviewSaved",
      reviewId: "attempt-1",
      result: reviewOf(basicCard(), { reviewId: "attempt-1" }),
    });
    expect(remainingToday(saved)).toEqual({ new: 1, learning: 1, review: 1 });

    // The review card rated Easy: due in days, so it leaves today's counts.
    const easy = run(
      saved,
      { type: "answerRevealed" },
      { type: "rated", rating: "easy", now: NOW + 8000, reviewId: "r-3" },
    );
    const done = run(easy, {
      type: "reviewSaved",
      reviewId: "r-2",
      result: reviewOf(review, {
        reviewId: "r-2",
        state: { ...reviewOf(review).state, state: "review", due: new Date(NOW + 4 * 1440 * MINUTE).toISOString() },
      }),
    });
    expect(remainingToday(done)).toEqual({ new: 1, learning: 1, review: 0 });

    // Undo gives the card back to the counts.
    const undone = run(
      done,
      { type: "undoStarted" },
      { type: "reviewUndone", version: 0, now: NOW + 9000, reviewId: "r-4" },
    );
    expect(remainingToday(undone)).toEqual({ new: 1, learning: 1, review: 1 });

    // A fresh queue replaces the counts.
    const refetched = run(
      undone,
      { type: "refillStarted" },
      loaded(queueOf([], { remaining: { new: 5, learning: 0, review: 0 } })),
    );
    expect(remainingToday(refetched)).toEqual({ new: 5, learning: 0, review: 0 });
  });

  it("measure progress as reviews done over reviews done plus cards left", () => {
    const counters = initialStudyState(NOW).counters;
    expect(sessionProgress({ queue: null, counters })).toBe(0);
    const queue = queueOf([], { remaining: { new: 1, learning: 1, review: 1 } });
    expect(sessionProgress({ queue, counters: { ...counters, reviews: 1 } })).toBe(0.25);
    expect(sessionProgress({ queue: queueOf([]), counters })).toBe(0);
  });

  it("move an item to a new position in a copy", () => {
    const items = ["a", "b", "c"];
    expect(move(items, 0, 2)).toEqual(["b", "c", "a"]);
    expect(items).toEqual(["a", "b", "c"]);
  });
});

describe("the reducer's tests", () => {
  // Blocks are registered while the file is collected, before any test runs.
  it("cover every action, so a new action without tests fails here", () => {
    expect([...described].sort()).toEqual(Object.keys(ACTION_TYPES).sort());
  });
});
