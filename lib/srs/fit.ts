// Fitting a student's (or a class's) FSRS-6 parameters from their review logs, and measuring how well
// a parameter set predicts reviews it has not seen. The optimizer is fsrs-rs through
// a native module (./optimizer.ts): this file is not re-exported from lib/srs/index.ts, so only
// server code that fits or evaluates loads it (next.config.js keeps it out of the bundle).
import { loadOptimizer, type OptimizerItem } from "./optimizer";
import { default_w } from "ts-fsrs";
import { studyDayNumber, type StudyDayRule } from "./local-day";
import type { Rating } from "./memory-state";

/** FSRS-6's default weights (what a student without a fitted set is scheduled with). */
export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

/** One review as the fit reads it: a `ReviewLog` row's card, time, rating and checked correctness. */
export interface FitReview {
  cardId: string;
  reviewedAt: Date;
  rating: Rating;
  /** Was the answer checked and right (`ReviewLog.correct`); null for self-graded cards. */
  correct: boolean | null;
}

/** One FSRS training item: a card's reviews up to and including the one it predicts. */
export interface TrainingItem {
  /** Ratings 1–4 and the student's days since the previous review (0 for the first). */
  reviews: { rating: 1 | 2 | 3 | 4; deltaT: number }[];
  /** When the predicted (last) review happened: the split between training and held-out is by this. */
  at: Date;
}

export interface ModelEvaluation {
  /** Mean binary cross-entropy of the predicted recall against each held-out review's outcome. */
  logLoss: number;
  /** fsrs-rs's RMSE over bins of similar reviews (the srs-benchmark's "RMSE (bins)"). */
  rmseBins: number;
  /** Held-out reviews judged (those on a later day than the card's previous review). */
  count: number;
}

const RATING_NUMBER: Record<Rating, 1 | 2 | 3 | 4> = { again: 1, hard: 2, good: 3, easy: 4 };

/**
 * The rating the fit learns from: where the server checked the answer, its verdict decides recall
 * (wrong is Again whatever was pressed; right is at least Good... unless the student pressed Hard,
 * which is still a pass); a self-graded card keeps the student's rating.
 *
 * @example
 * fitRating({ rating: "good", correct: false }); // 1
 * fitRating({ rating: "again", correct: true }); // 3
 */
export function fitRating(review: Pick<FitReview, "rating" | "correct">): 1 | 2 | 3 | 4 {
  if (review.correct === false) return 1;
  if (review.correct === true && review.rating === "again") return 3;
  return RATING_NUMBER[review.rating];
}

/**
 * Review logs as FSRS training items: per card, in time order, one item per review after the first
 * (each carrying the card's earlier reviews), with elapsed days counted between the student's own
 * days (`day`: time zone and day start, docs/decisions/007-local-days.md), as scheduling counts them.
 * Items come back ordered by the time of the review they predict.
 *
 * @example
 * trainingItemsOf(logs, { timeZone: "Europe/Berlin", dayStartHour: 4 });
 */
export function trainingItemsOf(reviews: readonly FitReview[], day: StudyDayRule): TrainingItem[] {
  const byCard = new Map<string, FitReview[]>();
  for (const review of reviews) {
    const list = byCard.get(review.cardId);
    if (list) list.push(review);
    else byCard.set(review.cardId, [review]);
  }
  const items: TrainingItem[] = [];
  for (const list of byCard.values()) {
    list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
    const history: TrainingItem["reviews"] = [];
    let previousDay = 0;
    list.forEach((review, i) => {
      // The same count as every forecast the app shows (`studyDaysBetween`), so the model is judged on what it learnt.
      const dayNumber = studyDayNumber(review.reviewedAt, day);
      history.push({ rating: fitRating(review), deltaT: i === 0 ? 0 : dayNumber - previousDay });
      previousDay = dayNumber;
      if (i > 0) items.push({ reviews: history.slice(), at: review.reviewedAt });
    });
  }
  return items.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * A time-series split: items predicting reviews before `at` train, the rest are held out, so a
 * model is always judged on reviews later than everything it learnt from.
 */
export function splitByTime(items: readonly TrainingItem[], at: Date): { train: TrainingItem[]; test: TrainingItem[] } {
  const cut = at.getTime();
  return { train: items.filter((i) => i.at.getTime() < cut), test: items.filter((i) => i.at.getTime() >= cut) };
}

/** Below this many training items fsrs-rs silently returns the defaults (or refits only the first stabilities). */
export const MIN_TRAINING_ITEMS = 64;

export interface FitOptions {
  /** How often (ms) the binding polls its worker thread for the result; its default is slow to notice the end. */
  pollMs?: number;
}

/**
 * FSRS-6 parameters fitted to `items` (fsrs-rs `compute_parameters`, short-term memory on, as Clio
 * schedules). Runs on the binding's own thread; the promise resolves when it is done. With fewer
 * than `MIN_TRAINING_ITEMS` items the result is FSRS-6's defaults.
 *
 * @example
 * const parameters = await fitParameters(trainingItemsOf(logs, day));
 */
export async function fitParameters(items: readonly TrainingItem[], options: FitOptions = {}): Promise<number[]> {
  const usable = items.filter(hasLongTermReview);
  if (usable.length < MIN_TRAINING_ITEMS) return [...DEFAULT_PARAMETERS];
  const fitted = await loadOptimizer().computeParameters(usable.map(toBindingItem), {
    enableShortTerm: true,
    timeout: options.pollMs ?? 5,
  });
  return fitted.map(Number);
}

/**
 * How well `parameters` predict `items` (log loss and RMSE over bins) on the items that predict a
 * review on a later day than the card's previous one, or null when there are too few for fsrs-rs to say.
 *
 * @example
 * evaluateParameters(DEFAULT_PARAMETERS, heldOut); // { logLoss: 0.36, rmseBins: 0.05 }
 */
export function evaluateParameters(
  parameters: readonly number[],
  items: readonly TrainingItem[],
): ModelEvaluation | null {
  const usable = items.filter(predictsLaterDay);
  if (usable.length === 0) return null;
  try {
    const { FSRSBinding } = loadOptimizer();
    const { logLoss, rmseBins } = new FSRSBinding([...parameters]).evaluate(usable.map(toBindingItem));
    return Number.isFinite(logLoss) && Number.isFinite(rmseBins) ? { logLoss, rmseBins, count: usable.length } : null;
  } catch {
    // fsrs-rs answers NotEnoughData when no item has a long-term review to predict.
    return null;
  }
}

/**
 * fsrs-rs panics on an item whose reviews all fall on one day ("at least one review with delta_t > 0
 * is required"), and a panic on the binding's thread aborts the whole process (the server, since
 * fits run in it): such items (a new card's learning steps) never reach it. They carry nothing the
 * fit could learn from anyway; Anki filters them out the same way.
 */
function hasLongTermReview(item: TrainingItem): boolean {
  return item.reviews.some((r) => r.deltaT > 0);
}

/**
 * Held-out figures are over reviews on a later day than the card's previous one, as in the
 * srs-benchmark: FSRS does not predict a review within the same day (a learning step), and fsrs-rs
 * refuses to evaluate one (InvalidInput).
 */
function predictsLaterDay(item: TrainingItem): boolean {
  return (item.reviews.at(-1)?.deltaT ?? 0) > 0;
}

function toBindingItem(item: TrainingItem): OptimizerItem {
  const { FSRSBindingItem, FSRSBindingReview } = loadOptimizer();
  return new FSRSBindingItem(item.reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT)));
}
