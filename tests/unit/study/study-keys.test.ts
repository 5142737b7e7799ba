import { describe, expect, it } from "vitest";
import { keyCommand, type KeyPress } from "@/app/study/[slug]/study-keys";
import { initialStudyState, studyReducer, type StudyAction, type StudyState } from "@/app/study/[slug]/study-state";
import { NOW, basicCard, choiceCard, clozeCard, queueOf, reviewOf, timelineCard } from "./fixtures";
import type { QueueCard } from "@/app/study/[slug]/study-client";

const press = (key: string, rest: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrl: false,
  alt: false,
  typing: false,
  fieldHasText: false,
  ...rest,
});

function session(card: QueueCard, ...actions: StudyAction[]): StudyState {
  const start: StudyAction = { type: "queueLoaded", queue: queueOf([card]), now: NOW, reviewId: "attempt-1" };
  return [start, ...actions].reduce(studyReducer, initialStudyState(NOW));
}

/** The card's result on screen: an auto-graded card checked, or a self-graded review card forgotten. */
function answered(card: QueueCard): StudyState {
  const given: StudyAction[] = card.autoGraded
    ? [{ type: "checked", response: { kind: "dont_know" }, now: NOW }]
    : [{ type: "answerRevealed" }, { type: "rated", rating: "again", now: NOW, reviewId: "attempt-2" }];
  return session(card.autoGraded ? card : { ...card, kind: "review" }, ...given, {
    type: "reviewSaved",
    reviewId: "attempt-1",
    result: reviewOf(card, { lapse: true }),
  });
}

describe("the study keyboard", () => {
  it("undoes with Ctrl+Z or Cmd+Z, in any phase", () => {
    expect(keyCommand(session(basicCard()), press("z", { ctrl: true }))).toEqual({ kind: "undo" });
    expect(keyCommand(answered(choiceCard()), press("Z", { ctrl: true }))).toEqual({ kind: "undo" });
    expect(keyCommand(initialStudyState(NOW), press("z", { ctrl: true }))).toEqual({ kind: "undo" });
  });

  it("leaves Ctrl+Z to a text field that holds text, and undoes the review from an empty one", () => {
    expect(keyCommand(session(clozeCard()), press("z", { ctrl: true, typing: true, fieldHasText: true }))).toBeNull();
    expect(keyCommand(session(clozeCard()), press("z", { ctrl: true, typing: true }))).toEqual({ kind: "undo" });
  });

  it("leaves every other key to a text field, and to the browser when Alt or Ctrl is held", () => {
    expect(keyCommand(session(clozeCard()), press("Enter", { typing: true }))).toBeNull();
    expect(keyCommand(session(choiceCard()), press("1", { alt: true }))).toBeNull();
    expect(keyCommand(session(choiceCard()), press("1", { ctrl: true }))).toBeNull();
  });

  it("does nothing while no card is on screen", () => {
    expect(keyCommand(initialStudyState(NOW), press(" "))).toBeNull();
  });

  it("reveals a self-graded card with Space or Enter, then rates it with 1 to 4", () => {
    const hidden = session(basicCard());
    expect(keyCommand(hidden, press(" "))).toEqual({ kind: "edit", action: { type: "answerRevealed" } });
    expect(keyCommand(hidden, press("Enter"))).toEqual({ kind: "edit", action: { type: "answerRevealed" } });
    expect(keyCommand(hidden, press("3"))).toBeNull();
    const shown = studyReducer(hidden, { type: "answerRevealed" });
    expect(keyCommand(shown, press("1"))).toEqual({ kind: "rate", rating: "again" });
    expect(keyCommand(shown, press("4"))).toEqual({ kind: "rate", rating: "easy" });
    expect(keyCommand(shown, press("5"))).toBeNull();
    expect(keyCommand(shown, press(" "))).toBeNull();
  });

  it("picks a choice card's option by its number, and checks with Enter once one is picked", () => {
    const state = session(choiceCard());
    expect(keyCommand(state, press("2"))).toEqual({ kind: "edit", action: { type: "choicePicked", choice: "1949" } });
    expect(keyCommand(state, press("4"))).toBeNull();
    expect(keyCommand(state, press("Enter"))).toBeNull();
    expect(keyCommand(studyReducer(state, { type: "choicePicked", choice: "1949" }), press("Enter"))).toEqual({
      kind: "check",
    });
  });

  it("marks a timeline event by its number, moves it with the arrows, and checks with Enter", () => {
    const state = session(timelineCard());
    expect(keyCommand(state, press("3"))).toEqual({ kind: "edit", action: { type: "timelineItemPicked", index: 2 } });
    expect(keyCommand(state, press("ArrowUp"))).toBeNull();
    const marked = studyReducer(state, { type: "timelineItemPicked", index: 1 });
    expect(keyCommand(marked, press("ArrowUp"))).toEqual({
      kind: "edit",
      action: { type: "timelineItemMoved", from: 1, to: 0 },
    });
    expect(keyCommand(marked, press("ArrowDown"))).toEqual({
      kind: "edit",
      action: { type: "timelineItemMoved", from: 1, to: 2 },
    });
    expect(keyCommand(state, press("Enter"))).toEqual({ kind: "check" });
  });

  it("leaves a cloze card's keys to its field", () => {
    expect(keyCommand(session(clozeCard()), press("1"))).toBeNull();
    expect(keyCommand(session(clozeCard()), press("Enter"))).toBeNull();
  });

  it("continues from a result with Space or Enter, and overrides an auto-graded rating with 1 to 4", () => {
    const auto = answered(choiceCard());
    expect(keyCommand(auto, press(" "))).toEqual({ kind: "next" });
    expect(keyCommand(auto, press("Enter"))).toEqual({ kind: "next" });
    expect(keyCommand(auto, press("2"))).toEqual({ kind: "override", rating: "hard" });
    expect(keyCommand(answered(basicCard()), press("2"))).toBeNull();
  });
});
