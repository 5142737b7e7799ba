import {
  computeDecayFactor,
  fsrs,
  Rating as FsrsRating,
  type AbstractScheduler,
  StrategyMode,
  type Card,
  type FSRS,
  type ReviewLog as FsrsReviewLog,
} from "ts-fsrs";
import { InvalidSettingsError, ReviewTimeError, UndoMismatchError } from "./errors";
import { formatInterval } from "./format-interval";
import { studyDayNumber, toStudyClock, UTC_DAYS, type StudyDayRule } from "./local-day";
import {
  assertValidDate,
  assertValidMemoryState,
  copyMemoryState,
  fromFsrsCard,
  toFsrsCard,
  toFsrsGrade,
  toFsrsState,
  type MemoryState,
  type MemoryStateKind,
  type Rating,
} from "./memory-state";
import { createScheduler, parseSrsSettings, type SrsSettings } from "./settings";

/**
 * What one review did, shaped for the `ReviewLog` table. Unlike ts-fsrs's own log, whose stability,
 * difficulty, due and scheduled_days are the values *before* the review, `due`, `stability`,
 * `difficulty` and `scheduledDays` here are the values the review *produced*.
 */
export interface ReviewRecord {
  rating: Rating;
  stateBefore: MemoryStateKind;
  stateAfter: MemoryStateKind;
  /** The student's days (see `ScheduleContext.day`) since the previous review, 0 for a first review. */
  elapsedDays: number;
  /** Interval this review scheduled in whole days (0 for a learning step). */
  scheduledDays: number;
  /** Due date after this review (`ReviewLog.dueAfter`). */
  due: Date;
  /** Stability after this review (`ReviewLog.stabilityAfter`). */
  stability: number;
  /** Difficulty after this review (`ReviewLog.difficultyAfter`). */
  difficulty: number;
  reviewedAt: Date;
  /** The whole state before this review (`ReviewLog.previous`); `undoReview` needs it. */
  previous: MemoryState;
}

export interface GradeResult {
  /** The card's new memory state. */
  state: MemoryState;
  review: ReviewRecord;
  /** This review was a lapse that took the card to the leech threshold (or beyond): suspend it. */
  leech: boolean;
}

/**
 * Who is studying what, beyond the card's memory state: the card (it seeds fuzz) and the student's
 * days. Both optional so pure callers can leave them out; the app always passes both.
 */
export interface ScheduleContext {
  /**
   * Seeds fuzz, with the card's reps: the same card at the same rep always gets the same fuzz,
   * whenever it is answered, so a button's label (`previewIntervals`) is what grading then gives.
   * Default "" (fuzz then depends on reps alone).
   */
  cardId?: string;
  /** When the student's days start; default UTC midnight (ts-fsrs's own days). */
  day?: StudyDayRule;
}

export interface IntervalPreview {
  /** When the card would be due after this rating. */
  due: Date;
  /** `due - now` for a button, e.g. "10m", "4d", "3mo", "1.2y". */
  label: string;
}

/**
 * Schedules a card after the student rated their recall: ts-fsrs `next`, mapped to our shapes.
 * One deliberate difference from ts-fsrs: no interval exceeds `maximumInterval` (see `capInterval`).
 * Pure: the inputs are not touched and the result shares no objects with them. With fuzz off the
 * result depends only on the arguments; with fuzz on it still does (ts-fsrs seeds its fuzz from the
 * review time, reps, difficulty and stability), so a retried request schedules the same due date.
 *
 * Throws `InvalidRatingError`, `InvalidSettingsError`, `InvalidMemoryStateError`, `InvalidDateError`,
 * or `ReviewTimeError` when `now` is before the card's last review.
 *
 * @example
 * const now = new Date("2026-01-05T09:00:00Z");
 * const { state, review, leech } = gradeCard(newMemoryState(now), "good", now, DEFAULT_SRS_SETTINGS);
 * // state.state === "learning", state.due = 09:10 (second learning step), review.stateBefore === "new"
 */
export function gradeCard(
  state: MemoryState,
  rating: Rating,
  now: Date,
  settings: SrsSettings,
  context: ScheduleContext = {},
): GradeResult {
  const grade = toFsrsGrade(rating);
  const valid = parseSrsSettings(settings);
  assertReviewable(state, now);
  const clock = studyClock(now, context);

  const { card } = seededScheduler(valid, context).next(clock.toFsrs(state), clock.now, grade);
  const after = clock.fromFsrs(capInterval(card, clock.now, valid.maximumInterval));
  // ts-fsrs counts a lapse only for "again" on a graduated (review) card, not during (re)learning.
  const lapsed = after.lapses > state.lapses;

  return {
    state: after,
    review: {
      rating,
      stateBefore: state.state,
      stateAfter: after.state,
      elapsedDays: after.elapsedDays,
      scheduledDays: after.scheduledDays,
      due: new Date(after.due.getTime()),
      stability: after.stability,
      difficulty: after.difficulty,
      reviewedAt: new Date(now.getTime()),
      previous: copyMemoryState(state),
    },
    leech: lapsed && isLeechLapse(after.lapses, valid.leechThreshold),
  };
}

/**
 * Anki's leech rule: a card is a leech at `threshold` lapses, and again every half threshold after
 * (8, 12, 16, ... for 8), so a card the student brought back is not suspended on its very next lapse.
 */
function isLeechLapse(lapses: number, threshold: number): boolean {
  if (threshold <= 0 || lapses < threshold) return false;
  return (lapses - threshold) % Math.max(1, Math.floor(threshold / 2)) === 0;
}

/**
 * Where each rating would send the card, for labelling the answer buttons ("Good · 4d").
 * Uses the same ts-fsrs call and seed as `gradeCard`, so with the same `now` the preview is exactly
 * what grading will do, fuzz included.
 *
 * @example
 * const preview = previewIntervals(newMemoryState(now), now, settings);
 * preview.again.label; // "1m"
 * preview.good.label;  // "10m"
 * preview.easy.label;  // "7d" (FSRS-6 default parameters)
 */
export function previewIntervals(
  state: MemoryState,
  now: Date,
  settings: SrsSettings,
  context: ScheduleContext = {},
): Record<Rating, IntervalPreview> {
  const valid = parseSrsSettings(settings);
  assertReviewable(state, now);
  const clock = studyClock(now, context);

  const preview = seededScheduler(valid, context).repeat(clock.toFsrs(state), clock.now);
  const describe = (grade: FsrsRating.Again | FsrsRating.Hard | FsrsRating.Good | FsrsRating.Easy): IntervalPreview => {
    const due = clock.fromFsrs(capInterval(preview[grade].card, clock.now, valid.maximumInterval)).due;
    return { due, label: formatInterval(due.getTime() - now.getTime()) };
  };
  return {
    again: describe(FsrsRating.Again),
    hard: describe(FsrsRating.Hard),
    good: describe(FsrsRating.Good),
    easy: describe(FsrsRating.Easy),
  };
}

/**
 * Probability, 0–1, that the student recalls the card at `at`, as their memory model predicts it:
 * FSRS-6's forgetting curve (ts-fsrs's, with the settings' parameters) at the student's days since
 * the last review (`studyDaysBetween`: the count the fit trains on and scheduling uses), so the value
 * steps at the start of each of the student's days. 0 for a card never studied; a time on or before
 * the day of the last review gives 1. This is what a teacher or a student is shown as predicted recall.
 *
 * @example
 * forecastRecall(state, new Date("2026-02-01T15:00:00Z"), settings, { timeZone: "Europe/Berlin", dayStartHour: 4 }); // e.g. 0.87
 */
export function forecastRecall(state: MemoryState, at: Date, settings: SrsSettings, day: StudyDayRule): number {
  return forecastRecallAt(at, settings, day)(state);
}

/**
 * `forecastRecall` for many states of one student at one instant: the settings are validated, the
 * scheduler built and the day of `at` found once, which is most of the cost of a single call.
 *
 * @example
 * const recallAt = forecastRecallAt(dueDate, settings, day);
 * const mean = states.reduce((sum, s) => sum + recallAt(s), 0) / states.length;
 */
export function forecastRecallAt(at: Date, settings: SrsSettings, day: StudyDayRule): (state: MemoryState) => number {
  const scheduler = createScheduler(parseSrsSettings(settings));
  assertValidDate(at, "at");
  assertValidDayRule(day);
  const atDay = studyDayNumber(at, day);
  return (state) => {
    assertValidMemoryState(state);
    if (state.state === "new" || state.lastReview === null) return 0;
    // `studyDaysBetween(state.lastReview, at, day)`, with the day of `at` found once.
    const days = Math.max(atDay - studyDayNumber(state.lastReview, day), 0);
    // ts-fsrs's get_retrievability with its day count replaced: the stability rounded as it rounds it.
    return scheduler.forgetting_curve(days, +state.stability.toFixed(8));
  };
}

/**
 * ts-fsrs's `get_retrievability`: the forgetting curve at whole 24-hour periods since the last
 * review (rounded down), not the student's days. The study queue uses it to put the cards due today
 * in order (lib/study/queue-sql.ts computes the same in SQL), and the demo's simulated students draw
 * their recall from it; a forecast a person reads is `forecastRecall`, which counts days as the
 * model was fitted.
 *
 * @example
 * retrievability(state, new Date("2026-02-01T00:00:00Z"), settings); // e.g. 0.87
 */
export function retrievability(state: MemoryState, at: Date, settings: SrsSettings): number {
  return retrievabilityAt(at, settings)(state);
}

/**
 * `retrievability` for many states at one instant (the queue orders a deck's due cards with it).
 *
 * @example
 * const recallNow = retrievabilityAt(now, settings);
 */
export function retrievabilityAt(at: Date, settings: SrsSettings): (state: MemoryState) => number {
  const scheduler = createScheduler(parseSrsSettings(settings));
  assertValidDate(at, "at");
  return (state) => {
    assertValidMemoryState(state);
    if (state.state === "new") return 0;
    return scheduler.get_retrievability(toFsrsCard(state), at, false);
  };
}

/**
 * The two constants of FSRS-6's forgetting curve for `settings` (from ts-fsrs's own prepared
 * parameters, so a fitted set is clipped exactly as the scheduler clips it), for code that computes
 * `forecastRecall` where ts-fsrs cannot run, such as a database aggregating a class's card states
 * (lib/classes/dashboard.ts). For a card not new,
 * `R = round8((1 + factor × t / round8(S)) ^ decay)` with `t` the student's days since the last
 * review (`studyDaysBetween`, at least 0) and round8 rounding half up to 8 decimals.
 *
 * @example
 * const { decay, factor } = forgettingCurveOf(settings); // defaults: decay −0.1542, factor ≈ 0.9798
 */
export function forgettingCurveOf(settings: SrsSettings): { decay: number; factor: number } {
  const { decay, factor } = computeDecayFactor(createScheduler(parseSrsSettings(settings)).parameters.w);
  return { decay, factor };
}

/**
 * The card's state before `review`, from ts-fsrs `rollback`. `stateAfter` must be the state that
 * review produced (the card's current state): otherwise `UndoMismatchError`.
 *
 * Exact for every field but one: `due`. ts-fsrs rollback sets `due` to the time of the undone review
 * for a card that was not new (so the card is due again at once, as after Anki's undo); the
 * original due date is only in `review.previous.due`. For a card that was new, `due` is exact too.
 * To restore the card byte for byte, write `review.previous` instead.
 *
 * @example
 * const { state: after, review } = gradeCard(before, "again", now, settings);
 * undoReview(after, review); // equals `before`, except due === now when before.state !== "new"
 */
export function undoReview(stateAfter: MemoryState, review: ReviewRecord): MemoryState {
  const grade = toFsrsGrade(review.rating);
  assertValidMemoryState(stateAfter);
  assertValidMemoryState(review.previous);
  assertValidDate(review.reviewedAt, "review.reviewedAt");
  const previous = review.previous;

  if (stateAfter.lastReview === null || stateAfter.lastReview.getTime() !== review.reviewedAt.getTime()) {
    throw new UndoMismatchError(
      `the card was last reviewed at ${stateAfter.lastReview?.toISOString() ?? "never"}, not at ${review.reviewedAt.toISOString()}`,
    );
  }
  if (stateAfter.state !== review.stateAfter || previous.state !== review.stateBefore) {
    throw new UndoMismatchError(
      `the review went from ${review.stateBefore} to ${review.stateAfter}, but the states given are ${previous.state} and ${stateAfter.state}`,
    );
  }
  if (stateAfter.reps !== previous.reps + 1) {
    throw new UndoMismatchError(`the card has ${stateAfter.reps} reviews, expected ${previous.reps + 1}`);
  }

  // The log ts-fsrs would have written for this review (see AbstractScheduler.buildLog): the
  // memory state before it, and `due` holding the previous review time (or the due date of a new card).
  const log: FsrsReviewLog = {
    rating: grade,
    state: toFsrsState(previous.state),
    due: new Date((previous.lastReview ?? previous.due).getTime()),
    stability: previous.stability,
    difficulty: previous.difficulty,
    elapsed_days: review.elapsedDays,
    last_elapsed_days: previous.elapsedDays,
    scheduled_days: previous.scheduledDays,
    learning_steps: previous.learningSteps,
    review: new Date(review.reviewedAt.getTime()),
  };
  // rollback does not depend on the scheduler's parameters.
  return fromFsrsCard(fsrs().rollback(toFsrsCard(stateAfter), log));
}

// ts-fsrs caps each interval at maximum_interval and only then forces hard < good < easy
// (good = max(good, hard + 1), easy = max(easy, good + 1)), so near the cap Good and Easy land one
// or two days beyond it. The cap is a promise to the student; at the cap the buttons may share a date.
function capInterval(card: Card, now: Date, maximumInterval: number): Card {
  if (card.scheduled_days <= maximumInterval) return card;
  return { ...card, scheduled_days: maximumInterval, due: new Date(now.getTime() + maximumInterval * 86_400_000) };
}

// ts-fsrs's default seed is the review time (with reps, difficulty and stability), so the same
// rating a few seconds later got other fuzz and the button label lied (issue 10: 94% of labels off).
function seededScheduler(settings: SrsSettings, context: ScheduleContext): FSRS {
  const cardId = context.cardId ?? "";
  // `current` is protected in ts-fsrs's types; its own GenSeedStrategyWithCardId reads it the same way.
  return createScheduler(settings).useStrategy(StrategyMode.SEED, function (this: AbstractScheduler) {
    return `${cardId}:${(Reflect.get(this, "current") as Card).reps}`;
  });
}

/**
 * ts-fsrs decides "same day or a later day" by UTC calendar dates. It is given every time on the
 * student's study clock (`toStudyClock`), so its days are the student's; the times it returns are
 * turned back into real instants by keeping their distance from `now`.
 */
function studyClock(now: Date, context: ScheduleContext) {
  const rule = context.day ?? UTC_DAYS;
  assertValidDayRule(rule);
  const shiftedNow = toStudyClock(now, rule);
  const shift = (instant: Date) => toStudyClock(instant, rule);
  return {
    now: shiftedNow,
    toFsrs(state: MemoryState): Card {
      return toFsrsCard({ ...state, due: shift(state.due), lastReview: state.lastReview && shift(state.lastReview) });
    },
    fromFsrs(card: Card): MemoryState {
      const back = (instant: Date) => new Date(now.getTime() + (instant.getTime() - shiftedNow.getTime()));
      const state = fromFsrsCard(card);
      // ts-fsrs sets last_review to the review time it was given: the shifted now.
      return { ...state, due: back(state.due), lastReview: state.lastReview && back(state.lastReview) };
    },
  };
}

function assertValidDayRule(rule: StudyDayRule): void {
  if (!Number.isInteger(rule.dayStartHour) || rule.dayStartHour < 0 || rule.dayStartHour > 23) {
    throw new InvalidSettingsError([{ path: "dayStartHour", message: "The day start must be a whole hour, 0 to 23." }]);
  }
}

function assertReviewable(state: MemoryState, now: Date): void {
  assertValidDate(now, "now");
  assertValidMemoryState(state);
  if (state.lastReview !== null && now.getTime() < state.lastReview.getTime()) {
    throw new ReviewTimeError(new Date(now.getTime()), new Date(state.lastReview.getTime()));
  }
}
