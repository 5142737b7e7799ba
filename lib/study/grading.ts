import type { Rating } from "@/lib/srs";

// Pure: turns checked answers into FSRS ratings. No database, no clock.

// Checking an answer is its card kind's (lib/cards). lib/demo and scripts/screenshots.ts still import
// this one from here.

// --- Ratings from answers --------------------------------------------------------------------

/** At most this fraction of the student's typical time: "easy". */
export const FAST_ANSWER_RATIO = 0.5;
/** At least this multiple of the student's typical time: "hard". */
export const SLOW_ANSWER_RATIO = 2;
/** Faster than this, the time is not a person reading and answering (a double submit, a clock bug): ignored. */
export const MIN_PLAUSIBLE_ANSWER_MS = 200;
/** Longer times count as this: the student likely looked away, and one such time must not skew a median. */
export const MAX_COUNTED_ANSWER_MS = 5 * 60_000;
/** `typicalAnswerMs` looks at this many recent correct answers... */
export const TYPICAL_ANSWER_WINDOW = 20;
/** ...and needs at least this many to say anything. */
export const MIN_TYPICAL_ANSWER_SAMPLES = 3;

/** The time counted for an answer, or null when it cannot be a real answer time. */
function countedAnswerMs(ms: number | null | undefined): number | null {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < MIN_PLAUSIBLE_ANSWER_MS) return null;
  return Math.min(ms, MAX_COUNTED_ANSWER_MS);
}

/**
 * The FSRS rating for an auto-graded answer. Wrong: "again". Right: "good", or "easy" when the
 * answer took at most half (FAST_ANSWER_RATIO) of the student's typical time for this kind of card,
 * or "hard" when it took at least twice (SLOW_ANSWER_RATIO) as long. Without a typical time (too
 * little history) or without a believable answer time (under 200 ms, negative, missing) a right
 * answer is "good". Times over 5 minutes count as 5 minutes.
 *
 * @example
 * ratingFromAnswer({ correct: true, answerMs: 2_000, typicalMs: 6_000 }); // "easy"
 * ratingFromAnswer({ correct: true, answerMs: 9_000, typicalMs: null });  // "good"
 */
export function ratingFromAnswer({
  correct,
  answerMs,
  typicalMs,
}: {
  correct: boolean;
  answerMs: number | null;
  typicalMs: number | null;
}): Rating {
  if (!correct) return "again";
  const answer = countedAnswerMs(answerMs);
  const typical = countedAnswerMs(typicalMs);
  if (answer === null || typical === null) return "good";
  if (answer <= FAST_ANSWER_RATIO * typical) return "easy";
  if (answer >= SLOW_ANSWER_RATIO * typical) return "hard";
  return "good";
}

/**
 * A student's typical time to answer a kind of card correctly: the median of their most recent 20
 * believable correct-answer times (see `ratingFromAnswer` for what counts), or null with fewer
 * than 3. Pass the times newest first, as from `orderBy: { reviewedAt: "desc" }`.
 *
 * @example
 * typicalAnswerMs([4_000, 6_000, 5_000, 30_000]); // 5_500
 * typicalAnswerMs([4_000, 6_000]);                // null
 */
export function typicalAnswerMs(recentCorrectTimes: number[]): number | null {
  const counted = recentCorrectTimes
    .map(countedAnswerMs)
    .filter((ms): ms is number => ms !== null)
    .slice(0, TYPICAL_ANSWER_WINDOW)
    .sort((a, b) => a - b);
  if (counted.length < MIN_TYPICAL_ANSWER_SAMPLES) return null;
  const middle = Math.floor(counted.length / 2);
  const median = counted.length % 2 === 1 ? counted[middle] : ((counted[middle - 1] ?? 0) + (counted[middle] ?? 0)) / 2;
  return median === undefined ? null : Math.round(median);
}
