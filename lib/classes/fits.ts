import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { requestClassFit } from "@/lib/models/worker";
import { requireOwnedClass, type ClassUser } from "./access";
import { ClassRefSchema } from "./schemas";

// The teacher's side of fitting (issue 11, point 3): asking for a refit of the class's memory model
// and seeing where it stands. The fits themselves run in the background (lib/models/worker.ts).

export type ClassFitState = "queued" | "running" | "done" | "failed";

export interface ClassFitStatus {
  /** The latest fit of the class's pool, queued by a teacher or by reviews; null: never. */
  latest: { state: ClassFitState; queuedAt: Date; finishedAt: Date | null } | null;
  /** The class's newest pooled parameter set; null: none fitted yet (too few reviews, or never run). */
  set: {
    fittedAt: Date;
    trainingSize: number;
    logLossBefore: number | null;
    logLossAfter: number | null;
    rmseBefore: number | null;
    rmseAfter: number | null;
  } | null;
}

/**
 * Where the class's fits stand, for its owner (ForbiddenError for a student of it, NotFoundError for
 * anyone else).
 */
export async function classFitStatus(user: ClassUser, classId: string): Promise<ClassFitStatus> {
  const cls = await requireOwnedClass(user, classId);
  const [job, set] = await Promise.all([
    db.fitJob.findFirst({
      where: { classId: cls.id, scope: "class" },
      orderBy: { createdAt: "desc" },
      select: { status: true, createdAt: true, finishedAt: true },
    }),
    db.parameterSet.findFirst({
      where: { classId: cls.id, scope: "class" },
      orderBy: { fittedAt: "desc" },
      select: {
        fittedAt: true,
        trainingSize: true,
        logLossBefore: true,
        logLossAfter: true,
        rmseBefore: true,
        rmseAfter: true,
      },
    }),
  ]);
  return {
    latest: job && { state: job.status, queuedAt: job.createdAt, finishedAt: job.finishedAt },
    set,
  };
}

/**
 * The owner asks for the class to be refitted now: the pool, then each student's pick. 409 while a
 * fit of the class is still waiting or running (a second would fit the same reviews).
 * Returns how many fits were queued.
 */
export async function requestClassFitFor(user: ClassUser, input: { classId: string }, now: Date): Promise<number> {
  const { classId } = ClassRefSchema.parse(input);
  const cls = await requireOwnedClass(user, classId);
  const pending = await db.fitJob.findFirst({
    where: { classId: cls.id, scope: "class", status: { in: ["queued", "running"] } },
    select: { status: true },
  });
  if (pending)
    throw new ConflictError(
      `A refit of this class is already ${pending.status === "running" ? "running" : "queued"}; it shows here when done.`,
      "fit_pending",
    );
  return requestClassFit(user, cls.id, now);
}
