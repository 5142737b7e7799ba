import { db, queryRows } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// Fitting as background work (issue 11, docs/decisions/009-fitted-parameters.md): jobs are rows of
// FitJob, queued after every FIT_EVERY_REVIEWS new reviews of a student (with their classes) or by a
// teacher, and run one at a time by a worker inside the server process (instrumentation.ts): the
// embedded database admits one process, so a separate worker process could not open it.

/** A student's parameters (and their classes') are refitted after this many new reviews. */
export const FIT_EVERY_REVIEWS = 200;
/**
 * One review in this many asks whether a fit is due, chosen by the last hex digit of its reviewId
 * (a random UUID from the browser): the question is a count over the student's latest reviews, one
 * more statement per review, and a refit queued a few reviews after the 200th is as good as one at it.
 */
export const FIT_CHECK_EVERY = 8;

/** Does this review ask whether a fit is due (`queueFitAfterReviews`)? About one in FIT_CHECK_EVERY. */
export function checksForFit(reviewId: string): boolean {
  return Number.parseInt(reviewId.slice(-1), 16) % FIT_CHECK_EVERY === 0;
}

/** A claimed job not finished within this is taken to have died with its process, and runs again. */
export const FIT_LEASE_MS = 10 * 60_000;
/** After this many failed attempts a job is left failed (its error in `outcome`). */
export const MAX_FIT_ATTEMPTS = 3;

type FitJobRow = {
  id: string;
  scope: "student" | "class";
  userId: string | null;
  classId: string | null;
  attempts: number;
};

/**
 * Queues a fit of the student and of each of their classes once they have `FIT_EVERY_REVIEWS`
 * reviews since their last queued fit, unless one is already waiting. Called after each review;
 * one statement, a count over the (userId, reviewedAt) index. Returns whether it queued.
 */
export async function queueFitAfterReviews(userId: string, now: Date): Promise<boolean> {
  const queued = await queryRows<{ id: string }>(Prisma.sql`
    WITH due AS (
      SELECT 1 WHERE NOT EXISTS (
        SELECT 1 FROM "FitJob" WHERE "userId" = ${userId}::uuid AND status IN ('queued', 'running')
      ) AND (
        SELECT count(*) FROM (
          SELECT 1 FROM "ReviewLog"
          WHERE "userId" = ${userId}::uuid
            AND "reviewedAt" > COALESCE(
              (SELECT max("createdAt") FROM "FitJob" WHERE "userId" = ${userId}::uuid), '-infinity'::timestamp)
          LIMIT ${FIT_EVERY_REVIEWS}
        ) recent
      ) >= ${FIT_EVERY_REVIEWS}
    ), classes AS (
      INSERT INTO "FitJob" (id, scope, "classId", reason, "createdAt")
      SELECT gen_random_uuid(), 'class', m."classId", 'reviews', ${now}
      FROM "Membership" m, due
      WHERE m."userId" = ${userId}::uuid AND NOT EXISTS (
        SELECT 1 FROM "FitJob" j WHERE j."classId" = m."classId" AND j.status = 'queued'
      )
    )
    INSERT INTO "FitJob" (id, scope, "userId", reason, "createdAt")
    SELECT gen_random_uuid(), 'student', ${userId}::uuid, 'reviews', ${now} FROM due
    RETURNING id`);
  return queued.length > 0;
}

/**
 * A teacher asks for their class to be refitted now (the class pool, then each student's pick).
 * Throws NotFoundError unless the teacher owns the class.
 */
export async function requestClassFit(teacher: { id: string }, classId: string, now: Date): Promise<number> {
  const owned = await db.class.findFirst({
    where: { id: classId, ownerId: teacher.id },
    select: { memberships: { select: { userId: true } } },
  });
  if (!owned) throw new NotFoundError("No such class among yours.", "class_not_found");
  // Class first: the students' picks then see the fresh pool (jobs run oldest first, classes first).
  await db.fitJob.create({ data: { scope: "class", classId, reason: "teacher", createdAt: now } });
  await db.fitJob.createMany({
    data: owned.memberships.map((m) => ({
      scope: "student" as const,
      userId: m.userId,
      reason: "teacher",
      createdAt: now,
    })),
  });
  return owned.memberships.length + 1;
}

/**
 * Claims the oldest waiting job (or one whose worker died: its lease ran out) for `FIT_LEASE_MS`.
 * `FOR UPDATE SKIP LOCKED`: on a server, two workers never take the same job.
 */
export async function claimFitJob(now: Date): Promise<FitJobRow | null> {
  const rows = await db.$queryRaw<FitJobRow[]>(Prisma.sql`
    UPDATE "FitJob" SET status = 'running', attempts = attempts + 1, "leaseUntil" = ${new Date(now.getTime() + FIT_LEASE_MS)}
    WHERE id = (
      SELECT id FROM "FitJob"
      WHERE status = 'queued' OR (status = 'running' AND "leaseUntil" < ${now})
      ORDER BY "createdAt", (scope = 'student'), id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, scope::text AS scope, "userId"::text AS "userId", "classId"::text AS "classId", attempts`);
  return rows[0] ?? null;
}

/**
 * Runs one job, if any is waiting: claims it, fits, records the outcome and logs one line. Returns
 * the job's outcome line, or null when there was nothing to do.
 */
export async function runNextFitJob(now: Date): Promise<string | null> {
  const job = await claimFitJob(now);
  if (!job) return null;
  const started = performance.now();
  try {
    // Loaded here, not at the top: the review route imports this module to queue fits, and should
    // not load the native optimizer with it.
    const { fitClass, fitStudent } = await import("./fitting");
    let outcome: string;
    if (job.scope === "class" && job.classId) {
      const fit = await fitClass(job.classId, now);
      outcome =
        `class ${job.classId}: ${fit.trainingSize} items, ` +
        (fit.setId
          ? `set ${fit.setId}, held-out log loss ${describe(fit.before?.logLoss)} -> ${describe(fit.after?.logLoss)}`
          : "too few reviews to fit");
    } else if (job.userId) {
      const fit = await fitStudent(job.userId, now);
      outcome =
        `student ${job.userId}: ${fit.trainingSize} items, scheduled with ${fit.scope} parameters ` +
        `(held-out log loss default ${describe(fit.evaluations.default?.logLoss)}, class ${describe(fit.evaluations.class?.logLoss)}, own ${describe(fit.evaluations.student?.logLoss)})`;
    } else {
      outcome = "nothing to fit";
    }
    const line = `fit ${job.id} done in ${((performance.now() - started) / 1000).toFixed(2)} s: ${outcome}`;
    await db.fitJob.update({ where: { id: job.id }, data: { status: "done", outcome: line, finishedAt: new Date() } });
    console.info(`[clio] ${line}`);
    return line;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = job.attempts >= MAX_FIT_ATTEMPTS;
    await db.fitJob.update({
      where: { id: job.id },
      data: { status: failed ? "failed" : "queued", leaseUntil: null, outcome: message.slice(0, 2000) },
    });
    const line = `fit ${job.id} attempt ${job.attempts} failed${failed ? " (giving up)" : ", will retry"}: ${message}`;
    console.warn(`[clio] ${line}`);
    return line;
  }
}

/**
 * Starts the in-process worker: every `intervalMs` it runs waiting jobs one after another. Returns
 * a function that stops it (after the job in hand). The timer does not keep the process alive.
 */
export function startFitWorker(options: { intervalMs?: number; clock?: () => Date } = {}): () => Promise<void> {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        while (!stopped && (await runNextFitJob(clock())) !== null) {
          // one job at a time, until none waits
        }
      } catch (error) {
        console.warn(`[clio] fit worker: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, options.intervalMs ?? 5_000);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}

function describe(value: number | undefined): string {
  return value === undefined ? "-" : value.toFixed(4);
}
