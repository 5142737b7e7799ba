import { z } from "zod";
import { createEmptyCard, Rating as FsrsRating, State, type Card, type Grade } from "ts-fsrs";
import { InvalidDateError, InvalidMemoryStateError, InvalidRatingError } from "./errors";

export const MEMORY_STATE_KINDS = ["new", "learning", "review", "relearning"] as const;
/** Where a card is in FSRS's life cycle (ts-fsrs `State`, lower-case as in the database enum). */
export type MemoryStateKind = (typeof MEMORY_STATE_KINDS)[number];

export const RATINGS = ["again", "hard", "good", "easy"] as const;
/** The four answer buttons (ts-fsrs `Grade`). */
export type Rating = (typeof RATINGS)[number];

/** Validates a rating at the edge, e.g. in the review route's body schema. */
export const RatingSchema = z.enum(RATINGS, { error: 'Rating must be "again", "hard", "good" or "easy".' });
export const MemoryStateKindSchema = z.enum(MEMORY_STATE_KINDS);

/**
 * One student's memory of one card: ts-fsrs's `Card` in camelCase, column for column the Prisma
 * `CardState` (minus ids and flags).
 */
export interface MemoryState {
  /** When the card is next due. */
  due: Date;
  /** FSRS stability: days until recall probability falls to 90%. 0 for a new card. */
  stability: number;
  /** FSRS difficulty, 1–10 (0 for a new card). */
  difficulty: number;
  /** Whole days between the last two reviews (ts-fsrs counts UTC calendar days). Deprecated upstream (ts-fsrs 6). */
  elapsedDays: number;
  /** Interval the last review scheduled, in whole days (0 while in a learning step). */
  scheduledDays: number;
  /** Index of the current (re)learning step. */
  learningSteps: number;
  reps: number;
  /** Times the card was forgotten after graduating ("again" in review state). */
  lapses: number;
  state: MemoryStateKind;
  lastReview: Date | null;
}

/**
 * Validates a memory state, coercing ISO strings to dates, so it also reads the JSON snapshot in
 * `ReviewLog.previous`.
 *
 * @example
 * const previous = MemoryStateSchema.parse(reviewLog.previous);
 */
export const MemoryStateSchema = z
  .object({
    due: z.coerce.date({ error: "due must be a date" }),
    stability: z.number().min(0),
    difficulty: z.number().min(0).max(10),
    elapsedDays: z.number().int().min(0),
    scheduledDays: z.number().int().min(0),
    learningSteps: z.number().int().min(0),
    reps: z.number().int().min(0),
    lapses: z.number().int().min(0),
    state: MemoryStateKindSchema,
    lastReview: z.coerce.date({ error: "lastReview must be a date or null" }).nullable(),
  })
  .superRefine((state, ctx) => {
    if (state.state === "new") return;
    // ts-fsrs needs these to schedule a card it has seen before (it throws on D < 1 or S < 0.001).
    if (state.lastReview === null)
      ctx.addIssue({ code: "custom", path: ["lastReview"], message: `a ${state.state} card must have a last review` });
    if (state.stability < 0.001)
      ctx.addIssue({
        code: "custom",
        path: ["stability"],
        message: `a ${state.state} card must have a stability of at least 0.001`,
      });
    if (state.difficulty < 1)
      ctx.addIssue({
        code: "custom",
        path: ["difficulty"],
        message: `a ${state.state} card must have a difficulty between 1 and 10`,
      });
  });

const ratingToFsrs: Record<Rating, Grade> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
};
const stateToFsrs: Record<MemoryStateKind, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const stateFromFsrs: Record<State, MemoryStateKind> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};

/** The ts-fsrs grade for a rating; throws `InvalidRatingError` for anything else (the type is not trusted at runtime). */
export function toFsrsGrade(rating: Rating): Grade {
  if (!(RATINGS as readonly unknown[]).includes(rating)) throw new InvalidRatingError(rating);
  return ratingToFsrs[rating];
}

export function toMemoryStateKind(state: State): MemoryStateKind {
  return stateFromFsrs[state];
}

export function toFsrsState(kind: MemoryStateKind): State {
  return stateToFsrs[kind];
}

/** Throws `InvalidDateError` unless `value` is a Date holding a real time. */
export function assertValidDate(value: Date, argument: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new InvalidDateError(argument);
}

/** Throws `InvalidMemoryStateError` naming every problem, or returns the state unchanged. */
export function assertValidMemoryState(state: MemoryState): void {
  if (typeof state !== "object" || state === null)
    throw new InvalidMemoryStateError([{ path: "", message: "expected a memory state object" }]);
  for (const [field, value] of [
    ["due", state.due],
    ["lastReview", state.lastReview],
  ] as const) {
    // Checked first: MemoryStateSchema coerces, so it would accept an ISO string where a Date belongs.
    if (value !== null && !(value instanceof Date)) {
      throw new InvalidMemoryStateError([{ path: field, message: `${field} must be a Date` }]);
    }
  }
  const result = MemoryStateSchema.safeParse(state);
  if (!result.success) {
    throw new InvalidMemoryStateError(
      result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    );
  }
}

/** Our state as a ts-fsrs `Card` (snake_case, enum state, `undefined` for no last review). New dates: ts-fsrs keeps references. */
export function toFsrsCard(state: MemoryState): Card {
  return {
    due: new Date(state.due.getTime()),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: toFsrsState(state.state),
    last_review: state.lastReview === null ? undefined : new Date(state.lastReview.getTime()),
  };
}

/** A ts-fsrs `Card` as our state, with fresh Date objects (ts-fsrs reuses the `now` it was given as `last_review`). */
export function fromFsrsCard(card: Card): MemoryState {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: toMemoryStateKind(card.state),
    lastReview: card.last_review === undefined ? null : new Date(card.last_review.getTime()),
  };
}

/** A copy that shares no Date objects with the original. */
export function copyMemoryState(state: MemoryState): MemoryState {
  return {
    ...state,
    due: new Date(state.due.getTime()),
    lastReview: state.lastReview === null ? null : new Date(state.lastReview.getTime()),
  };
}

/**
 * The state of a card the student has never studied: due at once, no memory yet.
 *
 * @example
 * const state = newMemoryState(new Date("2026-01-05T09:00:00Z"));
 * // { state: "new", due: 2026-01-05T09:00:00Z, stability: 0, difficulty: 0, reps: 0, lapses: 0, lastReview: null, ... }
 */
export function newMemoryState(now: Date): MemoryState {
  assertValidDate(now, "now");
  return fromFsrsCard(createEmptyCard(now));
}
