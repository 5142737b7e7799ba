// The draft editor's keyboard, as a pure map from a key press to what it does: j/k or the arrows
// move through the cards shown, Enter opens the current card, x selects it, d discards or restores
// it, Escape closes the open card (even from its fields), ? lists the shortcuts. Other keys never
// fire while typing in a field,
// and Enter and the arrows belong to whatever control has focus (a link navigates, a button
// presses, a select changes): the page takes them only from the page itself or from a card's line.
import { focusKindOf, type FocusedElement, type FocusKind } from "@/app/study/[slug]/study-keys";

export type { FocusedElement, FocusKind } from "@/app/study/[slug]/study-keys";

/**
 * The study page's classification, with one difference: a <select> keeps letter keys (typing "k"
 * picks the option starting with k), so for the editor's letter shortcuts it counts as a text field.
 */
export function editorFocusKind(el: FocusedElement | null): FocusKind {
  if (el && !el.inDialog && el.tagName.toUpperCase() === "SELECT") return "text";
  return focusKindOf(el);
}

export interface EditorKeyPress {
  key: string;
  /** Ctrl or Cmd, or Alt: left to the browser. */
  modified: boolean;
  focus: FocusKind;
  /** Focus is on a card's own line (its open/close button), where the arrows mean "next card". */
  onCardLine: boolean;
}

export type EditorKeyCommand =
  | { kind: "move"; by: 1 | -1 }
  | { kind: "toggleOpen" }
  | { kind: "close" }
  | { kind: "toggleSelect" }
  | { kind: "toggleDiscard" }
  | { kind: "help" };

export function editorKeyCommand(press: EditorKeyPress): EditorKeyCommand | null {
  const { key, focus } = press;
  if (focus === "dialog" || press.modified) return null;
  // Escape types nothing: from a field of the open card it closes the card.
  if (key === "Escape") return { kind: "close" };
  if (focus === "text") return null;
  const arrowsAreOurs = focus === "page" || press.onCardLine;
  switch (key) {
    case "?":
      return { kind: "help" };
    case "j":
      return { kind: "move", by: 1 };
    case "k":
      return { kind: "move", by: -1 };
    case "ArrowDown":
      return arrowsAreOurs ? { kind: "move", by: 1 } : null;
    case "ArrowUp":
      return arrowsAreOurs ? { kind: "move", by: -1 } : null;
    // On a card's line Enter is its button's own click, which opens the card already.
    case "Enter":
      return focus === "page" ? { kind: "toggleOpen" } : null;
    case "x":
      return { kind: "toggleSelect" };
    case "d":
      return { kind: "toggleDiscard" };
    default:
      return null;
  }
}

export const EDITOR_SHORTCUTS: [keys: string[], does: string][] = [
  [["j", "↓"], "Next card"],
  [["k", "↑"], "Previous card"],
  [["Enter"], "Open or close the current card for editing"],
  [["Esc"], "Close the open card"],
  [["x"], "Select the current card (for bulk discard)"],
  [["d"], "Discard the current card, or restore it"],
  [["?"], "This list"],
];
