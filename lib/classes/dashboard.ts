import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";
import { forgettingCurveOf, studyDayNumber, type StudyDayRule } from "@/lib/srs";
import { deckSrsSettings, studyDayOf } from "@/lib/study/settings";
import { studyDayNumberSql } from "@/lib/stats/study-day-sql";
import { parametersForStudents, withStudentParameters } from "@/lib/models/parameters";
import { isUuid } from "@/lib/validation/uuid";
import { requireOwnedClass, type ClassUser } from "./access";
import { toCsv } from "./csv";
import {
  ASSIGNMENT_STATUSES,
  OVERDUE_GRACE_MS,
  STATUS_LABELS,
  assignmentStatus,
  forecastDate,
  predictedRecall,
  type AssignmentStatus,
  type StudentProgress,
} from "./status";
import { passageUrl } from "@/lib/content/links";

export interface DashboardStudent {
  userId: string;
  name: string;
  email: string;
  /** Live cards of the deck reviewed at least once. */
  cardsStarted: number;
  /** Reviews of the deck's live cards, all time. */
  reviews: number;
  /**
   * Share of reviews answered right, 0–1 (null before the first review): a server-checked answer
   * counts when correct, a self-graded card when rated anything but "again".
   */
  accuracy: number | null;
  /** Latest review of one of the deck's live cards. */
  lastActiveAt: Date | null;
  predictedRecall: number;
  status: AssignmentStatus;
}

export interface DashboardCard {
  cardId: string;
  externalId: string;
  position: number;
  prompt: string;
  answer: string;
  /** The source passage, and where it is in the reader. */
  quote: string;
  readerUrl: string;
  /** Students who have reviewed the card at least once. */
  studiedBy: number;
  /**
   * Students who lapsed it: forgot it after it had been learnt ("again" on a card in review state,
   * which is what FSRS counts as a lapse; CardState.lapses > 0). A miss while first learning a card
   * is not a lapse, but it lowers the card's accuracy.
   */
  lapsedBy: number;
  reviews: number;
  /** As for students: share of the class's reviews of this card answered right (null: none yet). */
  accuracy: number | null;
  /** Mean over the class's students of the card's predicted recall on the due date (unseen = 0). */
  predictedRecall: number;
}

export interface AssignmentDashboard {
  classId: string;
  className: string;
  assignment: { id: string; dueAt: Date; targetRecall: number; requireAllStudied: boolean; createdAt: Date };
  deck: { slug: string; title: string; cardCount: number };
  /** The clock the figures were computed at, and the date recall is forecast for. */
  now: Date;
  forecastAt: Date;
  pastDue: boolean;
  /** Mean predicted recall over every student × card (null for a class without students). */
  classRecall: number | null;
  statusCounts: Record<AssignmentStatus, number>;
  /** By name. */
  students: DashboardStudent[];
  /** Hardest first (see `compareHardestFirst`). */
  cards: DashboardCard[];
}

// One collator: localeCompare with options builds a new one on every call (50 ms for 300 names).
const byName = new Intl.Collator("en", { sensitivity: "base" });

export const ASSIGNMENT_NOT_FOUND = "There is no such assignment in this class. Open it from the class page.";

/** The assignment with its class and deck, if `user` owns the class; else ForbiddenError (a student of the class) or NotFoundError. */
export async function requireOwnedAssignment(user: ClassUser, classId: string, assignmentId: string) {
  const cls = await requireOwnedClass(user, classId);
  if (!isUuid(assignmentId)) throw new NotFoundError(ASSIGNMENT_NOT_FOUND, "assignment_not_found");
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, classId: cls.id },
    include: { deck: true },
  });
  if (!assignment) throw new NotFoundError(ASSIGNMENT_NOT_FOUND, "assignment_not_found");
  return { cls, assignment };
}

/**
 * One student's memory model, as the two constants of its forgetting curve (lib/srs
 * forgettingCurveOf), and their days (the elapsed days the curve is read at are theirs).
 */
export interface StudentCurve {
  userId: string;
  decay: number;
  factor: number;
  day: StudyDayRule;
}

/** A student's or a card's totals over the class's card states on the deck. */
export interface DashboardTotals {
  /** Card states: live cards studied (per student), students who studied it (per card). */
  studied: number;
  /** Sum of the states' predicted recall at the forecast date (lib/srs forecastRecall). */
  recallSum: number;
  /** States not suspended and due before `overdueBefore`. */
  overdue: number;
  /** Sum of the states' reps: every review adds one, undo puts it back. */
  reviews: number;
  /** States with at least one lapse. */
  lapsed: number;
  /** Latest review, epoch ms (null: none). */
  lastReview: number | null;
  /** Wrong answers (a checked answer that was wrong, or a self-graded "again"): CardState.wrongCount summed. */
  wrong: number;
}

export interface DashboardAggregates {
  byStudent: Map<string, DashboardTotals>;
  byCard: Map<string, DashboardTotals>;
}

interface AggregateRow extends DashboardTotals {
  userId: string | null;
  cardId: string | null;
}

const emptyTotals = (): DashboardTotals => ({
  studied: 0,
  recallSum: 0,
  overdue: 0,
  reviews: 0,
  lapsed: 0,
  lastReview: null,
  wrong: 0,
});

/**
 * The dashboard's figures per student and per card, aggregated in the database in one statement:
 * 300 + 100 rows leave it instead of 23,000 card states and a pass over them here (issue 15; before,
 * turning the states into JS values and forecasting each was most of the page's cost).
 *
 * Recall is lib/srs `forecastRecall` (see forgettingCurveOf: the constants come from ts-fsrs, per
 * student, so a fitted set counts): FSRS-6's forgetting curve at the student's days between the
 * card's last review and the forecast instant, in their time zone from their day-start hour, the
 * count their model was fitted on. The forecast's day is found here with lib/srs, each last review's
 * in SQL (studyDayNumberSql); tests/integration/classes/study-day-forecast.test.ts checks the two
 * agree across zones and DST changes, and forecast.test.ts the figures against ts-fsrs called
 * directly. Rounding to 8 decimals is half up, as JS's Math.round does (SQL's round on a double
 * rounds half to even).
 *
 * Wrong answers are each state's count (CardState.wrongCount, kept by every review, undo and import
 * with lib/study/rows isWrongAnswer), so the review log is not read at all: scanning it was a third
 * of the statement's time on PGlite. States of retired cards are left out when the deck has any.
 */
export async function fetchDashboardAggregates(
  deck: { id: string; hasRetiredCards: boolean },
  students: readonly StudentCurve[],
  liveCardIds: readonly string[],
  at: { forecastAt: Date; overdueBefore: Date },
): Promise<DashboardAggregates> {
  const byStudent = new Map<string, DashboardTotals>();
  const byCard = new Map<string, DashboardTotals>();
  if (students.length === 0 || liveCardIds.length === 0) return { byStudent, byCard };
  const ids = students.map((s) => s.userId);
  const stateCards = deck.hasRetiredCards ? Prisma.sql`AND cs."cardId" = ANY(${liveCardIds}::uuid[])` : Prisma.empty;
  // Timestamps go as ISO text read back as UTC wall time: the columns are timestamp(3) without zone, in UTC.
  const overdueBefore = Prisma.sql`(${at.overdueBefore.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const lastReviewDay = studyDayNumberSql(Prisma.sql`cs."lastReview"`, Prisma.sql`c.tz`, Prisma.sql`c."dayStartHour"`);
  const rows = await db.$queryRaw<AggregateRow[]>`
    WITH curve AS (
      SELECT * FROM unnest(${ids}::uuid[], ${students.map((s) => s.decay)}::float8[],
                           ${students.map((s) => s.factor)}::float8[], ${students.map((s) => s.day.timeZone)}::text[],
                           ${students.map((s) => s.day.dayStartHour)}::int[],
                           ${students.map((s) => studyDayNumber(at.forecastAt, s.day))}::int[])
                    AS c("userId", decay, factor, tz, "dayStartHour", "forecastDay")
    ), states AS (
      SELECT cs."userId", cs."cardId", cs.reps, cs.lapses, cs."lastReview", cs."wrongCount",
             (NOT cs.suspended AND cs.due < ${overdueBefore}) AS overdue,
             CASE WHEN cs.state = 'new' OR cs."lastReview" IS NULL THEN 0::float8 ELSE
               floor(power(1 + c.factor * greatest(c."forecastDay" - ${lastReviewDay}, 0)::float8
                                 / (floor(cs.stability * 1e8 + 0.5) / 1e8), c.decay) * 1e8 + 0.5) / 1e8
             END AS r
      FROM "CardState" cs JOIN curve c ON c."userId" = cs."userId"
      WHERE cs."userId" = ANY(${ids}::uuid[]) AND cs."deckId" = ${deck.id}::uuid ${stateCards}
    )
    SELECT CASE WHEN GROUPING(s."userId") = 0 THEN s."userId"::text END AS "userId",
           CASE WHEN GROUPING(s."cardId") = 0 THEN s."cardId"::text END AS "cardId",
           count(*)::int AS studied, sum(s.r)::float8 AS "recallSum", count(*) FILTER (WHERE s.overdue)::int AS overdue,
           sum(s.reps)::int AS reviews, count(*) FILTER (WHERE s.lapses > 0)::int AS lapsed,
           (extract(epoch FROM max(s."lastReview")) * 1000)::float8 AS "lastReview", sum(s."wrongCount")::int AS wrong
    FROM states s
    GROUP BY GROUPING SETS ((s."userId"), (s."cardId"))`;
  for (const { userId, cardId, ...row } of rows) {
    if (userId !== null) byStudent.set(userId, row);
    else byCard.set(cardId!, row);
  }
  return { byStudent, byCard };
}

/**
 * Hardest first: lowest class accuracy (the share of reviews the class got wrong is the most direct
 * measure, available from the first review), then most students lapsed, then lowest predicted
 * recall, then deck order. Cards nobody has reviewed come last: there is nothing to rank them by.
 */
export function compareHardestFirst(a: DashboardCard, b: DashboardCard): number {
  if ((a.accuracy === null) !== (b.accuracy === null)) return a.accuracy === null ? 1 : -1;
  return (
    (a.accuracy ?? 0) - (b.accuracy ?? 0) ||
    b.lapsedBy - a.lapsedBy ||
    a.predictedRecall - b.predictedRecall ||
    a.position - b.position
  );
}

/**
 * Everything the teacher's dashboard shows for one assignment, computed at `now`: the class and
 * assignment (ownership), then students and cards, their parameter sets, and one aggregate statement
 * (fetchDashboardAggregates) that returns a row per student and per card. Retired cards are left
 * out. Owner only: 403 for a student of the class, 404 for anyone else.
 *
 * @example
 * const dashboard = await computeAssignmentDashboard(teacher, { classId, assignmentId }, new Date());
 * dashboard.classRecall; // e.g. 0.62
 */
export async function computeAssignmentDashboard(
  user: ClassUser,
  ref: { classId: string; assignmentId: string },
  now: Date,
): Promise<AssignmentDashboard> {
  const { cls, assignment } = await requireOwnedAssignment(user, ref.classId, ref.assignmentId);
  const { deck } = assignment;
  const [members, allCards] = await Promise.all([
    db.membership.findMany({
      where: { classId: cls.id },
      select: { user: { select: { id: true, name: true, email: true, timezone: true, dayStartHour: true } } },
    }),
    db.card.findMany({
      where: { deckId: deck.id },
      orderBy: { position: "asc" },
      select: { id: true, externalId: true, position: true, prompt: true, answer: true, quote: true, retiredAt: true },
    }),
  ]);
  const cards = allCards.filter((c) => c.retiredAt === null);
  const studentIds = members.map((m) => m.user.id);
  const parameters = await parametersForStudents(studentIds);
  const dayOf = new Map(members.map((m) => [m.user.id, studyDayOf(m.user)]));

  const settings = deckSrsSettings(deck);
  const forecastAt = forecastDate(assignment.dueAt, now);
  // Each student's forecast uses their own memory model (lib/models/parameters.ts): one curve per set.
  const curves = new Map<string | null, { decay: number; factor: number }>();
  const students = studentIds.map((userId): StudentCurve => {
    const chosen = parameters.get(userId);
    const key = chosen?.setId ?? null;
    let curve = curves.get(key);
    if (!curve) {
      curve = forgettingCurveOf(chosen ? withStudentParameters(settings, chosen) : settings);
      curves.set(key, curve);
    }
    return { userId, ...curve, day: dayOf.get(userId)! };
  });
  const { byStudent, byCard } = await fetchDashboardAggregates(
    { id: deck.id, hasRetiredCards: cards.length < allCards.length },
    students,
    cards.map((c) => c.id),
    { forecastAt, overdueBefore: new Date(now.getTime() - OVERDUE_GRACE_MS) },
  );
  const terms = {
    dueAt: assignment.dueAt,
    targetRecall: assignment.targetRecall,
    requireAllStudied: assignment.requireAllStudied,
    newCardsPerDay: deck.newCardsPerDay,
  };
  const accuracy = (t: DashboardTotals) => (t.reviews > 0 ? (t.reviews - t.wrong) / t.reviews : null);

  const statusCounts = Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, 0])) as Record<AssignmentStatus, number>;
  const rows: DashboardStudent[] = members.map(({ user: member }) => {
    const t = byStudent.get(member.id) ?? emptyTotals();
    const p: StudentProgress = {
      cardCount: cards.length,
      studied: t.studied,
      recallSum: t.recallSum,
      overdue: t.overdue,
    };
    const status = assignmentStatus(p, terms, now);
    statusCounts[status] += 1;
    return {
      userId: member.id,
      name: member.name,
      email: member.email,
      cardsStarted: t.studied,
      reviews: t.reviews,
      accuracy: accuracy(t),
      lastActiveAt: t.lastReview === null ? null : new Date(t.lastReview),
      predictedRecall: predictedRecall(p),
      status,
    };
  });
  rows.sort((a, b) => byName.compare(a.name, b.name) || byName.compare(a.email, b.email));

  const classSize = members.length;
  const dashboardCards: DashboardCard[] = cards.map((c) => {
    const t = byCard.get(c.id) ?? emptyTotals();
    return {
      cardId: c.id,
      externalId: c.externalId,
      position: c.position,
      prompt: c.prompt,
      answer: c.answer,
      quote: c.quote,
      readerUrl: passageUrl(deck.slug, c.externalId),
      studiedBy: t.studied,
      lapsedBy: t.lapsed,
      reviews: t.reviews,
      accuracy: accuracy(t),
      predictedRecall: classSize === 0 ? 0 : t.recallSum / classSize,
    };
  });
  dashboardCards.sort(compareHardestFirst);

  const totalRecall = rows.reduce((sum, s) => sum + s.predictedRecall, 0);
  return {
    classId: cls.id,
    className: cls.name,
    assignment: {
      id: assignment.id,
      dueAt: assignment.dueAt,
      targetRecall: assignment.targetRecall,
      requireAllStudied: assignment.requireAllStudied,
      createdAt: assignment.createdAt,
    },
    deck: { slug: deck.slug, title: deck.title, cardCount: cards.length },
    now,
    forecastAt,
    pastDue: now.getTime() >= assignment.dueAt.getTime(),
    classRecall: classSize === 0 ? null : totalRecall / classSize,
    statusCounts,
    students: rows,
    cards: dashboardCards,
  };
}

export const STUDENTS_CSV_HEADER = [
  "name",
  "email",
  "status",
  "cards_started",
  "cards_total",
  "reviews",
  "accuracy_percent",
  "last_active_utc",
  "predicted_recall_percent",
] as const;

const percent = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/** The dashboard's student table as CSV (percentages to one decimal; times in UTC, ISO 8601). */
export function studentsCsv(dashboard: AssignmentDashboard): string {
  return toCsv([
    [...STUDENTS_CSV_HEADER],
    ...dashboard.students.map((s) => [
      s.name,
      s.email,
      STATUS_LABELS[s.status],
      s.cardsStarted,
      dashboard.deck.cardCount,
      s.reviews,
      percent(s.accuracy),
      s.lastActiveAt?.toISOString() ?? null,
      percent(s.predictedRecall),
    ]),
  ]);
}

/** A file name for the export: ASCII only, so every browser keeps it. */
export function studentsCsvFileName(dashboard: AssignmentDashboard): string {
  const slug = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "class";
  return `${slug(dashboard.className)}-${slug(dashboard.deck.slug)}-students.csv`;
}
