import { db } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import type { MemoryStateKind } from "@/lib/srs";
import { deckSrsSettings } from "@/lib/study/settings";
import { isUuid, requireOwnedClass, type ClassUser } from "./access";
import { toCsv } from "./csv";
import { addStudiedCard, emptyProgress } from "./progress";
import { ASSIGNMENT_STATUSES, STATUS_LABELS, assignmentStatus, forecastDate, predictedRecall, type AssignmentStatus } from "./status";

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
  /** Latest review of this deck. */
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
  /** Mean over the class's students of the card's retrievability on the due date (unseen = 0). */
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

export const ASSIGNMENT_NOT_FOUND = "There is no such assignment in this class. Open it from the class page.";

/** The assignment with its class and deck, if `user` owns the class; else HttpError 403 or 404. */
export async function requireOwnedAssignment(user: ClassUser, classId: string, assignmentId: string) {
  const cls = await requireOwnedClass(user, classId);
  if (!isUuid(assignmentId)) throw new HttpError(404, ASSIGNMENT_NOT_FOUND, "assignment_not_found");
  const assignment = await db.assignment.findFirst({ where: { id: assignmentId, classId: cls.id }, include: { deck: true } });
  if (!assignment) throw new HttpError(404, ASSIGNMENT_NOT_FOUND, "assignment_not_found");
  return { cls, assignment };
}

interface StateRow {
  userId: string;
  cardId: string;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: MemoryStateKind;
  lastReview: Date | null;
  suspended: boolean;
}

interface LogAggregateRow {
  /** Set on per-student rows. */
  userId: string | null;
  /** Set on per-card rows. */
  cardId: string | null;
  reviews: number;
  recalled: number;
  lastAt: Date | null;
}

/**
 * The dashboard's two data queries over the class's students and the deck's live cards: every card
 * state (FSRS needs each one), and the review log aggregated in the database per student and per
 * card at once (GROUPING SETS), so no log row leaves PostgreSQL. Ids are passed as arrays rather
 * than joined, so both queries read the (userId, deckId) and (userId, ...) indexes whatever the
 * planner's statistics say (PGlite has no autovacuum to keep them fresh). Exported for the bench.
 */
export async function fetchDashboardRows(deckId: string, studentIds: string[], cardIds: string[]): Promise<{ states: StateRow[]; logs: LogAggregateRow[] }> {
  if (studentIds.length === 0 || cardIds.length === 0) return { states: [], logs: [] };
  const [states, logs] = await Promise.all([
    db.$queryRaw<StateRow[]>`
      SELECT cs."userId"::text AS "userId", cs."cardId"::text AS "cardId", cs.due, cs.stability, cs.difficulty,
             cs."elapsedDays", cs."scheduledDays", cs."learningSteps", cs.reps, cs.lapses, cs.state::text AS state,
             cs."lastReview", cs.suspended
      FROM "CardState" cs
      WHERE cs."userId" = ANY(${studentIds}::uuid[]) AND cs."deckId" = ${deckId}::uuid`,
    db.$queryRaw<LogAggregateRow[]>`
      SELECT CASE WHEN GROUPING(l."userId") = 0 THEN l."userId"::text END AS "userId",
             CASE WHEN GROUPING(l."cardId") = 0 THEN l."cardId"::text END AS "cardId",
             count(*)::int AS reviews,
             (count(*) FILTER (WHERE l.correct OR (l.correct IS NULL AND l.rating <> 'again')))::int AS recalled,
             max(l."reviewedAt") AS "lastAt"
      FROM "ReviewLog" l
      WHERE l."userId" = ANY(${studentIds}::uuid[]) AND l."deckId" = ${deckId}::uuid AND l."cardId" = ANY(${cardIds}::uuid[])
      GROUP BY GROUPING SETS ((l."userId"), (l."cardId"))`,
  ]);
  return { states, logs };
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
 * Everything the teacher's dashboard shows for one assignment, computed at `now`: six small queries
 * (class, assignment, students, cards, card states, aggregated logs) and one pass over the states;
 * retired cards are left out (the states of retired cards are skipped in that pass).
 * Owner only: 403 for a student of the class, 404 for anyone else.
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
  const [members, cards] = await Promise.all([
    db.membership.findMany({ where: { classId: cls.id }, select: { user: { select: { id: true, name: true, email: true } } } }),
    db.card.findMany({
      where: { deckId: deck.id, retiredAt: null },
      orderBy: { position: "asc" },
      select: { id: true, externalId: true, position: true, prompt: true, answer: true, quote: true },
    }),
  ]);
  const rows = await fetchDashboardRows(deck.id, members.map((m) => m.user.id), cards.map((c) => c.id));

  const settings = deckSrsSettings(deck);
  const forecastAt = forecastDate(assignment.dueAt, now);
  const terms = { dueAt: assignment.dueAt, targetRecall: assignment.targetRecall, requireAllStudied: assignment.requireAllStudied, newCardsPerDay: deck.newCardsPerDay };

  const progress = new Map(members.map((m) => [m.user.id, emptyProgress(cards.length)]));
  const perCard = new Map(cards.map((c) => [c.id, { recallSum: 0, studiedBy: 0, lapsedBy: 0 }]));
  for (const row of rows.states) {
    const student = progress.get(row.userId);
    const card = perCard.get(row.cardId);
    if (!student || !card) continue;
    const r = addStudiedCard(student, row, forecastAt, now, settings);
    card.recallSum += r;
    card.studiedBy += 1;
    if (row.lapses > 0) card.lapsedBy += 1;
  }
  const studentLogs = new Map<string, LogAggregateRow>();
  const cardLogs = new Map<string, LogAggregateRow>();
  for (const row of rows.logs) {
    if (row.userId !== null) studentLogs.set(row.userId, row);
    else if (row.cardId !== null) cardLogs.set(row.cardId, row);
  }

  const statusCounts = Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, 0])) as Record<AssignmentStatus, number>;
  const students: DashboardStudent[] = members.map(({ user: member }) => {
    const p = progress.get(member.id)!;
    const logs = studentLogs.get(member.id);
    const status = assignmentStatus(p, terms, now);
    statusCounts[status] += 1;
    return {
      userId: member.id,
      name: member.name,
      email: member.email,
      cardsStarted: p.studied,
      reviews: logs?.reviews ?? 0,
      accuracy: logs && logs.reviews > 0 ? logs.recalled / logs.reviews : null,
      lastActiveAt: logs?.lastAt ?? null,
      predictedRecall: predictedRecall(p),
      status,
    };
  });
  students.sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.email.localeCompare(b.email));

  const classSize = members.length;
  const dashboardCards: DashboardCard[] = cards.map((c) => {
    const agg = perCard.get(c.id)!;
    const logs = cardLogs.get(c.id);
    return {
      cardId: c.id,
      externalId: c.externalId,
      position: c.position,
      prompt: c.prompt,
      answer: c.answer,
      quote: c.quote,
      readerUrl: `/decks/${deck.slug}/article?card=${encodeURIComponent(c.externalId)}`,
      studiedBy: agg.studiedBy,
      lapsedBy: agg.lapsedBy,
      reviews: logs?.reviews ?? 0,
      accuracy: logs && logs.reviews > 0 ? logs.recalled / logs.reviews : null,
      predictedRecall: classSize === 0 ? 0 : agg.recallSum / classSize,
    };
  });
  dashboardCards.sort(compareHardestFirst);

  const totalRecall = students.reduce((sum, s) => sum + s.predictedRecall, 0);
  return {
    classId: cls.id,
    className: cls.name,
    assignment: { id: assignment.id, dueAt: assignment.dueAt, targetRecall: assignment.targetRecall, requireAllStudied: assignment.requireAllStudied, createdAt: assignment.createdAt },
    deck: { slug: deck.slug, title: deck.title, cardCount: cards.length },
    now,
    forecastAt,
    pastDue: now.getTime() >= assignment.dueAt.getTime(),
    classRecall: classSize === 0 ? null : totalRecall / classSize,
    statusCounts,
    students,
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
    s.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "class";
  return `${slug(dashboard.className)}-${slug(dashboard.deck.slug)}-students.csv`;
}
