import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  DEFAULT_PARAMETERS,
  evaluateParameters,
  fitParameters,
  trainingItemsOf,
  type FitReview,
  type ModelEvaluation,
  type TrainingItem,
} from "@/lib/srs/fit";
import { studyDayOf } from "@/lib/study/settings";
import { ADOPTION_VALIDATION_SHARE, chooseParameterSet, shrunkParameters, type ParameterScope } from "./adoption";

// Fits run here, called by the worker (lib/models/worker.ts), never on a request path. Each one reads
// the logs, fits (seconds of CPU on the optimizer's own thread), and only then writes, in one
// transaction: a fit that dies half-way leaves every set and pick as it was.

export interface StudentFitOutcome {
  scope: ParameterScope;
  /** The student's own new set (written whether or not it was adopted), null when too few reviews to fit. */
  fittedSetId: string | null;
  /** The set now picked for the student (null: the defaults). */
  pickedSetId: string | null;
  trainingSize: number;
  evaluations: Record<ParameterScope, ModelEvaluation | null>;
}

/**
 * Fits a student's parameters on all their reviews and picks their set by the adoption rule
 * (lib/models/adoption.ts) against their class's latest pooled set and FSRS-6's defaults.
 *
 * @example
 * const outcome = await fitStudent(userId, new Date()); // outcome.scope: "student", "class" or "default"
 */
export async function fitStudent(userId: string, now: Date): Promise<StudentFitOutcome> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { timezone: true, dayStartHour: true, memberships: { select: { classId: true } } },
  });
  const items = trainingItemsOf(await reviewsOf([userId]), studyDayOf(user));
  const classSet = await db.parameterSet.findFirst({
    where: { scope: "class", classId: { in: user.memberships.map((m) => m.classId) } },
    orderBy: { fittedAt: "desc" },
    select: { id: true, parameters: true },
  });
  const choice = await chooseParameterSet({
    items,
    classParameters: classSet?.parameters ?? null,
    fit: (train) => fitParameters(train),
  });
  // The set to store is fitted on everything (and shrunk by its size); the rule judged the fit on the earlier reviews.
  const own =
    choice.trainItems > 0 && choice.evaluations.student
      ? shrunkParameters(await fitParameters(items), classSet?.parameters ?? null, items.length)
      : null;
  const pickedSetId = await db.$transaction(async (tx) => {
    let fittedSetId: string | null = null;
    if (own) {
      const version = (await tx.parameterSet.count({ where: { userId } })) + 1;
      const row = await tx.parameterSet.create({
        data: {
          scope: "student",
          userId,
          parameters: own,
          trainingSize: items.length,
          ...figures(choice.evaluations.default, choice.evaluations.student),
          version,
          fittedAt: now,
        },
        select: { id: true },
      });
      fittedSetId = row.id;
    }
    const setId = choice.scope === "student" ? fittedSetId : choice.scope === "class" ? (classSet?.id ?? null) : null;
    const data = {
      parameterSetId: setId,
      scope: choice.scope,
      evaluations: choice.evaluations as unknown as Prisma.InputJsonValue,
      decidedAt: now,
    };
    await tx.parameterPick.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    return { fittedSetId, setId };
  });
  return {
    scope: choice.scope,
    fittedSetId: pickedSetId.fittedSetId,
    pickedSetId: pickedSetId.setId,
    trainingSize: items.length,
    evaluations: choice.evaluations,
  };
}

export interface ClassFitOutcome {
  setId: string | null;
  trainingSize: number;
  before: ModelEvaluation | null;
  after: ModelEvaluation | null;
}

/**
 * Fits one parameter set to the pooled reviews of a class's students (each on their own days),
 * judged on the latest share of the pool (a time-series split). Writes nothing when the pool is too
 * small to fit (the result would be the defaults).
 */
export async function fitClass(classId: string, now: Date): Promise<ClassFitOutcome> {
  const members = await db.membership.findMany({
    where: { classId },
    select: { user: { select: { id: true, timezone: true, dayStartHour: true } } },
  });
  const items: TrainingItem[] = [];
  for (const { user } of members) items.push(...trainingItemsOf(await reviewsOf([user.id]), studyDayOf(user)));
  items.sort((a, b) => a.at.getTime() - b.at.getTime());
  const cut = Math.floor(items.length * (1 - ADOPTION_VALIDATION_SHARE));
  const judged = await fitParameters(items.slice(0, cut));
  const validation = items.slice(cut);
  const before = evaluateParameters(DEFAULT_PARAMETERS, validation);
  const after = evaluateParameters(judged, validation);
  const pooled = await fitParameters(items);
  if (pooled.every((w, i) => w === DEFAULT_PARAMETERS[i]))
    return { setId: null, trainingSize: items.length, before, after };
  const row = await db.$transaction(async (tx) => {
    const version = (await tx.parameterSet.count({ where: { classId } })) + 1;
    return tx.parameterSet.create({
      data: {
        scope: "class",
        classId,
        parameters: pooled,
        trainingSize: items.length,
        ...figures(before, after),
        version,
        fittedAt: now,
      },
      select: { id: true },
    });
  });
  return { setId: row.id, trainingSize: items.length, before, after };
}

function figures(before: ModelEvaluation | null, after: ModelEvaluation | null) {
  return {
    logLossBefore: before?.logLoss ?? null,
    logLossAfter: after?.logLoss ?? null,
    rmseBefore: before?.rmseBins ?? null,
    rmseAfter: after?.rmseBins ?? null,
  };
}

async function reviewsOf(userIds: string[]): Promise<FitReview[]> {
  return db.reviewLog.findMany({
    where: { userId: { in: userIds } },
    orderBy: { reviewedAt: "asc" },
    select: { cardId: true, reviewedAt: true, rating: true, correct: true },
  });
}
