import {
  DEFAULT_PARAMETERS,
  evaluateParameters,
  MIN_TRAINING_ITEMS,
  type ModelEvaluation,
  type TrainingItem,
} from "@/lib/srs/fit";

// The adoption rule (issue 11): a student is scheduled with their own fitted parameters only when
// those predict the student's own later reviews better than both the class pool's and FSRS-6's
// defaults; else with the class's when it beats the defaults there; else (and whenever there are
// too few later reviews to judge by) with the defaults. Per-student fits of a few hundred reviews are unstable, and a
// student who matches the defaults can be predicted slightly worse by their own fit: the rule keeps
// both from costing the student anything. A student's own set is their fit shrunk toward their
// class's set (or the defaults), the more so the fewer reviews it was fitted on (`shrunkParameters`).

/** The latest share of a student's reviews the candidate sets are judged on. */
export const ADOPTION_VALIDATION_SHARE = 0.2;
/**
 * Fewer held-out reviews than this judge nothing: log loss over a few dozen reviews is noise, and a
 * set "better" on it was as often worse on the student's next 2,000 (bench/personalization).
 */
export const MIN_VALIDATION_REVIEWS = 100;

/**
 * How many training items a student's own fit needs to count as much as the set it is shrunk toward
 * (their class's, else the defaults'). Chosen once, not fitted: the issue measured per-student fits
 * catching up with the class pool at about 5,000 reviews, and two estimates of equal quality are
 * best averaged with equal weight.
 */
export const SHRINKAGE_ITEMS = 5_000;

/**
 * A student's own set: their fit shrunk toward `prior` (their class's set, or the defaults), weight
 * n / (n + SHRINKAGE_ITEMS) on the fit for n training items: the usual hierarchical-model move, so
 * a fit on a few thousand noisy reviews moves the student only part of the way from their class,
 * and a long history almost all of it. Weights are blended one by one; each lies between the two
 * sets' values, inside fsrs-rs's bounds when both sets are.
 *
 * @example
 * shrunkParameters(fitted, classSet, 5_000); // halfway between the fit and the class's set
 */
export function shrunkParameters(
  fitted: readonly number[],
  prior: readonly number[] | null,
  trainingItems: number,
): number[] {
  const toward = prior ?? DEFAULT_PARAMETERS;
  const weight = trainingItems / (trainingItems + SHRINKAGE_ITEMS);
  return fitted.map((w, i) => {
    const p = toward[i] ?? w;
    return p + weight * (w - p);
  });
}

export type ParameterScope = "student" | "class" | "default";

export interface ParameterChoice {
  scope: ParameterScope;
  /**
   * The set to schedule with: for "student", the fit on the earlier reviews shrunk toward the
   * class's set (`shrunkParameters`; refit on all and shrink again before storing, if wanted).
   */
  parameters: number[];
  /** Each candidate's figures on the student's held-out later reviews (null: too few to judge). */
  evaluations: Record<ParameterScope, ModelEvaluation | null>;
  /** How many of the student's items trained the own fit, and how many judged. */
  trainItems: number;
  validationItems: number;
}

/**
 * Picks the student's parameter set by the adoption rule, on a time-series split of their training
 * items (`ADOPTION_VALIDATION_SHARE` latest held out). `fit` is lib/srs/fit's `fitParameters`
 * (passed in so a caller can time or queue it).
 *
 * @example
 * const choice = await chooseParameterSet({ items, classParameters: pooled, fit: fitParameters });
 * choice.scope; // "class"
 */
export async function chooseParameterSet(input: {
  items: readonly TrainingItem[];
  classParameters: readonly number[] | null;
  fit: (items: readonly TrainingItem[]) => Promise<number[]>;
}): Promise<ParameterChoice> {
  const cut = Math.floor(input.items.length * (1 - ADOPTION_VALIDATION_SHARE));
  const train = input.items.slice(0, cut);
  const validation = input.items.slice(cut);
  const own =
    train.length >= MIN_TRAINING_ITEMS
      ? shrunkParameters(await input.fit(train), input.classParameters, train.length)
      : null;
  const evaluations: Record<ParameterScope, ModelEvaluation | null> = {
    default: evaluateParameters(DEFAULT_PARAMETERS, validation),
    class: input.classParameters ? evaluateParameters(input.classParameters, validation) : null,
    student: own ? evaluateParameters(own, validation) : null,
  };
  const base = { evaluations, trainItems: train.length, validationItems: validation.length };
  const judged =
    evaluations.default && evaluations.default.count >= MIN_VALIDATION_REVIEWS ? evaluations.default : null;
  if (own && evaluations.student && judged) {
    const beatsClass = evaluations.class === null || evaluations.student.logLoss < evaluations.class.logLoss;
    if (beatsClass && evaluations.student.logLoss < judged.logLoss) {
      return { scope: "student", parameters: own, ...base };
    }
  }
  if (judged && input.classParameters && evaluations.class && evaluations.class.logLoss < judged.logLoss) {
    return { scope: "class", parameters: [...input.classParameters], ...base };
  }
  return { scope: "default", parameters: [...DEFAULT_PARAMETERS], ...base };
}
