import { retrievabilityAt, type MemoryState, type SrsSettings } from "@/lib/srs";

// The queue's order and daily limits, pure: fetchQueue (lib/study/queue.ts) loads the rows and calls
// this, and bench/learning-quality.ts runs the same rules on simulated students.

/** A card the student has studied, as the queue needs it. */
export interface QueuedState {
  cardId: string;
  state: MemoryState["state"];
  due: Date;
}

export interface QueueOrderInput<S extends QueuedState> {
  /** The student's unsuspended states of live cards in the deck. */
  states: readonly S[];
  /** The deck's cards the student has not studied, in deck order (at least `newCardsPerDay` of them when there are). */
  newCardIds: readonly string[];
  /** Reviews done since the start of the student's day, by the state the card was in. */
  doneToday: { new: number; review: number };
  limits: { newCardsPerDay: number; maxReviewsPerDay: number };
  now: Date;
  /** When the student's day ends: reviews due before it are today's. */
  dayEnd: Date;
  settings: SrsSettings;
  memoryOf: (state: S) => MemoryState;
  /** How many cards to return. */
  limit: number;
}

export interface QueueOrder<S extends QueuedState> {
  learning: S[];
  reviews: S[];
  fresh: string[];
  /** The cards to show next, in order, at most `limit`. */
  ordered: Array<{ cardId: string; kind: "new" | "learning" | "review"; state: S | null }>;
  nextDueAt: Date | null;
}

/**
 * Learning cards that are due (soonest first), then today's reviews (lowest retrievability first) up
 * to the daily review limit, then new cards in deck order up to the daily new-card limit.
 *
 * @example
 * const { ordered } = orderQueue({ states, newCardIds, doneToday, limits, now, dayEnd, settings, memoryOf, limit: 20 });
 */
export function orderQueue<S extends QueuedState>(input: QueueOrderInput<S>): QueueOrder<S> {
  const { states, now, dayEnd } = input;
  const newLeft = Math.max(0, input.limits.newCardsPerDay - input.doneToday.new);
  const reviewLeft = Math.max(0, input.limits.maxReviewsPerDay - input.doneToday.review);

  const recallNow = retrievabilityAt(now, input.settings);
  const learning = states
    .filter((s) => (s.state === "learning" || s.state === "relearning") && s.due <= now)
    .sort((a, b) => a.due.getTime() - b.due.getTime());
  const reviews = states
    .filter((s) => s.state === "review" && s.due < dayEnd)
    .map((s) => ({ s, r: recallNow(input.memoryOf(s)) }))
    .sort((a, b) => a.r - b.r)
    .slice(0, reviewLeft)
    .map((x) => x.s);
  const fresh = input.newCardIds.slice(0, newLeft);

  const later = states
    .filter((s) => s.due > now && !(s.state === "review" && s.due < dayEnd))
    .map((s) => s.due.getTime());
  const nextDueAt = later.length ? new Date(Math.min(...later)) : null;

  const ordered = [
    ...learning.map((s) => ({ cardId: s.cardId, kind: "learning" as const, state: s })),
    ...reviews.map((s) => ({ cardId: s.cardId, kind: "review" as const, state: s })),
    ...fresh.map((cardId) => ({ cardId, kind: "new" as const, state: null })),
  ].slice(0, input.limit);
  return { learning, reviews, fresh, ordered, nextDueAt };
}
