import { describe, expect, it } from "vitest";
import type { DraftEntry } from "@/lib/content/drafts";
import type { PublishProblem } from "@/lib/content/publish";
import {
  NO_FILTER,
  editorReducer,
  initialEditorState,
  isShown,
  nextAddedId,
  paragraphCoverage,
  shownIds,
  type EditorAction,
  type EditorState,
} from "@/app/drafts/[id]/editor-state";
import {
  editorFocusKind,
  editorKeyCommand,
  type EditorKeyPress,
  type FocusedElement,
} from "@/app/drafts/[id]/editor-keys";

const entry = (id: string, type: DraftEntry["card"]["type"], paragraph: number, discarded = false): DraftEntry => ({
  card: {
    id,
    type,
    prompt: `Prompt ${id}?`,
    answer: `Answer ${id}`,
    options: [],
    explanation: "Why.",
    quote: `Quote ${paragraph}.`,
  },
  paragraph,
  origin: "generated",
  discarded,
});

const cards = [
  entry("a", "cloze", 0),
  entry("b", "true_false", 0),
  entry("c", "cloze", 1),
  entry("d", "multiple_choice", 3),
  entry("e", "true_false", 3, true),
];
const NONE = new Set<string>();
const start = (): EditorState => initialEditorState({ title: "T", outlet: "", sourceUrl: "", cards });
const run = (...actions: EditorAction[]) => actions.reduce(editorReducer, start());
const problem = (cardId: string | null, field: PublishProblem["field"] = "cards"): PublishProblem => ({
  cardId,
  field,
  message: `problem ${cardId ?? field}`,
});

describe("the draft editor's state", () => {
  it("starts on the first card, nothing open, nothing selected, no filter", () => {
    const s = start();
    expect(s).toMatchObject({
      cursor: "a",
      expanded: null,
      selected: [],
      filter: NO_FILTER,
      problems: [],
      helpOpen: false,
    });
    expect(initialEditorState({ title: "", outlet: "", sourceUrl: "", cards: [] }).cursor).toBeNull();
  });

  it("edits a card and the meta as new objects, dropping the problems they fix", () => {
    const s0 = run({ type: "problemsShown", problems: [problem("a"), problem("b"), problem(null, "title")] });
    const s1 = editorReducer(s0, { type: "cardEdited", id: "a", patch: { prompt: "New?" } });
    expect(s1.doc.cards[0]!.card.prompt).toBe("New?");
    expect(s0.doc.cards[0]!.card.prompt).toBe("Prompt a?");
    expect(s1.doc.cards[1]).toBe(s0.doc.cards[1]);
    expect(s1.problems.map((p) => p.message)).toEqual(["problem b", "problem title"]);
    const s2 = editorReducer(s1, { type: "metaEdited", field: "title", value: "Better" });
    expect(s2.doc.title).toBe("Better");
    expect(s2.problems.map((p) => p.message)).toEqual(["problem b"]);
  });

  it("discards and restores one card; discarding the open card closes it", () => {
    const s = run({ type: "expandToggled", id: "b" }, { type: "discardSet", id: "b", discarded: true });
    expect(s.doc.cards[1]!.discarded).toBe(true);
    expect(s.expanded).toBeNull();
    const back = editorReducer(s, { type: "discardSet", id: "b", discarded: false });
    expect(back.doc.cards[1]!.discarded).toBe(false);
    const other = run({ type: "expandToggled", id: "a" }, { type: "discardSet", id: "b", discarded: true });
    expect(other.expanded).toBe("a");
  });

  it("adds a basic card after its paragraph's last card, open, and shown whatever the filter", () => {
    const s = run(
      { type: "filterChanged", filter: { kind: "true_false", duplicatesOnly: true }, duplicates: NONE },
      { type: "cardAdded", paragraph: 1, quote: "Quote 1." },
    );
    expect(s.doc.cards.map((e) => e.card.id)).toEqual(["a", "b", "c", "added-1", "d", "e"]);
    expect(s.doc.cards[3]).toMatchObject({ origin: "added", paragraph: 1, card: { type: "basic", quote: "Quote 1." } });
    expect(s).toMatchObject({ cursor: "added-1", expanded: "added-1" });
    expect(s.filter).toEqual({ kind: "all", paragraph: 1, duplicatesOnly: false });
    expect(shownIds(s, NONE)).toContain("added-1");
    // A paragraph before every card: the new card goes first.
    const first = editorReducer(start(), { type: "cardAdded", paragraph: 0, quote: "Quote 0." });
    expect(first.doc.cards.map((e) => e.card.id).slice(0, 3)).toEqual(["a", "b", "added-1"]);
  });

  it("numbers added cards past the ones taken", () => {
    const taken = [{ ...entry("added-2", "basic", 0), origin: "added" as const }];
    expect(nextAddedId(taken)).toBe("added-3");
    expect(nextAddedId([])).toBe("added-1");
  });

  it("filters by kind, by paragraph and by near duplicates, together", () => {
    const dups = new Set(["a", "c"]);
    const byKind = run({ type: "filterChanged", filter: { kind: "cloze" }, duplicates: dups });
    expect(shownIds(byKind, dups)).toEqual(["a", "c"]);
    const both = editorReducer(byKind, { type: "filterChanged", filter: { paragraph: 1 }, duplicates: dups });
    expect(shownIds(both, dups)).toEqual(["c"]);
    const dupOnly = run({ type: "filterChanged", filter: { duplicatesOnly: true }, duplicates: new Set(["d"]) });
    expect(shownIds(dupOnly, new Set(["d"]))).toEqual(["d"]);
    expect(isShown(cards[4]!, { kind: "true_false", paragraph: 3, duplicatesOnly: false }, NONE)).toBe(true);
  });

  it("moves the cursor, closes the open card and drops the selection the filter hides", () => {
    const s = run(
      { type: "expandToggled", id: "b" },
      { type: "selectionToggled", id: "a" },
      { type: "selectionToggled", id: "d" },
      { type: "filterChanged", filter: { paragraph: 3 }, duplicates: NONE },
    );
    expect(s).toMatchObject({ cursor: "d", expanded: null, selected: ["d"] });
    const kept = run(
      { type: "expandToggled", id: "d" },
      { type: "filterChanged", filter: { kind: "multiple_choice" }, duplicates: NONE },
    );
    expect(kept).toMatchObject({ cursor: "d", expanded: "d" });
    const empty = run({ type: "filterChanged", filter: { kind: "timeline" }, duplicates: NONE });
    expect(empty.cursor).toBeNull();
  });

  it("moves the cursor through the cards shown, stopping at either end", () => {
    const visible = ["a", "c", "d"];
    const down = (s: EditorState) => editorReducer(s, { type: "cursorMoved", by: 1, visible });
    const up = (s: EditorState) => editorReducer(s, { type: "cursorMoved", by: -1, visible });
    expect(down(start()).cursor).toBe("c");
    expect(down(down(down(start()))).cursor).toBe("d");
    expect(up(start()).cursor).toBe("a");
    // The cursor on a card the filter hides: down goes to the first shown, up to the last.
    const hidden = run({ type: "cursorSet", id: "b" });
    expect(down(hidden).cursor).toBe("a");
    expect(up(hidden).cursor).toBe("d");
    expect(editorReducer(start(), { type: "cursorMoved", by: 1, visible: [] }).cursor).toBeNull();
  });

  it("sets the cursor without a new state when it is already there", () => {
    const s = start();
    expect(editorReducer(s, { type: "cursorSet", id: "a" })).toBe(s);
    expect(editorReducer(s, { type: "cursorSet", id: "c" }).cursor).toBe("c");
  });

  it("opens one card at a time, closes it on a second toggle or collapse, never opens a discarded one", () => {
    const s = run({ type: "expandToggled", id: "a" }, { type: "expandToggled", id: "c" });
    expect(s).toMatchObject({ expanded: "c", cursor: "c" });
    expect(editorReducer(s, { type: "expandToggled", id: "c" }).expanded).toBeNull();
    expect(editorReducer(s, { type: "collapsed" }).expanded).toBeNull();
    expect(run({ type: "expandToggled", id: "e" })).toMatchObject({ expanded: null, cursor: "e" });
    expect(run({ type: "expandToggled", id: "nope" }).expanded).toBeNull();
  });

  it("selects in the draft's order and toggles off", () => {
    const s = run({ type: "selectionToggled", id: "d" }, { type: "selectionToggled", id: "a" });
    expect(s.selected).toEqual(["a", "d"]);
    expect(s.cursor).toBe("a");
    expect(editorReducer(s, { type: "selectionToggled", id: "d" }).selected).toEqual(["a"]);
  });

  it("selects every card shown, or none when all are selected already", () => {
    const s = run({ type: "allShownToggled", visible: ["a", "c"] });
    expect(s.selected).toEqual(["a", "c"]);
    expect(editorReducer(s, { type: "allShownToggled", visible: ["a", "c"] }).selected).toEqual([]);
    expect(editorReducer(start(), { type: "allShownToggled", visible: [] }).selected).toEqual([]);
  });

  it("discards and restores the selection in bulk, then clears it", () => {
    const s = run(
      { type: "problemsShown", problems: [problem("a"), problem("d")] },
      { type: "expandToggled", id: "a" },
      { type: "selectionToggled", id: "a" },
      { type: "selectionToggled", id: "c" },
      { type: "selectedDiscardSet", discarded: true },
    );
    expect(s.doc.cards.filter((e) => e.discarded).map((e) => e.card.id)).toEqual(["a", "c", "e"]);
    expect(s).toMatchObject({ selected: [], expanded: null });
    expect(s.problems.map((p) => p.cardId)).toEqual(["d"]);
    const back = editorReducer(editorReducer(s, { type: "selectionToggled", id: "e" }), {
      type: "selectedDiscardSet",
      discarded: false,
    });
    expect(back.doc.cards.filter((e) => e.discarded).map((e) => e.card.id)).toEqual(["a", "c"]);
    expect(editorReducer(start(), { type: "selectedDiscardSet", discarded: true })).toEqual(start());
  });

  it("opens a card named by a publish problem: filters off, restored if discarded", () => {
    const s = run(
      { type: "filterChanged", filter: { kind: "cloze" }, duplicates: NONE },
      { type: "problemOpened", id: "e" },
    );
    expect(s).toMatchObject({ filter: NO_FILTER, cursor: "e", expanded: "e" });
    expect(s.doc.cards[4]!.discarded).toBe(false);
    expect(run({ type: "problemOpened", id: "nope" })).toEqual(start());
  });

  it("opens and closes the list of shortcuts", () => {
    expect(run({ type: "helpSet", open: true }).helpOpen).toBe(true);
    expect(run({ type: "helpSet", open: true }, { type: "helpSet", open: false }).helpOpen).toBe(false);
  });

  it("counts the cards kept per paragraph: a discarded card covers nothing", () => {
    expect(paragraphCoverage(cards, 5)).toEqual([2, 1, 0, 1, 0]);
    expect(paragraphCoverage(cards, 2)).toEqual([2, 1]);
  });
});

const press = (key: string, rest: Partial<EditorKeyPress> = {}): EditorKeyPress => ({
  key,
  modified: false,
  focus: "page",
  onCardLine: false,
  ...rest,
});

describe("the draft editor's keyboard", () => {
  it("moves with j/k anywhere but in a field, and with the arrows from the page or a card's line", () => {
    expect(editorKeyCommand(press("j"))).toEqual({ kind: "move", by: 1 });
    expect(editorKeyCommand(press("k", { focus: "control" }))).toEqual({ kind: "move", by: -1 });
    expect(editorKeyCommand(press("ArrowDown"))).toEqual({ kind: "move", by: 1 });
    expect(editorKeyCommand(press("ArrowUp", { focus: "control", onCardLine: true }))).toEqual({
      kind: "move",
      by: -1,
    });
    // A select or another button keeps its arrows.
    expect(editorKeyCommand(press("ArrowDown", { focus: "control" }))).toBeNull();
  });

  it("leaves Enter to the focused control, and opens the current card from the page", () => {
    expect(editorKeyCommand(press("Enter"))).toEqual({ kind: "toggleOpen" });
    expect(editorKeyCommand(press("Enter", { focus: "control", onCardLine: true }))).toBeNull();
    expect(editorKeyCommand(press("Enter", { focus: "control" }))).toBeNull();
  });

  it("selects with x, discards with d, lists the keys with ?", () => {
    expect(editorKeyCommand(press("x", { focus: "control", onCardLine: true }))).toEqual({ kind: "toggleSelect" });
    expect(editorKeyCommand(press("d"))).toEqual({ kind: "toggleDiscard" });
    expect(editorKeyCommand(press("?"))).toEqual({ kind: "help" });
  });

  it("never fires while typing, except Escape, which closes the open card", () => {
    for (const key of ["j", "k", "x", "d", "?", "Enter", "ArrowDown"]) {
      expect(editorKeyCommand(press(key, { focus: "text" }))).toBeNull();
    }
    expect(editorKeyCommand(press("Escape", { focus: "text" }))).toEqual({ kind: "close" });
    expect(editorKeyCommand(press("Escape"))).toEqual({ kind: "close" });
  });

  it("leaves a dialog's keys and modified keys alone", () => {
    expect(editorKeyCommand(press("Escape", { focus: "dialog" }))).toBeNull();
    expect(editorKeyCommand(press("j", { focus: "dialog" }))).toBeNull();
    expect(editorKeyCommand(press("x", { modified: true }))).toBeNull();
    expect(editorKeyCommand(press("q"))).toBeNull();
  });

  it("counts a select as a text field, so letters pick its options, and the rest as the study page does", () => {
    const el = (tagName: string, rest: Partial<FocusedElement> = {}): FocusedElement => ({
      tagName,
      role: null,
      type: null,
      isContentEditable: false,
      inDialog: false,
      ...rest,
    });
    expect(editorFocusKind(el("SELECT"))).toBe("text");
    expect(editorFocusKind(el("SELECT", { inDialog: true }))).toBe("dialog");
    expect(editorFocusKind(el("BUTTON"))).toBe("control");
    expect(editorFocusKind(el("INPUT", { type: "checkbox" }))).toBe("control");
    expect(editorFocusKind(el("TEXTAREA"))).toBe("text");
    expect(editorFocusKind(null)).toBe("page");
  });
});
