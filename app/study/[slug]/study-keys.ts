// The study page's keyboard, as a pure map from a key press in a given state to what it does:
// Space/Enter reveal or continue, 1–4 rate, Ctrl+Z undoes; options and timeline events take their numbers.
import { RATINGS, type Rating } from "@/app/study/[slug]/study-client";
import type { AnswerAction, StudyState } from "@/app/study/[slug]/study-state";

export interface KeyPress {
  key: string;
  /** Ctrl, or Cmd on a Mac. */
  ctrl: boolean;
  alt: boolean;
  /** Focus is in a text field, which keeps its keys. */
  typing: boolean;
  /** That text field holds text. */
  fieldHasText: boolean;
}

export type KeyCommand =
  | { kind: "edit"; action: AnswerAction }
  | { kind: "rate"; rating: Rating }
  | { kind: "check" }
  | { kind: "override"; rating: Rating }
  | { kind: "next" }
  | { kind: "undo" };

/** What a key press does, or null when the page leaves it to the browser. */
export function keyCommand(state: Pick<StudyState, "phase" | "card" | "answer">, press: KeyPress): KeyCommand | null {
  const { phase, card, answer } = state;
  const { key } = press;
  if (press.ctrl && key.toLowerCase() === "z") {
    return press.typing && press.fieldHasText ? null : { kind: "undo" }; // a field with text undoes its own typing
  }
  if (press.typing || press.alt || press.ctrl || !card) return null;
  const digit = Number(key);
  const confirm = key === " " || key === "Enter";
  if (phase === "question" && !card.autoGraded) {
    if (!answer.revealed && confirm) return { kind: "edit", action: { type: "answerRevealed" } };
    if (answer.revealed && digit >= 1 && digit <= 4) return { kind: "rate", rating: RATINGS[digit - 1]! };
  } else if (phase === "question" && card.responseKind === "order") {
    if (digit >= 1 && digit <= answer.order.length)
      return { kind: "edit", action: { type: "timelineItemPicked", index: digit - 1 } };
    if ((key === "ArrowUp" || key === "ArrowDown") && answer.picked !== null) {
      const to = answer.picked + (key === "ArrowUp" ? -1 : 1);
      return { kind: "edit", action: { type: "timelineItemMoved", from: answer.picked, to } }; // the reducer ignores a move past either end
    }
    if (key === "Enter") return { kind: "check" };
  } else if (phase === "question" && card.responseKind === "choice") {
    if (digit >= 1 && digit <= card.options.length)
      return { kind: "edit", action: { type: "choicePicked", choice: card.options[digit - 1]! } };
    if (key === "Enter" && answer.choice) return { kind: "check" };
  } else if (phase === "answered") {
    if (confirm) return { kind: "next" };
    if (digit >= 1 && digit <= 4 && card.autoGraded) return { kind: "override", rating: RATINGS[digit - 1]! };
  }
  return null;
}
