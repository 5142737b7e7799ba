// The study session as a pure state machine. The shell (study-session.tsx) performs the requests
// and reads the clock; every change of what the page shows goes through `studyReducer`, so each
// transition can be tested without a browser. Time always arrives in an action (`now`, ms since epoch).
import {
  EMPTY_OUTBOX,
  drop,
  enqueue,
  markConflict,
  markFailed,
  markSaved,
  markSending,
  rebase,
  retryNow,
  type Outbox,
} from "@/app/study/[slug]/outbox";
import {
  QUEUE_PAGE,
  RATING_LABELS,
  type Queue,
  type QueueCard,
  type Rating,
  type Response,
  type ReviewResult,
} from "@/app/study/[slug]/study-client";

// Learning steps shorter than this are waited for in the session rather than ending it.
export const WAIT_FOR_LEARNING_MS = 20 * 60_000;

/**
 * question: the card on screen is being answered; checking: its answer waits for the server's check
 * (auto-graded cards, and a forgotten self-graded card whose passage is then shown); answered: the
 * result is shown; loading: no card is held and the queue is being (re)fetched.
 */
export type StudyPhase = "loading" | "question" | "checking" | "answered" | "waiting" | "done" | "error";

/** Fetch the queue again when fewer cards than this are held after the one on screen. */
export const REFILL_BELOW = 5;

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

/** A review given this session: what undo takes back (once the server has recorded it). */
export interface DoneReview {
  card: QueueCard;
  reviewId: string;
  rating: Rating | null;
  /** The server's answer; null while the review waits in the outbox. */
  result: ReviewResult | null;
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
  /** The last queue fetched: its counts and next due date (cards answered since are in `answeredSinceFetch`). */
  queue: Queue | null;
  card: QueueCard | null;
  /** The cards held after the one on screen, in the order they come. */
  upcoming: QueueCard[];
  /** When the card on screen was shown: the review's answer time counts from here. */
  shownAt: number;
  /** One id per attempt at this card: a retry after a network error reuses it, so it never counts twice. */
  reviewId: string | null;
  answer: AnswerDraft;
  result: ReviewResult | null;
  /** Newest last. */
  history: DoneReview[];
  counters: SessionCounters;
  /** Reviews given and not yet recorded, sent in the background. */
  outbox: Outbox;
  /**
   * Each card recorded here (this session or one before a reload, offline-store.ts): the version its
   * review produced. A queue card at an older version is a stale copy (a queue kept by the service
   * worker, read back offline) of a card already answered, and is left out.
   */
  recordedVersions: Record<string, number>;
  /** A queue fetch is in flight. */
  refilling: boolean;
  /** No fetch before this time (ms since epoch): the back-off after a failed one. */
  refillNotBefore: number;
  /** Cards answered since the last fetch was sent: a queue read before their review counts them still due. */
  answeredSinceFetch: string[];
  /** The last fetch returned a full page: the server holds more than the cards held here. */
  lastFetchFull: boolean;
  /** An undo or override request is in flight: the buttons that would start another are disabled. */
  busy: boolean;
  error: string | null;
  /** Read out by the polite live region. */
  announcement: string;
  /** Shown (as a status) until the next answer: what an undo did, so it is seen, not only heard. */
  notice: string | null;
}

export type StudyAction =
  /** The shell sends a queue fetch. */
  | { type: "refillStarted" }
  /** `reviewId` is the id the next review of the card shown will carry (unused when none is shown). */
  | { type: "queueLoaded"; queue: Queue; now: number; reviewId: string; limit?: number }
  | { type: "loadFailed"; message: string; now: number }
  | { type: "answerRevealed" }
  | { type: "choicePicked"; choice: string }
  | { type: "textTyped"; text: string }
  | { type: "timelineItemPicked"; index: number }
  | { type: "timelineItemMoved"; from: number; to: number }
  /** A self-graded card rated: the review goes to the outbox and the next card is shown at once. */
  | { type: "rated"; rating: Rating; now: number; reviewId: string }
  /** An auto-graded card's answer given: it goes to the outbox, and the card waits for the check. */
  | { type: "checked"; response: Response; now: number; nextReviewId?: string }
  /** "Continue" after a result: the next card held, at once. */
  | { type: "continued"; now: number; reviewId: string }
  // The outbox's deliveries (outbox.ts), reported by the shell.
  | { type: "reviewSending"; reviewId: string }
  | { type: "reviewSaved"; reviewId: string; result: ReviewResult }
  /** `nextReviewId`: for the next card, when the card on screen waited for this review (offline, it moves on). */
  | { type: "reviewFailed"; reviewId: string; message: string; now: number; nextReviewId?: string }
  | { type: "reviewConflicted"; reviewId: string }
  | { type: "reviewRebased"; reviewId: string; version: number; newReviewId: string }
  | { type: "reviewDropped"; reviewId: string; message: string; now: number; nextReviewId: string }
  | { type: "connectionRestored" }
  // Undo and override: a request's life is *Started (busy), its outcome (or requestFailed), requestSettled.
  | { type: "undoStarted" }
  | { type: "reviewUndone"; version: number; now: number; reviewId: string }
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

/** What a reload finds in storage (offline-store.ts): the answers still to send, the cards recorded. */
export interface RestoredStudy {
  outbox: Outbox;
  recordedVersions: Record<string, number>;
}

export function initialStudyState(now: number, restored?: RestoredStudy): StudyState {
  return {
    phase: "loading",
    queue: null,
    card: null,
    upcoming: [],
    shownAt: now,
    reviewId: null,
    answer: EMPTY_ANSWER,
    result: null,
    history: [],
    counters: { reviews: 0, again: 0, startedAt: now, finishedAt: null },
    outbox: restored?.outbox ?? EMPTY_OUTBOX,
    recordedVersions: restored?.recordedVersions ?? {},
    refilling: false,
    refillNotBefore: 0,
    answeredSinceFetch: [],
    lastFetchFull: false,
    busy: false,
    error: null,
    announcement: "",
    notice: null,
  };
}

/**
 * Whether the shell should fetch the queue now: never while one is in flight, while reviews wait to
 * be recorded (the queue would still count them due) or during a back-off; on first load; when no
 * card is held and answers were given since the last fetch (learning cards may be due); and ahead of
 * time, when fewer than REFILL_BELOW cards are held and the server has more.
 */
export function wantsRefill(state: StudyState, now: number): boolean {
  // With no queue at all (a reload with answers still waiting), the first fetch goes ahead: merge
  // leaves out the cards waiting in the outbox.
  const outboxBlocks = state.outbox.items.length > 0 && state.queue !== null;
  if (state.refilling || outboxBlocks || now < state.refillNotBefore) return false;
  if (state.phase === "done") return false;
  // After a failed first load, every few seconds; while waiting, once the next card comes due.
  if (state.phase === "error" || state.queue === null) return true;
  if (state.phase === "waiting") return state.queue.nextDueAt !== null && now >= Date.parse(state.queue.nextDueAt);
  if (state.answeredSinceFetch.length === 0) return false;
  if (state.phase === "loading") return true;
  return state.upcoming.length < REFILL_BELOW && state.lastFetchFull;
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

/**
 * What is left today by kind, as the counters show it: the last queue's counts less the cards
 * answered since it was fetched (a learning card the answer keeps in learning today is counted back
 * as learning), so the counters move with every answer rather than at the next fetch.
 */
export function remainingToday(
  state: Pick<StudyState, "queue" | "history" | "answeredSinceFetch">,
): Queue["remaining"] | null {
  const { queue } = state;
  if (!queue) return null;
  const left = { ...queue.remaining };
  const dayEndsAt = Date.parse(queue.dayEndsAt);
  for (const cardId of state.answeredSinceFetch) {
    const entry = state.history.findLast((h) => h.card.cardId === cardId);
    if (!entry) continue;
    left[entry.card.kind] = Math.max(0, left[entry.card.kind] - 1);
    const after = entry.result?.state;
    if (after && (after.state === "learning" || after.state === "relearning") && Date.parse(after.due) < dayEndsAt)
      left.learning += 1;
  }
  return left;
}

/** Share of today's cards done this session, 0 to 1, for the progress bar: done over done plus left (remainingToday). */
export function sessionProgress(
  state: Pick<StudyState, "queue" | "counters"> & Partial<Pick<StudyState, "history" | "answeredSinceFetch">>,
): number {
  const { counters } = state;
  const remaining = remainingToday({
    queue: state.queue,
    history: state.history ?? [],
    answeredSinceFetch: state.answeredSinceFetch ?? [],
  });
  const left = remaining ? remaining.new + remaining.learning + remaining.review : 0;
  return counters.reviews + left === 0 ? 0 : counters.reviews / (counters.reviews + left);
}

export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

const againCount = (rating: Rating) => (rating === "again" ? 1 : 0);

const KEPT_OFFLINE = "No connection: your answer is kept and will be checked once it is sent.";

/** The oldest review waiting has failed to reach the server: the page is offline (or the server is). */
const isOffline = (state: StudyState) => (state.outbox.items[0]?.attempts ?? 0) > 0;

function recordedAnnouncement(result: ReviewResult): string {
  const verdict = result.correct === null ? "" : result.correct ? "Correct. " : "Not quite. ";
  return `${verdict}Rated ${RATING_LABELS[result.rating]}, next review ${result.interval === "now" ? "soon" : `in ${result.interval}`}.`;
}

/** `card` on screen as a question, timed from now. */
function ask(state: StudyState, card: QueueCard, now: number, reviewId: string): StudyState {
  const answer = card.responseKind === "order" ? { ...EMPTY_ANSWER, order: card.options } : EMPTY_ANSWER;
  return { ...state, phase: "question", card, answer, result: null, shownAt: now, reviewId };
}

/**
 * The next card held, at once; with none held, loading (a fetch will tell whether learning cards
 * came due) when answers were given since the last fetch, else waiting or done.
 */
function advance(state: StudyState, now: number, reviewId: string): StudyState {
  const [next, ...rest] = state.upcoming;
  if (next) return ask({ ...state, upcoming: rest, error: null }, next, now, reviewId);
  const cleared = { ...state, card: null, result: null, answer: EMPTY_ANSWER, reviewId: null };
  if (state.answeredSinceFetch.length > 0 || state.refilling || state.outbox.items.length > 0)
    return { ...cleared, phase: "loading" };
  const queue = state.queue;
  const soon = queue?.nextDueAt != null && new Date(queue.nextDueAt).getTime() - now < WAIT_FOR_LEARNING_MS;
  return soon ? { ...cleared, phase: "waiting" } : finish(cleared, now);
}

/** A fetched queue merged into the cards held: the ones held keep their place, answered ones stay out. */
function merge(state: StudyState, queue: Queue): QueueCard[] {
  const held = new Set([...state.upcoming.map((c) => c.cardId), ...state.answeredSinceFetch]);
  if (state.card && state.phase !== "loading") held.add(state.card.cardId);
  for (const i of state.outbox.items) held.add(i.cardId);
  const stale = (c: QueueCard) => c.version < (state.recordedVersions[c.cardId] ?? 0);
  return [...state.upcoming, ...queue.cards.filter((c) => !held.has(c.cardId) && !stale(c))];
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

/** A review given for the card on screen: into the outbox, the history and the counters. */
function give(state: StudyState, now: number, given: { rating: Rating } | { response: Response }): StudyState {
  const card = state.card!;
  const reviewId = state.reviewId!;
  const rating = "rating" in given ? given.rating : null;
  return {
    ...state,
    outbox: enqueue(state.outbox, {
      reviewId,
      cardId: card.cardId,
      version: card.version,
      ...given,
      answerMs: Math.max(0, now - state.shownAt),
      answeredAt: now,
    }),
    history: [...state.history, { card, reviewId, rating, result: null }],
    counters: rating
      ? { ...state.counters, reviews: state.counters.reviews + 1, again: state.counters.again + againCount(rating) }
      : state.counters,
    answeredSinceFetch: [...state.answeredSinceFetch, card.cardId],
    notice: null,
  };
}

/** The review's server answer arrived: the history keeps it; the card waiting for it shows it. */
function saved(state: StudyState, reviewId: string, result: ReviewResult): StudyState {
  const recordedVersions = { ...state.recordedVersions, [result.cardId]: result.state.version };
  const entry = state.history.find((h) => h.reviewId === reviewId);
  if (!entry) return { ...state, recordedVersions, outbox: markSaved(state.outbox, reviewId) };
  const counted = entry.rating !== null;
  const next: StudyState = {
    ...state,
    recordedVersions,
    outbox: markSaved(state.outbox, reviewId),
    history: state.history.map((h) => (h === entry ? { ...h, result } : h)),
    counters: counted
      ? state.counters
      : {
          ...state.counters,
          reviews: state.counters.reviews + 1,
          again: state.counters.again + againCount(result.rating),
        },
  };
  const waiting = state.phase === "checking" && state.reviewId === reviewId;
  return waiting ? { ...next, phase: "answered", result, announcement: recordedAnnouncement(result) } : next;
}

export function studyReducer(state: StudyState, action: StudyAction): StudyState {
  switch (action.type) {
    case "refillStarted": {
      // The answers counted so far go into the held queue's counts, so the counters and the bar
      // stay where they are until the fetched queue (which counts them itself) replaces them.
      const remaining = remainingToday(state);
      const queue = state.queue && remaining ? { ...state.queue, remaining } : state.queue;
      return { ...state, queue, refilling: true, answeredSinceFetch: [] };
    }

    case "queueLoaded": {
      const upcoming = merge(state, action.queue);
      const next: StudyState = {
        ...state,
        queue: action.queue,
        upcoming,
        refilling: false,
        refillNotBefore: 0,
        lastFetchFull: action.queue.cards.length >= (action.limit ?? QUEUE_PAGE),
        error: state.phase === "loading" || state.phase === "error" ? null : state.error,
      };
      const idle = state.phase === "loading" || state.phase === "waiting" || state.phase === "error";
      return idle ? advance(next, action.now, action.reviewId) : next;
    }

    case "loadFailed": {
      const next = { ...state, refilling: false, refillNotBefore: action.now + 3000 };
      // With no card to show the failure is the page's; with cards held, the next fetch will try again.
      return (state.phase === "loading" || state.phase === "error") && state.outbox.items.length === 0
        ? { ...next, phase: "error", error: action.message }
        : next;
    }

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

    case "rated": {
      const card = state.card;
      if (state.phase !== "question" || !card || card.autoGraded || !state.reviewId) return state;
      const given = give(state, action.now, { rating: action.rating });
      const announced = { ...given, announcement: `Rated ${RATING_LABELS[action.rating]}.` };
      // A forgotten review card waits for its result, which carries the passage to reread (not offline).
      if (card.kind === "review" && action.rating === "again" && !isOffline(state))
        return { ...announced, phase: "checking" };
      return advance(announced, action.now, action.reviewId);
    }

    case "checked": {
      if (state.phase !== "question" || !state.card?.autoGraded || !state.reviewId) return state;
      const given = give(state, action.now, { response: action.response });
      // Already known to be offline (reviews ahead are failing): no point waiting for the check.
      if (isOffline(state) && action.nextReviewId)
        return { ...advance(given, action.now, action.nextReviewId), announcement: KEPT_OFFLINE };
      return { ...given, phase: "checking", error: null };
    }

    case "continued":
      if (state.phase !== "answered" || state.busy) return state;
      return advance(state, action.now, action.reviewId);

    case "reviewSending":
      return { ...state, outbox: markSending(state.outbox, action.reviewId) };

    case "reviewSaved":
      return saved(state, action.reviewId, action.result);

    case "reviewFailed": {
      const next = { ...state, outbox: markFailed(state.outbox, action.reviewId, action.now, action.message) };
      // Offline, a card waiting for its check moves on: the answer is kept and checked once sent.
      // (The review failing may be an earlier one: the card's own waits behind it, in order.)
      if (state.phase !== "checking" || !action.nextReviewId) return next;
      return { ...advance(next, action.now, action.nextReviewId), announcement: KEPT_OFFLINE };
    }

    case "reviewConflicted":
      return { ...state, outbox: markConflict(state.outbox, action.reviewId) };

    case "reviewRebased": {
      const { reviewId, newReviewId } = action;
      return {
        ...state,
        outbox: rebase(state.outbox, reviewId, action.version, newReviewId),
        history: state.history.map((h) => (h.reviewId === reviewId ? { ...h, reviewId: newReviewId } : h)),
        reviewId: state.reviewId === reviewId ? newReviewId : state.reviewId,
      };
    }

    case "reviewDropped": {
      const entry = state.history.find((h) => h.reviewId === action.reviewId);
      const next: StudyState = {
        ...state,
        outbox: drop(state.outbox, action.reviewId, action.message),
        history: state.history.filter((h) => h !== entry),
        counters:
          entry?.rating != null
            ? {
                ...state.counters,
                reviews: state.counters.reviews - 1,
                again: state.counters.again - againCount(entry.rating),
              }
            : state.counters,
        error: action.message,
      };
      const waiting = state.phase === "checking" && state.reviewId === action.reviewId;
      return waiting ? advance(next, action.now, action.nextReviewId) : next;
    }

    case "connectionRestored":
      return { ...state, outbox: retryNow(state.outbox), refillNotBefore: 0 };

    case "undoStarted": {
      const last = state.history.at(-1);
      if (!last?.result || state.busy || state.outbox.items.length > 0) return state;
      if (state.phase !== "question" && state.phase !== "answered") return state;
      return { ...state, busy: true };
    }

    case "reviewUndone": {
      const last = state.history.at(-1);
      if (!last) return state;
      // The card on screen goes back to the front of the cards held, unless it is the one undone.
      const shown = state.card && state.card.cardId !== last.card.cardId ? [state.card] : [];
      const next: StudyState = {
        ...state,
        upcoming: [...shown, ...state.upcoming.filter((c) => c.cardId !== last.card.cardId)],
        history: state.history.slice(0, -1),
        counters: {
          ...state.counters,
          reviews: state.counters.reviews - 1,
          again: state.counters.again - (last.result ? againCount(last.result.rating) : 0),
        },
        answeredSinceFetch: state.answeredSinceFetch.filter((id) => id !== last.card.cardId),
        // The visible notice is a status region and is read out itself: no second announcement.
        announcement: "",
        notice: "Last review undone. The card is back for you to answer again.",
        error: null,
      };
      // The card comes back at once, at the version the undo restored, so its next review is not a conflict.
      return ask(next, { ...last.card, version: action.version }, action.now, action.reviewId);
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
        history: [...state.history.slice(0, -1), { card, reviewId: result.reviewId, rating: result.rating, result }],
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
