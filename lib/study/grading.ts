import type { RatingPolicy } from "@/lib/cards";
import type { Rating, SrsSettings } from "@/lib/srs";

// Pure: turns checked answers into FSRS ratings, by each card kind's rating policy (lib/cards), and
// gives each card the settings it is scheduled with. No database, no clock. docs/learning.md says why.

// Checking an answer is its card kind's (lib/cards). lib/demo and scripts/screenshots.ts still import
// this one from here.

// --- Ratings from answers --------------------------------------------------------------------

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
 * The FSRS rating for an auto-graded answer, by the rule of its card's kind (`ratingPolicyOf` in
 * lib/cards; docs/learning.md). Wrong, or "I don't know": "again". Right: "good", as the FSRS authors
 * advise for automatic grading. Never "easy": on a recognition card a right answer may be a guess,
 * and on any card one fast answer is too weak a sign to double the card's next intervals
 * (bench/learning-quality measured it). A right recall answer that took at least twice
 * (SLOW_ANSWER_RATIO) the student's typical time for this kind of card is "hard", still a pass;
 * without a typical time (too little history) or a believable answer time (under 200 ms,
 * negative, missing) it is "good". Times over 5 minutes count as 5 minutes.
 *
 * @example
 * ratingFromAnswer({ correct: true, answerMs: 2_000, typicalMs: 6_000, policy: RECALL });  // "good"
 * ratingFromAnswer({ correct: true, answerMs: 13_000, typicalMs: 6_000, policy: RECALL }); // "hard"
 * ratingFromAnswer({ correct: false, answerMs: null, typicalMs: null, policy: RECALL });    // "again"
 */
export function ratingFromAnswer({
  correct,
  answerMs,
  typicalMs,
  policy,
}: {
  correct: boolean;
  answerMs: number | null;
  typicalMs: number | null;
  policy: RatingPolicy;
}): Rating {
  if (!correct) return "again";
  if (policy.evidence === "recognition") return "good";
  const answer = countedAnswerMs(answerMs);
  const typical = countedAnswerMs(typicalMs);
  if (answer === null || typical === null) return "good";
  if (answer >= SLOW_ANSWER_RATIO * typical) return "hard";
  return "good";
}

/** The highest retention a recognition card is scheduled for (lib/srs accepts up to 0.99). */
export const MAX_RECOGNITION_RETENTION = 0.97;

/**
 * The settings a card is scheduled with: the deck's, except that a recognition card aims at a
 * higher retention, so that the student's true recall when it comes due still meets the deck's
 * target although some right answers were guesses. A card right by chance with probability g is
 * failed, on average, only (1 - g) as often as it is forgotten: it is scheduled as if the deck
 * allowed that fraction of forgetting, 1 - (1 - target) * (1 - g), capped at 0.97 (true/false
 * at target 0.9: 0.95; four options: 0.925). bench/learning-quality measures the result.
 *
 * @example
 * schedulingSettingsFor(deckSettings, { evidence: "recognition", guessChance: 0.5 }).desiredRetention; // 0.95
 */
export function schedulingSettingsFor(settings: SrsSettings, policy: RatingPolicy): SrsSettings {
  if (policy.evidence === "recall" || policy.guessChance <= 0) return settings;
  const target = 1 - (1 - settings.desiredRetention) * (1 - policy.guessChance);
  const desiredRetention =
    Math.round(Math.min(MAX_RECOGNITION_RETENTION, Math.max(settings.desiredRetention, target)) * 1000) / 1000;
  return { ...settings, desiredRetention };
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
