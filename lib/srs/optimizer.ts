// The FSRS optimizer (fsrs-rs, as a Node-API module). Its wrapper package,
// @open-spaced-repetition/binding 0.5.0, lists optional builds for eleven platforms of which only
// linux-x64-gnu is published at 0.5.0, so `npm ci` refuses a lock file that includes it (the other
// ten cannot be resolved). Clio depends on that one build, as an optional dependency, and loads it
// here; elsewhere fitting is unavailable and every student keeps the default parameters.
import { createRequire } from "node:module";

export interface OptimizerReview {
  readonly rating: number;
  readonly deltaT: number;
}
export type OptimizerItem = object;

export interface Optimizer {
  computeParameters(items: OptimizerItem[], options: { enableShortTerm: boolean; timeout: number }): Promise<number[]>;
  FSRSBinding: new (parameters?: number[]) => {
    evaluate(items: OptimizerItem[]): { logLoss: number; rmseBins: number };
  };
  FSRSBindingItem: new (reviews: OptimizerReview[]) => OptimizerItem;
  FSRSBindingReview: new (rating: number, deltaT: number) => OptimizerReview;
}

export const OPTIMIZER_PACKAGE = "@open-spaced-repetition/binding-linux-x64-gnu";

/** Thrown where the optimizer's build is not installed (any platform but Linux x64 with glibc). */
export class OptimizerUnavailableError extends Error {
  readonly name = "OptimizerUnavailableError";
  constructor(cause: unknown) {
    super(
      `The FSRS optimizer (${OPTIMIZER_PACKAGE}) is not installed: it is built for Linux x64 (glibc) only. ` +
        "Students keep the default parameters.",
      { cause },
    );
  }
}

let loaded: Optimizer | undefined;

/** The optimizer module, loaded once; OptimizerUnavailableError where it is not installed. */
export function loadOptimizer(): Optimizer {
  if (loaded) return loaded;
  try {
    // A Node-API module loads through require, never import.
    loaded = createRequire(import.meta.url)(OPTIMIZER_PACKAGE) as Optimizer;
  } catch (error) {
    throw new OptimizerUnavailableError(error);
  }
  return loaded;
}
