import { db } from "@/lib/db";
import type { ModelEvaluation } from "@/lib/srs/fit";
import type { ParameterScope } from "./adoption";
import { FIT_EVERY_REVIEWS } from "./worker";

// What the progress page tells a student about their memory model (issue 11, point 6): whose
// parameters schedule them, and how well those predicted their own latest reviews. The student's
// own rows only.

export interface StudentModel {
  scope: ParameterScope;
  /** When the adoption rule last decided (null: never; the defaults by default). */
  decidedAt: Date | null;
  /** The set scheduling the student (null: FSRS-6's defaults). */
  set: { trainingSize: number; fittedAt: Date; className: string | null } | null;
  /** Each candidate on the student's held-out latest reviews, when the rule last decided. */
  evaluations: Partial<Record<ParameterScope, ModelEvaluation | null>>;
  /** The student's reviews so far, and how many a fit is queued after. */
  reviews: number;
  fitEvery: number;
}

/**
 * The signed-in student's memory model: scope, the set, and the held-out figures the adoption rule
 * judged it by (lib/models/adoption.ts).
 *
 * @example
 * const model = await studentModel(user.id); // { scope: "class", evaluations: { class: { logLoss: 0.31, ... } }, ... }
 */
export async function studentModel(userId: string): Promise<StudentModel> {
  const [pick, reviews] = await Promise.all([
    db.parameterPick.findUnique({
      where: { userId },
      select: {
        scope: true,
        decidedAt: true,
        evaluations: true,
        parameterSet: { select: { trainingSize: true, fittedAt: true, class: { select: { name: true } } } },
      },
    }),
    db.reviewLog.count({ where: { userId } }),
  ]);
  const set = pick?.parameterSet ?? null;
  return {
    scope: pick && set ? pick.scope : "default",
    decidedAt: pick?.decidedAt ?? null,
    set: set && { trainingSize: set.trainingSize, fittedAt: set.fittedAt, className: set.class?.name ?? null },
    evaluations: (pick?.evaluations ?? {}) as StudentModel["evaluations"],
    reviews,
    fitEvery: FIT_EVERY_REVIEWS,
  };
}
