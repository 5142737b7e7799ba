// The study session as a pure state machine. The shell (study-session.tsx) performs the requests
// and reads the clock; every change of what the page shows goes through `studyReducer`, so each
// transition can be tested without a browser. Time always arrives in an action (`now`, ms since epoch).
import {
  RATING_LABELS,
  type Queue,
  type QueueCard,
  type Rating,
  type Response,
  type ReviewResult,
} from "@/app/study/[slug]/study-client";

// Learning steps shorter than this are waited for in the session rather than ending it.
export const WAIT_FOR_LEARNING_MS = 20 * 60_000;

export type StudyPhase = "loading" | "question" | "answered" | "waiting" | "done" | "error";

/** What the student has done to the card on screen before it is checked or rated. */
export interface AnswerDraft {
  /** Self-graded cards: the answer is shown and the rating buttons are live. */
  revealed: boolean;
  /** Choice cards: the option picked. */
  choice: string | null;
  /** Cloze cards: the words typed. */
  text: string;
  /** Timeline cards: the events in the student's order. */
  order: string[];
  /** Timeline cards: the position of the event the arrow keys move. */
  picked: number | null;
}

/** A review recorded this session: what undo takes back. */
export interface DoneReview {
  card: QueueCard;
  result: ReviewResult;
}

export interface SessionCounters {
  reviews: number;
  again: number;
  startedAt: number;
  /** Set when the session ends, for the summary's time spent. */
  finishedAt: number | null;
}

export interface StudyState {
  phase: StudyPhase;
  queue: Queue | null;
  card: QueueCard | null;
  /** When the card on screen was shown: the review's answer time counts from here. */
  shownAt: number;
  /** One id per attempt at this card: a retry after a network error reuses it, so it never counts twice. */
  reviewId: string | null;
  answer: AnswerDraft;
  result: ReviewResult | null;
  /** Newest last. */
  history: DoneReview[];
  counters: SessionCounters;
  /** A request is in flight: the buttons that would start another are disabled. */
  busy: boolean;
  error: string | null;
  /** Read out by the polite live region. */
  announcement: string;
  /** The card an undo brings back, shown first when the queue next arrives. */
  returning: QueueCard | null;
}

export type StudyAction =
  /** `reviewId` is the id the next review of the card shown will carry (unused when none is shown). */
  | { type: "queueLoaded"; queue: Queue; now: number; reviewId: string }
  | { type: "loadFailed"; message: string }
  | { type: "answerRevealed" }
  | { type: "choicePicked"; choice: string }
  | { type: "textTyped"; text: string }
  | { type: "timelineItemPicked"; index: number }
  | { type: "timelineItemMoved"; from: number; to: number }
  // A request's life: *Started sets busy, then its outcome (or requestFailed), then requestSettled.
  | { type: "reviewStarted" }
  | { type: "reviewRecorded"; result: ReviewResult }
  | { type: "undoStarted" }
  | { type: "reviewUndone"; version: number }
  | { type: "overrideStarted" }
  | { type: "ratingOverridden"; result: ReviewResult }
  | { type: "requestFailed"; message: string }
  | { type: "requestSettled" }
  | { type: "sessionFinished"; now: number };

/** The actions a card component may send while the student works on an answer. */
export type AnswerAction = Extract<
  StudyAction,
  { type: "answerRevealed" | "choicePicked" | "textTyped" | "timelineItemPicked" | "timelineItemMoved" }
>;

const EMPTY_ANSWER: AnswerDraft = { revealed: false, choice: null, text: "", order: [], picked: null };

export function initialStudyState(now: number): StudyState {
  return {
    phase: "loading",
    queue: null,
    card: null,
    shownAt: now,
    reviewId: null,
    answer: EMPTY_ANSWER,
    result: null,
    history: [],
    counters: { reviews: 0, again: 0, startedAt: now, finishedAt: null },
    busy: false,
    error: null,
    announcement: "",
    returning: null,
  };
}

/** Self-graded cards move straight on unless forgotten: then the source passage is shown. */
export function movesStraightOn(card: QueueCard, result: ReviewResult): boolean {
  return !card.autoGraded && !result.lapse;
}

/** The response an auto-graded card sends for checking, or null while there is nothing to check. */
export function responseFor(card: QueueCard, answer: AnswerDraft): Response | null {
  switch (card.responseKind) {
    case null:
      return null;
    case "text":
      return answer.text.trim() ? { kind: "text", text: answer.text } : null;
    case "order":
      return { kind: "order", order: answer.order };
    case "choice":
      return answer.choice ? { kind: "choice", choice: answer.choice } : null;
  }
}

/** Share of today's cards done this session, 0 to 1, for the progress bar. */
export function sessionProgress(state: Pick<StudyState, "queue" | "counters">): number {
  const { queue, counters } = state;
  const left = queue ? queue.remaining.new + queue.remaining.learning + queue.remaining.review : 0;
  return counters.reviews + left === 0 ? 0 : counters.reviews / (counters.reviews + left);
}

export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

const againCount = (rating: Rating) => (rating === "again" ? 1 : 0);

function recordedAnnouncement(result: ReviewResult): string {
  const verdict = result.correct === null ? "" : result.correct ? "Correct. " : "Not quite. ";
  return `${verdict}Rated ${RATING_LABELS[result.rating]}, next review ${result.interval === "now" ? "soon" : `in ${result.interval}`}.`;
}

/** The next card on screen, or the waiting or done phase when the queue has none to show now. */
function show(state: StudyState, queue: Queue, now: number, reviewId: string): StudyState {
  const back = state.returning;
  const card = back ? (queue.cards.find((c) => c.cardId === back.cardId) ?? back) : (queue.cards[0] ?? null);
  const fresh = {
    ...state,
    queue,
    card,
    returning: null,
    result: null,
    error: null,
    answer: EMPTY_ANSWER,
    reviewId: null,
  };
  if (card) {
    const answer = card.responseKind === "order" ? { ...EMPTY_ANSWER, order: card.options } : EMPTY_ANSWER;
    return { ...fresh, phase: "question", answer, shownAt: now, reviewId };
  }
  const soon = queue.nextDueAt !== null && new Date(queue.nextDueAt).getTime() - now < WAIT_FOR_LEARNING_MS;
  return soon ? { ...fresh, phase: "waiting" } : finish(fresh, now);
}

function finish(state: StudyState, now: number): StudyState {
  return { ...state, phase: "done", counters: { ...state.counters, finishedAt: now } };
}

/** Answer edits only count while the question is on screen: a stray key after checking changes nothing. */
function editAnswer(state: StudyState, edit: (answer: AnswerDraft, card: QueueCard) => AnswerDraft | null): StudyState {
  if (state.phase !== "question" || !state.card) return state;
  const answer = edit(state.answer, state.card);
  return answer ? { ...state, answer } : state;
}

export function studyReducer(state: StudyState, action: StudyAction): StudyState {
  switch (action.type) {
    case "queueLoaded":
      return show(state, action.queue, action.now, action.reviewId);

    case "loadFailed":
      return { ...state, phase: "error", error: action.message };

    case "answerRevealed":
      return editAnswer(state, (answer, card) => (card.autoGraded ? null : { ...answer, revealed: true }));

    case "choicePicked":
      return editAnswer(state, (answer, card) =>
        card.options.includes(action.choice) ? { ...answer, choice: action.choice } : null,
      );

    case "textTyped":
      return editAnswer(state, (answer) => ({ ...answer, text: action.text }));

    case "timelineItemPicked":
      return editAnswer(state, (answer) =>
        action.index >= 0 && action.index < answer.order.length ? { ...answer, picked: action.index } : null,
      );

    case "timelineItemMoved":
      return editAnswer(state, (answer) => {
        const { from, to } = action;
        if (from === to || from < 0 || to < 0 || from >= answer.order.length || to >= answer.order.length) return null;
        const order = move(answer.order, from, to);
        // The highlight stays on the event it marks, wherever that event goes.
        const picked = answer.picked === null ? null : order.indexOf(answer.order[answer.picked]!);
        return { ...answer, order, picked };
      });

    case "reviewStarted":
      if (state.phase !== "question" || !state.card || state.busy) return state;
      return { ...state, busy: true, error: null };

    case "reviewRecorded": {
      const card = state.card;
      if (!card || card.cardId !== action.result.cardId) return state;
      const { result } = action;
      return {
        ...state,
        // While the next card loads, the rated one stays on screen with its buttons disabled.
        phase: movesStraightOn(card, result) ? "question" : "answered",
        result,
        history: [...state.history, { card, result }],
        counters: {
          ...state.counters,
          reviews: state.counters.reviews + 1,
          again: state.counters.again + againCount(result.rating),
        },
        announcement: recordedAnnouncement(result),
      };
    }

    case "undoStarted":
      if (state.history.length === 0 || state.busy) return state;
      return { ...state, busy: true };

    case "reviewUndone": {
      const last = state.history.at(-1);
      if (!last) return state;
      return {
        ...state,
        history: state.history.slice(0, -1),
        counters: {
          ...state.counters,
          reviews: state.counters.reviews - 1,
          again: state.counters.again - againCount(last.result.rating),
        },
        announcement: "Last review undone.",
        // The card comes back at the version the undo restored, so its next review is not a conflict.
        returning: { ...last.card, version: action.version },
      };
    }

    case "overrideStarted":
      if (state.phase !== "answered" || !state.result || state.busy) return state;
      return { ...state, busy: true };

    case "ratingOverridden": {
      const previous = state.result;
      const card = state.card;
      if (!previous || !card) return state;
      const { result } = action;
      return {
        ...state,
        result,
        history: [...state.history.slice(0, -1), { card, result }],
        counters: {
          ...state.counters,
          again: state.counters.again - againCount(previous.rating) + againCount(result.rating),
        },
        announcement: `Rated ${RATING_LABELS[result.rating]}, next review in ${result.interval}.`,
      };
    }

    case "requestFailed":
      return { ...state, error: action.message };

    case "requestSettled":
      return { ...state, busy: false };

    case "sessionFinished":
      return finish(state, action.now);
  }
}
