// The study page's keyboard, as a pure map from a key press in a given state to what it does:
// Space/Enter reveal or continue, 1–4 rate, Ctrl+Z undoes, ? opens the list of shortcuts; options and
// timeline events take their numbers. Enter and Space belong to whatever control has focus (a link
// navigates, a rating button rates): the page only takes them when focus is on the page itself.
import { RATINGS, type Rating } from "@/app/study/[slug]/study-client";
import type { AnswerAction, StudyState } from "@/app/study/[slug]/study-state";

/**
 * Where focus is when a key is pressed: on the page (body, the card's text), on a control that has
 * its own Enter/Space (link, button, option, select), in a text field that keeps every key, or
 * inside a dialog, which keeps its keys from the page behind it.
 */
export type FocusKind = "page" | "control" | "text" | "dialog";

export interface KeyPress {
  key: string;
  /** Ctrl, or Cmd on a Mac. */
  ctrl: boolean;
  alt: boolean;
  focus: FocusKind;
  /** The focused text field holds text. */
  fieldHasText: boolean;
}

export type KeyCommand =
  | { kind: "edit"; action: AnswerAction }
  | { kind: "rate"; rating: Rating }
  | { kind: "check" }
  | { kind: "override"; rating: Rating }
  | { kind: "next" }
  | { kind: "undo" }
  | { kind: "help" };

/** What the focused element is, described without the DOM so it can be tested. */
export interface FocusedElement {
  tagName: string;
  role: string | null;
  /** An <input>'s type attribute. */
  type: string | null;
  isContentEditable: boolean;
  inDialog: boolean;
}

const BUTTON_INPUTS = new Set(["button", "submit", "reset", "checkbox", "radio", "image", "file", "color", "range"]);
const CONTROL_TAGS = new Set(["A", "BUTTON", "SELECT", "SUMMARY", "AUDIO", "VIDEO"]);
const CONTROL_ROLES = new Set([
  "button",
  "link",
  "radio",
  "checkbox",
  "switch",
  "tab",
  "option",
  "menuitem",
  "menuitemradio",
  "menuitemcheckbox",
  "slider",
  "combobox",
  "listbox",
  "textbox",
  "spinbutton",
]);

/** Classifies the focused element (null: nothing focused, which is the page). */
export function focusKindOf(el: FocusedElement | null): FocusKind {
  if (!el) return "page";
  if (el.inDialog) return "dialog";
  const tag = el.tagName.toUpperCase();
  if (el.isContentEditable || tag === "TEXTAREA") return "text";
  if (tag === "INPUT") return BUTTON_INPUTS.has((el.type ?? "text").toLowerCase()) ? "control" : "text";
  if (el.role === "textbox" || el.role === "searchbox" || el.role === "spinbutton") return "text";
  if (CONTROL_TAGS.has(tag) || (el.role !== null && CONTROL_ROLES.has(el.role))) return "control";
  return "page";
}

/** What a key press does, or null when the page leaves it to the browser or the focused element. */
export function keyCommand(state: Pick<StudyState, "phase" | "card" | "answer">, press: KeyPress): KeyCommand | null {
  const { phase, card, answer } = state;
  const { key, focus } = press;
  if (focus === "dialog") return null;
  const typing = focus === "text";
  if (press.ctrl && key.toLowerCase() === "z") {
    return typing && press.fieldHasText ? null : { kind: "undo" }; // a field with text undoes its own typing
  }
  if (typing || press.alt || press.ctrl) return null;
  if (key === "?") return { kind: "help" };
  if (!card) return null;
  const digit = /^[1-9]$/.test(key) ? Number(key) : 0;
  // Enter, Space and the arrows are the focused control's own: a link navigates, a button presses.
  const confirm = focus === "page" && (key === " " || key === "Enter");
  const enter = focus === "page" && key === "Enter";
  if (phase === "question" && !card.autoGraded) {
    if (!answer.revealed && confirm) return { kind: "edit", action: { type: "answerRevealed" } };
    if (answer.revealed && digit >= 1 && digit <= 4) return { kind: "rate", rating: RATINGS[digit - 1]! };
  } else if (phase === "question" && card.responseKind === "order") {
    if (digit >= 1 && digit <= answer.order.length)
      return { kind: "edit", action: { type: "timelineItemPicked", index: digit - 1 } };
    if (focus === "page" && (key === "ArrowUp" || key === "ArrowDown") && answer.picked !== null) {
      const to = answer.picked + (key === "ArrowUp" ? -1 : 1);
      return { kind: "edit", action: { type: "timelineItemMoved", from: answer.picked, to } }; // the reducer ignores a move past either end
    }
    if (enter) return { kind: "check" };
  } else if (phase === "question" && card.responseKind === "choice") {
    if (digit >= 1 && digit <= card.options.length)
      return { kind: "edit", action: { type: "choicePicked", choice: card.options[digit - 1]! } };
    if (enter && answer.choice) return { kind: "check" };
  } else if (phase === "answered") {
    if (confirm) return { kind: "next" };
    if (digit >= 1 && digit <= 4 && card.autoGraded) return { kind: "override", rating: RATINGS[digit - 1]! };
  }
  return null;
}

export type RadioKeyResult = { kind: "select"; index: number } | { kind: "check" } | null;

/**
 * A key on option `index` of a radio group of `count` options (WAI-ARIA radio group): the arrows
 * move to and select the previous or next option, wrapping; Home and End the first and last; Space
 * selects the focused one; Enter selects it, or checks the answer when it is already selected.
 */
export function radioKey(key: string, index: number, count: number, checked: boolean): RadioKeyResult {
  if (count === 0) return null;
  switch (key) {
    case "ArrowDown":
    case "ArrowRight":
      return { kind: "select", index: (index + 1) % count };
    case "ArrowUp":
    case "ArrowLeft":
      return { kind: "select", index: (index - 1 + count) % count };
    case "Home":
      return { kind: "select", index: 0 };
    case "End":
      return { kind: "select", index: count - 1 };
    case " ":
      return { kind: "select", index };
    case "Enter":
      return checked ? { kind: "check" } : { kind: "select", index };
    default:
      return null;
  }
}

/** The one option of a radio group in the Tab order: the selected one, else the first. */
export function radioTabStop(options: readonly string[], choice: string | null): number {
  const i = choice === null ? -1 : options.indexOf(choice);
  return i >= 0 ? i : 0;
}
