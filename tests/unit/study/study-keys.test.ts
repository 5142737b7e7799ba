import { describe, expect, it } from "vitest";
import {
  focusKindOf,
  keyCommand,
  radioKey,
  radioTabStop,
  type FocusedElement,
  type KeyPress,
} from "@/app/study/[slug]/study-keys";
import { initialStudyState, studyReducer, type StudyAction, type StudyState } from "@/app/study/[slug]/study-state";
import { NOW, basicCard, choiceCard, clozeCard, queueOf, reviewOf, timelineCard } from "./fixtures";
import type { QueueCard } from "@/app/study/[slug]/study-client";

const press = (key: string, rest: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrl: false,
  alt: false,
  focus: "page",
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
    expect(keyCommand(session(clozeCard()), press("z", { ctrl: true, focus: "text", fieldHasText: true }))).toBeNull();
    expect(keyCommand(session(clozeCard()), press("z", { ctrl: true, focus: "text" }))).toEqual({ kind: "undo" });
  });

  it("leaves every other key to a text field, and to the browser when Alt or Ctrl is held", () => {
    expect(keyCommand(session(clozeCard()), press("Enter", { focus: "text" }))).toBeNull();
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

  it("leaves Enter and Space to a focused link or button, so each does what it says", () => {
    const onControl = { focus: "control" } as const;
    expect(keyCommand(session(basicCard()), press("Enter", onControl))).toBeNull();
    expect(keyCommand(session(basicCard()), press(" ", onControl))).toBeNull();
    const auto = answered(choiceCard());
    expect(keyCommand(auto, press("Enter", onControl))).toBeNull();
    expect(keyCommand(auto, press(" ", onControl))).toBeNull();
    const picked = studyReducer(session(choiceCard()), { type: "choicePicked", choice: "1949" });
    expect(keyCommand(picked, press("Enter", onControl))).toBeNull();
    expect(keyCommand(session(timelineCard()), press("Enter", onControl))).toBeNull();
  });

  it("still takes digits and Ctrl+Z while a button has focus", () => {
    const onControl = { focus: "control" } as const;
    expect(keyCommand(answered(choiceCard()), press("2", onControl))).toEqual({ kind: "override", rating: "hard" });
    expect(keyCommand(session(choiceCard()), press("1", onControl))).toEqual({
      kind: "edit",
      action: { type: "choicePicked", choice: "1945" },
    });
    expect(keyCommand(answered(choiceCard()), press("z", { ...onControl, ctrl: true }))).toEqual({ kind: "undo" });
  });

  it("leaves the arrows to a focused control, and moves a marked timeline event only from the page", () => {
    const marked = studyReducer(session(timelineCard()), { type: "timelineItemPicked", index: 1 });
    expect(keyCommand(marked, press("ArrowUp", { focus: "control" }))).toBeNull();
  });

  it("opens the shortcut list with ?, except while typing", () => {
    expect(keyCommand(session(basicCard()), press("?"))).toEqual({ kind: "help" });
    expect(keyCommand(initialStudyState(NOW), press("?"))).toEqual({ kind: "help" });
    expect(keyCommand(answered(choiceCard()), press("?", { focus: "control" }))).toEqual({ kind: "help" });
    expect(keyCommand(session(clozeCard()), press("?", { focus: "text" }))).toBeNull();
  });

  it("takes no key at all while a dialog has focus", () => {
    const inDialog = { focus: "dialog" } as const;
    expect(keyCommand(answered(choiceCard()), press("2", inDialog))).toBeNull();
    expect(keyCommand(answered(choiceCard()), press("z", { ...inDialog, ctrl: true }))).toBeNull();
    expect(keyCommand(session(basicCard()), press(" ", inDialog))).toBeNull();
  });
});

describe("where focus is", () => {
  const el = (over: Partial<FocusedElement>): FocusedElement => ({
    tagName: "DIV",
    role: null,
    type: null,
    isContentEditable: false,
    inDialog: false,
    ...over,
  });

  it("is the page when nothing or a plain element has focus", () => {
    expect(focusKindOf(null)).toBe("page");
    expect(focusKindOf(el({ tagName: "BODY" }))).toBe("page");
    expect(focusKindOf(el({ tagName: "SECTION" }))).toBe("page");
  });

  it("is a control on links, buttons, options and button-like inputs", () => {
    expect(focusKindOf(el({ tagName: "A" }))).toBe("control");
    expect(focusKindOf(el({ tagName: "BUTTON" }))).toBe("control");
    expect(focusKindOf(el({ tagName: "SELECT" }))).toBe("control");
    expect(focusKindOf(el({ tagName: "SUMMARY" }))).toBe("control");
    expect(focusKindOf(el({ tagName: "INPUT", type: "checkbox" }))).toBe("control");
    expect(focusKindOf(el({ tagName: "MARK", role: "button" }))).toBe("control");
    expect(focusKindOf(el({ tagName: "BUTTON", role: "radio" }))).toBe("control");
  });

  it("is text in fields that take typing", () => {
    expect(focusKindOf(el({ tagName: "INPUT", type: "text" }))).toBe("text");
    expect(focusKindOf(el({ tagName: "INPUT" }))).toBe("text");
    expect(focusKindOf(el({ tagName: "INPUT", type: "search" }))).toBe("text");
    expect(focusKindOf(el({ tagName: "TEXTAREA" }))).toBe("text");
    expect(focusKindOf(el({ isContentEditable: true }))).toBe("text");
  });

  it("is the dialog anywhere inside an open dialog", () => {
    expect(focusKindOf(el({ tagName: "BUTTON", inDialog: true }))).toBe("dialog");
  });
});

describe("the answer options' radio group", () => {
  it("moves and selects with the arrows, wrapping at either end", () => {
    expect(radioKey("ArrowDown", 0, 3, false)).toEqual({ kind: "select", index: 1 });
    expect(radioKey("ArrowRight", 2, 3, true)).toEqual({ kind: "select", index: 0 });
    expect(radioKey("ArrowUp", 0, 3, true)).toEqual({ kind: "select", index: 2 });
    expect(radioKey("ArrowLeft", 1, 3, true)).toEqual({ kind: "select", index: 0 });
    expect(radioKey("Home", 2, 3, true)).toEqual({ kind: "select", index: 0 });
    expect(radioKey("End", 0, 3, false)).toEqual({ kind: "select", index: 2 });
  });

  it("selects the focused option with Space or Enter, and checks with Enter once it is selected", () => {
    expect(radioKey(" ", 1, 3, false)).toEqual({ kind: "select", index: 1 });
    expect(radioKey("Enter", 1, 3, false)).toEqual({ kind: "select", index: 1 });
    expect(radioKey("Enter", 1, 3, true)).toEqual({ kind: "check" });
    expect(radioKey("a", 1, 3, true)).toBeNull();
    expect(radioKey("Tab", 1, 3, true)).toBeNull();
  });

  it("has one Tab stop: the selected option, else the first", () => {
    expect(radioTabStop(["a", "b", "c"], null)).toBe(0);
    expect(radioTabStop(["a", "b", "c"], "c")).toBe(2);
    expect(radioTabStop(["a", "b", "c"], "gone")).toBe(0);
  });
});
