import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { seededRandom } from "@/lib/seeded-random";
import { planRetention, type PlanCardState, type RetentionPlan } from "@/lib/srs/plan";
import { memoryStateOf } from "@/lib/study/memory";
import { deckSrsSettings, studyDayOf } from "@/lib/study/settings";
import type { ClassUser } from "./access";
import { requireOwnedAssignment } from "./dashboard";
import { ApplyRetentionSchema, type ApplyRetentionInput } from "./schemas";

// Plan to a date (issue 11, point 5): the assignment page simulates the class's study at each
// desired retention (lib/srs/plan.ts) with the class's memory model, and the teacher applies one.

/**
 * Seconds a review takes when the class has too few timed answers on the deck: fsrs-rs's simulator
 * costs a review answered "good" at 7.3 s and a forgotten one at 23 s (its SimulatorConfig
 * defaults, from Anki users' review times); 8 s is the mix of the two at about 95% passed.
 */
export const DEFAULT_SECONDS_PER_REVIEW = 8;
/** Timed answers the class needs on the deck before their median replaces the default. */
export const MIN_TIMED_REVIEWS = 30;
/** The latest timed answers the median is taken over. */
const TIMED_REVIEWS_WINDOW = 2000;

export interface AssignmentPlan extends RetentionPlan {
  targetRecall: number;
  dueAt: Date;
  /** The retention applied now (null: the deck's own, `deckRetention`). */
  applied: number | null;
  deckRetention: number;
  /** Whose memory model the plan used. */
  model: "class" | "default";
  secondsPerReview: number;
  /** How many timed answers `secondsPerReview` is the median of (0: the default). */
  timedReviews: number;
  students: number;
}

/**
 * The retention plan of an assignment the teacher owns (ForbiddenError for a student of the class,
 * NotFoundError for anyone else). Repeatable: the simulation is seeded by the assignment and the day.
 *
 * @example
 * const plan = await computeAssignmentPlan(teacher, { classId, assignmentId }, now);
 * plan.recommended?.retention; // 0.85
 */
export async function computeAssignmentPlan(
  user: ClassUser,
  ref: { classId: string; assignmentId: string },
  now: Date,
): Promise<AssignmentPlan> {
  const { cls, assignment } = await requireOwnedAssignment(user, ref.classId, ref.assignmentId);
  const [members, cards, classSet, timed] = await Promise.all([
    db.membership.findMany({
      where: { classId: cls.id },
      select: { userId: true, user: { select: { timezone: true, dayStartHour: true } } },
    }),
    db.card.findMany({
      where: { deckId: assignment.deckId, retiredAt: null },
      orderBy: { position: "asc" },
      select: { id: true },
    }),
    classParameters(cls.id),
    classAnswerTimes(cls.id, assignment.deckId),
  ]);
  const studentIds = members.map((m) => m.userId);
  const rows = await db.cardState.findMany({ where: { deckId: assignment.deckId, userId: { in: studentIds } } });
  const byStudent = new Map<string, Map<string, PlanCardState>>(studentIds.map((id) => [id, new Map()]));
  for (const row of rows) {
    byStudent.get(row.userId)?.set(row.cardId, { ...memoryStateOf(row), suspended: row.suspended });
  }
  // A class without students yet is planned for one student who has every card still to learn, on
  // the teacher's days.
  const students =
    studentIds.length === 0
      ? [cards.map(() => null)]
      : studentIds.map((id) => cards.map((card) => byStudent.get(id)!.get(card.id) ?? null));
  const days =
    studentIds.length === 0
      ? [
          studyDayOf(
            await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { timezone: true, dayStartHour: true } }),
          ),
        ]
      : members.map((m) => studyDayOf(m.user));
  const secondsPerReview =
    timed.length >= MIN_TIMED_REVIEWS ? Math.round(median(timed) / 100) / 10 : DEFAULT_SECONDS_PER_REVIEW;
  const settings = { ...deckSrsSettings(assignment.deck), ...(classSet ? { parameters: classSet } : {}) };
  const plan = planRetention(
    {
      students,
      days,
      settings,
      newCardsPerDay: assignment.deck.newCardsPerDay,
      now,
      dueAt: assignment.dueAt,
      secondsPerReview,
      random: seededRandom(seedOf(`${assignment.id}:${now.toISOString().slice(0, 10)}`)),
    },
    assignment.targetRecall,
  );
  return {
    ...plan,
    targetRecall: assignment.targetRecall,
    dueAt: assignment.dueAt,
    applied: assignment.desiredRetention,
    deckRetention: assignment.deck.desiredRetention,
    model: classSet ? "class" : "default",
    secondsPerReview,
    timedReviews: timed.length >= MIN_TIMED_REVIEWS ? timed.length : 0,
    students: studentIds.length,
  };
}

/**
 * The teacher applies a desired retention to an assignment (or, with `retentionPercent` empty, goes
 * back to the deck's own): the class's students are then scheduled with it for the deck until the
 * due date (lib/study/assigned-retention.ts).
 */
export async function applyAssignmentRetention(user: ClassUser, input: ApplyRetentionInput): Promise<number | null> {
  const data = ApplyRetentionSchema.parse(input);
  const { assignment } = await requireOwnedAssignment(user, data.classId, data.assignmentId);
  const retention = data.retentionPercent === null ? null : data.retentionPercent / 100;
  await db.assignment.updateMany({
    where: { id: assignment.id, class: { ownerId: user.id } },
    data: { desiredRetention: retention },
  });
  return retention;
}

/**
 * The class's pooled parameters when its latest fit predicted the class's later reviews better than
 * FSRS-6's defaults (the adoption rule's test, on the pool); else null (the defaults).
 */
async function classParameters(classId: string): Promise<number[] | null> {
  const set = await db.parameterSet.findFirst({
    where: { scope: "class", classId },
    orderBy: { fittedAt: "desc" },
    select: { parameters: true, logLossBefore: true, logLossAfter: true },
  });
  if (!set || set.logLossBefore === null || set.logLossAfter === null) return null;
  return set.logLossAfter < set.logLossBefore ? set.parameters : null;
}

/** The class's latest answer times on the deck, in ms. */
async function classAnswerTimes(classId: string, deckId: string): Promise<number[]> {
  const rows = await db.reviewLog.findMany({
    where: { deckId, answerMs: { not: null }, user: { memberships: { some: { classId } } } },
    orderBy: { reviewedAt: "desc" },
    take: TIMED_REVIEWS_WINDOW,
    select: { answerMs: true },
  });
  return rows.map((r) => r.answerMs!);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function seedOf(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0);
}
