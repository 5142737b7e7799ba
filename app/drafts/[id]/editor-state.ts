// The draft editor's state as a pure reducer: the document autosave sends (title, outlet, source,
// cards) and the review state around it (filters, the card the keyboard is on, the one card open
// for editing, the selection, the publish problems). The component only dispatches and renders;
// every transition is tested in tests/unit/drafts/editor-state.test.ts.
import type { CardType } from "@/lib/cards";
import type { DraftCard, DraftEntry } from "@/lib/content/drafts";
import type { PublishProblem } from "@/lib/content/publish";

/** What the editor saves: the whole editable draft (small: the article text is never sent back). */
export type DraftDocument = { title: string; outlet: string; sourceUrl: string; cards: DraftEntry[] };
export type MetaField = "title" | "outlet" | "sourceUrl";

export interface ReviewFilter {
  kind: CardType | "all";
  /** A paragraph index (from 0), or every paragraph. */
  paragraph: number | "all";
  duplicatesOnly: boolean;
}

export interface EditorState {
  doc: DraftDocument;
  filter: ReviewFilter;
  /** The card the keyboard is on (j/k move it; x selects it; Enter opens it). */
  cursor: string | null;
  /** The one card open for editing: the rest stay one line each. */
  expanded: string | null;
  /** Selected card ids, for bulk discard or restore. Only cards the filter shows stay selected. */
  selected: string[];
  problems: PublishProblem[];
  helpOpen: boolean;
}

export type EditorAction =
  | { type: "metaEdited"; field: MetaField; value: string }
  | { type: "cardEdited"; id: string; patch: Partial<DraftCard> }
  | { type: "discardSet"; id: string; discarded: boolean }
  | { type: "cardAdded"; paragraph: number; quote: string }
  | { type: "filterChanged"; filter: Partial<ReviewFilter>; duplicates: ReadonlySet<string> }
  | { type: "cursorMoved"; by: 1 | -1; visible: readonly string[] }
  | { type: "cursorSet"; id: string }
  | { type: "expandToggled"; id: string }
  | { type: "collapsed" }
  | { type: "selectionToggled"; id: string }
  | { type: "allShownToggled"; visible: readonly string[] }
  | { type: "selectedDiscardSet"; discarded: boolean }
  | { type: "problemsShown"; problems: PublishProblem[] }
  | { type: "problemOpened"; id: string }
  | { type: "helpSet"; open: boolean };

export const NO_FILTER: ReviewFilter = { kind: "all", paragraph: "all", duplicatesOnly: false };

export function initialEditorState(doc: DraftDocument): EditorState {
  return {
    doc,
    filter: NO_FILTER,
    cursor: doc.cards[0]?.card.id ?? null,
    expanded: null,
    selected: [],
    problems: [],
    helpOpen: false,
  };
}

/** Whether the filter shows this card (`duplicates`: ids of cards with a near duplicate). */
export function isShown(entry: DraftEntry, filter: ReviewFilter, duplicates: ReadonlySet<string>): boolean {
  return (
    (filter.kind === "all" || entry.card.type === filter.kind) &&
    (filter.paragraph === "all" || entry.paragraph === filter.paragraph) &&
    (!filter.duplicatesOnly || duplicates.has(entry.card.id))
  );
}

/** The ids the filter shows, in the draft's order. */
export function shownIds(state: Pick<EditorState, "doc" | "filter">, duplicates: ReadonlySet<string>): string[] {
  return state.doc.cards.filter((e) => isShown(e, state.filter, duplicates)).map((e) => e.card.id);
}

/** Cards per paragraph, discarded ones left out: a paragraph at 0 has nothing a student is asked about. */
export function paragraphCoverage(cards: readonly DraftEntry[], paragraphCount: number): number[] {
  const counts = Array.from({ length: paragraphCount }, () => 0);
  for (const e of cards) if (!e.discarded && e.paragraph < paragraphCount) counts[e.paragraph]!++;
  return counts;
}

/** The next free id for a card the teacher adds: added-1, added-2, … */
export function nextAddedId(cards: readonly DraftEntry[]): string {
  const taken = new Set(cards.map((c) => c.card.id));
  let n = cards.filter((c) => c.origin === "added").length + 1;
  while (taken.has(`added-${n}`)) n++;
  return `added-${n}`;
}

function withCards(state: EditorState, map: (entry: DraftEntry) => DraftEntry): EditorState {
  return { ...state, doc: { ...state.doc, cards: state.doc.cards.map(map) } };
}

const withoutProblemsOf = (problems: PublishProblem[], ids: readonly string[]) =>
  problems.filter((p) => p.cardId === null || !ids.includes(p.cardId));

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "metaEdited":
      return {
        ...state,
        doc: { ...state.doc, [action.field]: action.value },
        problems: state.problems.filter((p) => p.field !== action.field),
      };
    case "cardEdited":
      return {
        ...withCards(state, (e) => (e.card.id === action.id ? { ...e, card: { ...e.card, ...action.patch } } : e)),
        problems: withoutProblemsOf(state.problems, [action.id]),
      };
    case "discardSet": {
      const next = withCards(state, (e) => (e.card.id === action.id ? { ...e, discarded: action.discarded } : e));
      return {
        ...next,
        expanded: action.discarded && state.expanded === action.id ? null : state.expanded,
        problems: withoutProblemsOf(state.problems, [action.id]),
      };
    }
    case "cardAdded": {
      const id = nextAddedId(state.doc.cards);
      const entry: DraftEntry = {
        card: { id, type: "basic", prompt: "", answer: "", options: [], explanation: "", quote: action.quote },
        paragraph: action.paragraph,
        origin: "added",
        discarded: false,
      };
      const cards = state.doc.cards;
      // Right after the paragraph's last card, so the deck keeps the article's order.
      const after = cards.findLastIndex((e) => e.paragraph <= action.paragraph);
      return {
        ...state,
        doc: { ...state.doc, cards: [...cards.slice(0, after + 1), entry, ...cards.slice(after + 1)] },
        // The new card is a basic one with an empty prompt: show it whatever the filter was.
        filter: { ...state.filter, kind: "all", duplicatesOnly: false, paragraph: action.paragraph },
        cursor: id,
        expanded: id,
      };
    }
    case "filterChanged": {
      const filter = { ...state.filter, ...action.filter };
      const visible = shownIds({ doc: state.doc, filter }, action.duplicates);
      const cursor = state.cursor && visible.includes(state.cursor) ? state.cursor : (visible[0] ?? null);
      return {
        ...state,
        filter,
        cursor,
        expanded: state.expanded && visible.includes(state.expanded) ? state.expanded : null,
        // A bulk action must not reach cards the teacher cannot see.
        selected: state.selected.filter((id) => visible.includes(id)),
      };
    }
    case "cursorMoved": {
      if (action.visible.length === 0) return { ...state, cursor: null };
      const at = state.cursor === null ? -1 : action.visible.indexOf(state.cursor);
      const to =
        at === -1
          ? action.by === 1
            ? 0
            : action.visible.length - 1
          : Math.min(Math.max(at + action.by, 0), action.visible.length - 1);
      return { ...state, cursor: action.visible[to]! };
    }
    case "cursorSet":
      return state.cursor === action.id ? state : { ...state, cursor: action.id };
    case "expandToggled": {
      const entry = state.doc.cards.find((e) => e.card.id === action.id);
      if (!entry || entry.discarded) return { ...state, cursor: action.id };
      return { ...state, cursor: action.id, expanded: state.expanded === action.id ? null : action.id };
    }
    case "collapsed":
      return { ...state, expanded: null };
    case "selectionToggled": {
      const on = state.selected.includes(action.id);
      const selected = on ? state.selected.filter((id) => id !== action.id) : [...state.selected, action.id];
      return { ...state, cursor: action.id, selected: ordered(state, selected) };
    }
    case "allShownToggled": {
      const allOn = action.visible.length > 0 && action.visible.every((id) => state.selected.includes(id));
      return { ...state, selected: allOn ? [] : [...action.visible] };
    }
    case "selectedDiscardSet": {
      if (state.selected.length === 0) return state;
      const ids = new Set(state.selected);
      const next = withCards(state, (e) => (ids.has(e.card.id) ? { ...e, discarded: action.discarded } : e));
      return {
        ...next,
        selected: [],
        expanded: action.discarded && state.expanded && ids.has(state.expanded) ? null : state.expanded,
        problems: withoutProblemsOf(state.problems, state.selected),
      };
    }
    case "problemsShown":
      return { ...state, problems: action.problems };
    case "problemOpened": {
      const entry = state.doc.cards.find((e) => e.card.id === action.id);
      if (!entry) return state;
      // The card must be on screen to be fixed: filters off, the card open (restored if discarded).
      const next = entry.discarded
        ? withCards(state, (e) => (e.card.id === action.id ? { ...e, discarded: false } : e))
        : state;
      return { ...next, filter: NO_FILTER, cursor: action.id, expanded: action.id };
    }
    case "helpSet":
      return { ...state, helpOpen: action.open };
  }
}

function ordered(state: EditorState, ids: readonly string[]): string[] {
  const set = new Set(ids);
  return state.doc.cards.map((e) => e.card.id).filter((id) => set.has(id));
}
