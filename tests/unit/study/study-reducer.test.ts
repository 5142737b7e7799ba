import { describe, expect, it } from "vitest";
import {
  initialStudyState,
  move,
  movesStraightOn,
  responseFor,
  sessionProgress,
  studyReducer,
  WAIT_FOR_LEARNING_MS,
  type StudyAction,
  type StudyState,
} from "@/app/study/[slug]/study-state";
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

/** A session showing `card` as its question. */
const showing = (card = choiceCard(), ...rest: StudyAction[]) =>
  run(initialStudyState(NOW), loaded(queueOf([card, basicCard({ cardId: "card-next" })])), ...rest);

/** A session where `card` was answered (and the review recorded), with the request settled. */
function answered(card = choiceCard(), result = reviewOf(card)) {
  return run(
    showing(card, { type: "choicePicked", choice: "1949" }),
    { type: "reviewStarted" },
    { type: "reviewRecorded", result },
    { type: "requestSettled" },
  );
}

// Every action gets a describe block through `transition`; the last test checks none is missing.
const ACTION_TYPES = {
  queueLoaded: true,
  loadFailed: true,
  answerRevealed: true,
  choicePicked: true,
  textTyped: true,
  timelineItemPicked: true,
  timelineItemMoved: true,
  reviewStarted: true,
  reviewRecorded: true,
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

  it("clears the previous card's answer, result and error", () => {
    const before = run(answered(), { type: "requestFailed", message: "Network error" });
    const state = run(before, loaded(queueOf([basicCard()]), NOW + MINUTE, "attempt-2"));
    expect(state).toMatchObject({
      phase: "question",
      card: basicCard(),
      result: null,
      error: null,
      reviewId: "attempt-2",
    });
    expect(state.answer.choice).toBeNull();
  });

  it("keeps the session's history and counters", () => {
    const before = answered();
    const state = run(before, loaded(queueOf([basicCard()])));
    expect(state.history).toBe(before.history);
    expect(state.counters).toBe(before.counters);
  });

  it("brings back the card an undo returned, as the queue now lists it, ahead of the queue's first card", () => {
    const undone = choiceCard({ version: 3 });
    const before = run(answered(undone), { type: "undoStarted" }, { type: "reviewUndone", version: 3 });
    const listed = choiceCard({ version: 3, kind: "learning" });
    const state = run(before, loaded(queueOf([basicCard(), listed])));
    expect(state.card).toEqual(listed);
    expect(state.returning).toBeNull();
  });

  it("brings back the undone card itself, at the restored version, when the queue no longer lists it", () => {
    const before = run(
      answered(choiceCard({ version: 3 })),
      { type: "undoStarted" },
      { type: "reviewUndone", version: 3 },
    );
    const state = run(before, loaded(queueOf([basicCard()])));
    expect(state.card).toEqual(choiceCard({ version: 3 }));
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
    });
    expect(state).toMatchObject({ phase: "error", error: "Network error: offline. Check your connection." });
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
    const before = answered(basicCard(), reviewOf(basicCard(), { lapse: true, rating: "again" }));
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

transition("reviewStarted", () => {
  it("marks the session busy and clears an earlier error", () => {
    const state = run(showing(), { type: "requestFailed", message: "Network error" }, { type: "reviewStarted" });
    expect(state).toMatchObject({ busy: true, error: null, phase: "question" });
  });

  it("does nothing while another request is in flight", () => {
    const before = run(showing(), { type: "reviewStarted" });
    expect(run(before, { type: "reviewStarted" })).toBe(before);
  });

  it("does nothing once the card has been answered", () => {
    const before = answered();
    expect(run(before, { type: "reviewStarted" })).toBe(before);
  });
});

transition("reviewRecorded", () => {
  it("shows an auto-graded card's result, counts the review and announces the verdict", () => {
    const card = choiceCard();
    const result = reviewOf(card);
    const state = run(showing(card), { type: "reviewStarted" }, { type: "reviewRecorded", result });
    expect(state).toMatchObject({ phase: "answered", result, busy: true });
    expect(state.history).toEqual([{ card, result }]);
    expect(state.counters).toMatchObject({ reviews: 1, again: 0 });
    expect(state.announcement).toBe("Correct. Rated Good, next review in 10m.");
  });

  it("counts a wrong answer rated Again, and says the card comes back soon when its interval is now", () => {
    const card = clozeCard();
    const result = reviewOf(card, { correct: false, rating: "again", lapse: true, interval: "now" });
    const state = run(showing(card), { type: "reviewStarted" }, { type: "reviewRecorded", result });
    expect(state.counters).toMatchObject({ reviews: 1, again: 1 });
    expect(state.announcement).toBe("Not quite. Rated Again, next review soon.");
  });

  it("keeps a remembered self-graded card on screen, still busy, while the next card loads", () => {
    const card = basicCard();
    const result = reviewOf(card, { rating: "easy", interval: "4d" });
    const state = run(
      showing(card, { type: "answerRevealed" }),
      { type: "reviewStarted" },
      { type: "reviewRecorded", result },
    );
    expect(state).toMatchObject({ phase: "question", busy: true, result });
    expect(state.announcement).toBe("Rated Easy, next review in 4d.");
  });

  it("shows a forgotten self-graded card's result, so its source passage can be read", () => {
    const card = basicCard();
    const result = reviewOf(card, { rating: "again", lapse: true });
    const state = run(
      showing(card, { type: "answerRevealed" }),
      { type: "reviewStarted" },
      { type: "reviewRecorded", result },
    );
    expect(state.phase).toBe("answered");
  });

  it("ignores a result for a card no longer on screen", () => {
    const before = run(showing(choiceCard()), { type: "reviewStarted" });
    expect(run(before, { type: "reviewRecorded", result: reviewOf(basicCard()) })).toBe(before);
  });
});

transition("undoStarted", () => {
  it("marks the session busy when there is a review to take back", () => {
    expect(run(answered(), { type: "undoStarted" }).busy).toBe(true);
  });

  it("does nothing with no review to take back", () => {
    const before = showing();
    expect(run(before, { type: "undoStarted" })).toBe(before);
  });

  it("does nothing while another request is in flight", () => {
    const before = run(answered(), { type: "undoStarted" });
    expect(run(before, { type: "undoStarted" })).toBe(before);
  });
});

transition("reviewUndone", () => {
  it("takes the last review off the history and the counters, announces it, and sets the card to come back", () => {
    const card = clozeCard({ version: 4 });
    const before = answered(card, reviewOf(card, { rating: "again", correct: false }));
    const state = run(before, { type: "undoStarted" }, { type: "reviewUndone", version: 4 });
    expect(state.history).toEqual([]);
    expect(state.counters).toMatchObject({ reviews: 0, again: 0 });
    expect(state.announcement).toBe("Last review undone.");
    expect(state.returning).toEqual(card);
  });

  it("brings a card never reviewed before back at version 0", () => {
    const before = answered(choiceCard());
    expect(run(before, { type: "undoStarted" }, { type: "reviewUndone", version: 0 }).returning?.version).toBe(0);
  });

  it("does nothing with an empty history", () => {
    const before = showing();
    expect(run(before, { type: "reviewUndone", version: 1 })).toBe(before);
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
    expect(state.history).toEqual([{ card, result }]);
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
    const before = run(showing(), { type: "reviewStarted" });
    const state = run(before, { type: "requestFailed", message: "This card changed in another tab." });
    expect(state).toMatchObject({
      phase: "question",
      card: before.card,
      error: "This card changed in another tab.",
      busy: true,
    });
  });

  it("keeps the attempt's review id, so a retry of the same answer cannot count twice", () => {
    const state = run(
      showing(),
      { type: "reviewStarted" },
      { type: "requestFailed", message: "Network error" },
      { type: "requestSettled" },
      { type: "reviewStarted" },
    );
    expect(state.reviewId).toBe("attempt-1");
  });
});

transition("requestSettled", () => {
  it("frees the session for the next request", () => {
    expect(run(showing(), { type: "reviewStarted" }, { type: "requestSettled" }).busy).toBe(false);
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
