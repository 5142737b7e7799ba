import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";
import type { MemoryStateKind } from "@/lib/srs";
import { deckSrsSettings } from "@/lib/study/settings";
import { parametersForStudents, withStudentParameters } from "@/lib/models/parameters";
import { isUuid } from "@/lib/validation/uuid";
import { requireOwnedClass, type ClassUser } from "./access";
import { toCsv } from "./csv";
import { addStudiedCard, createRecallForecast, emptyProgress, type ForecastState } from "./progress";
import {
  ASSIGNMENT_STATUSES,
  STATUS_LABELS,
  assignmentStatus,
  forecastDate,
  predictedRecall,
  type AssignmentStatus,
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

interface StateRow extends ForecastState {
  userId: string;
  cardId: string;
}

interface WrongAnswerRow {
  /** Set on per-student rows. */
  userId: string | null;
  /** Set on per-card rows. */
  cardId: string | null;
  wrong: number;
}

/**
 * The dashboard's card states: every one of the class's students on the deck (FSRS needs each). They
 * come back as one text value, a line per state, rather than a row each: turning 23,000 rows × 13
 * columns into JS values took 1 s in PGlite and 180 ms with node-postgres; building and splitting
 * the text takes a tenth of that (bench/class-dashboard). Every field is a uuid, number, enum or
 * boolean, so none can hold a separator; floats print exactly (PostgreSQL 12+ prints the shortest
 * exact form) and times go as epoch ms (the columns hold UTC wall time, which date_part reads as UTC). Student ids go as an array rather than a join, so the query reads the
 * (userId, deckId, due) index whatever the planner's statistics say (PGlite has no autovacuum).
 */
export async function fetchCardStates(deckId: string, studentIds: string[]): Promise<StateRow[]> {
  if (studentIds.length === 0) return [];
  const [packed] = await db.$queryRaw<{ states: string | null }[]>`
    SELECT string_agg(concat_ws(',', cs."userId", cs."cardId", round(date_part('epoch', cs.due) * 1000), cs.stability,
             cs.difficulty, cs."elapsedDays", cs."scheduledDays", cs."learningSteps", cs.reps, cs.lapses, cs.state,
             coalesce(round(date_part('epoch', cs."lastReview") * 1000)::text, ''), cs.suspended), ';') AS states
    FROM "CardState" cs
    WHERE cs."userId" = ANY(${studentIds}::uuid[]) AND cs."deckId" = ${deckId}::uuid`;
  return unpackStates(packed?.states ?? null);
}

/**
 * Wrong answers in the review log of the class's students on the deck (a checked answer that was
 * wrong, or a self-graded card rated Again), counted in the database per student and per card at
 * once (GROUPING SETS): no log row leaves PostgreSQL. Reviews themselves are not counted here:
 * `CardState.reps` already holds each card's count (every review adds one, undo puts it back), and
 * hashing only the wrong answers halves the cost of this scan. The card filter is needed only when
 * the deck has retired cards.
 */
export async function fetchWrongAnswers(
  deck: { id: string; hasRetiredCards: boolean },
  studentIds: string[],
  cardIds: string[],
): Promise<WrongAnswerRow[]> {
  if (studentIds.length === 0 || cardIds.length === 0) return [];
  const cardFilter = deck.hasRetiredCards ? Prisma.sql`AND l."cardId" = ANY(${cardIds}::uuid[])` : Prisma.empty;
  return db.$queryRaw<WrongAnswerRow[]>`
    SELECT CASE WHEN GROUPING(l."userId") = 0 THEN l."userId"::text END AS "userId",
           CASE WHEN GROUPING(l."cardId") = 0 THEN l."cardId"::text END AS "cardId",
           count(*)::int AS wrong
    FROM "ReviewLog" l
    WHERE l."deckId" = ${deck.id}::uuid AND l."userId" = ANY(${studentIds}::uuid[]) ${cardFilter}
      AND NOT coalesce(l.correct, l.rating <> 'again')
    GROUP BY GROUPING SETS ((l."userId"), (l."cardId"))`;
}

/** Both data queries together: the bench's baseline (what the database alone costs). */
export async function fetchDashboardRows(
  deck: { id: string; hasRetiredCards: boolean },
  studentIds: string[],
  cardIds: string[],
) {
  const [states, wrong] = await Promise.all([
    fetchCardStates(deck.id, studentIds),
    fetchWrongAnswers(deck, studentIds, cardIds),
  ]);
  return { states, wrong };
}

function unpackStates(text: string | null): StateRow[] {
  if (!text) return [];
  return text.split(";").map((line) => {
    const [
      userId,
      cardId,
      due,
      stability,
      difficulty,
      elapsedDays,
      scheduledDays,
      learningSteps,
      reps,
      lapses,
      state,
      lastReview,
      suspended,
    ] = line.split(",") as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      userId,
      cardId,
      due: Number(due),
      stability: Number(stability),
      difficulty: Number(difficulty),
      elapsedDays: Number(elapsedDays),
      scheduledDays: Number(scheduledDays),
      learningSteps: Number(learningSteps),
      reps: Number(reps),
      lapses: Number(lapses),
      state: state as MemoryStateKind,
      lastReview: lastReview === "" ? null : Number(lastReview),
      suspended: suspended === "t" || suspended === "true",
    };
  });
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
 * Everything the teacher's dashboard shows for one assignment, computed at `now`: six queries
 * (class, assignment, students, cards, card states, wrong answers in the log) and one pass over the states;
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
  const [members, allCards] = await Promise.all([
    db.membership.findMany({
      where: { classId: cls.id },
      select: { user: { select: { id: true, name: true, email: true } } },
    }),
    db.card.findMany({
      where: { deckId: deck.id },
      orderBy: { position: "asc" },
      select: { id: true, externalId: true, position: true, prompt: true, answer: true, quote: true, retiredAt: true },
    }),
  ]);
  const cards = allCards.filter((c) => c.retiredAt === null);
  const hasRetiredCards = cards.length < allCards.length;
  const studentIds = members.map((m) => m.user.id);
  // The log scan runs on the server while the card states are forecast here (PGlite, which runs in
  // this thread, does them one after the other either way).
  const wrongPending = fetchWrongAnswers(
    { id: deck.id, hasRetiredCards },
    studentIds,
    cards.map((c) => c.id),
  );
  wrongPending.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const [states, parameters] = await Promise.all([
    fetchCardStates(deck.id, studentIds),
    parametersForStudents(studentIds),
  ]);

  const settings = deckSrsSettings(deck);
  const forecastAt = forecastDate(assignment.dueAt, now);
  // Each student's forecast uses their own memory model (lib/models/parameters.ts): one per set.
  const forecasts = new Map<string | null, ReturnType<typeof createRecallForecast>>();
  const recallFor = (userId: string) => {
    const chosen = parameters.get(userId);
    const key = chosen?.setId ?? null;
    let forecast = forecasts.get(key);
    if (!forecast) {
      forecast = createRecallForecast(forecastAt, chosen ? withStudentParameters(settings, chosen) : settings);
      forecasts.set(key, forecast);
    }
    return forecast;
  };
  const terms = {
    dueAt: assignment.dueAt,
    targetRecall: assignment.targetRecall,
    requireAllStudied: assignment.requireAllStudied,
    newCardsPerDay: deck.newCardsPerDay,
  };

  const progress = new Map(members.map((m) => [m.user.id, emptyProgress(cards.length)]));
  const perStudent = new Map(members.map((m) => [m.user.id, { reviews: 0, lastActive: 0 }]));
  const perCard = new Map(cards.map((c) => [c.id, { recallSum: 0, studiedBy: 0, lapsedBy: 0, reviews: 0 }]));
  for (const row of states) {
    const student = progress.get(row.userId);
    const card = perCard.get(row.cardId);
    if (!student || !card) continue;
    const r = addStudiedCard(student, row, recallFor(row.userId), now);
    card.recallSum += r;
    card.studiedBy += 1;
    card.reviews += row.reps;
    if (row.lapses > 0) card.lapsedBy += 1;
    // A state's reps and last review are its card's review count and latest review (undo puts both back).
    const totals = perStudent.get(row.userId)!;
    totals.reviews += row.reps;
    totals.lastActive = Math.max(totals.lastActive, row.lastReview ?? 0);
  }
  const wrongByStudent = new Map<string, number>();
  const wrongByCard = new Map<string, number>();
  for (const row of await wrongPending) {
    if (row.userId !== null) wrongByStudent.set(row.userId, row.wrong);
    else if (row.cardId !== null) wrongByCard.set(row.cardId, row.wrong);
  }
  const accuracy = (reviews: number, wrong = 0) => (reviews > 0 ? (reviews - wrong) / reviews : null);

  const statusCounts = Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, 0])) as Record<AssignmentStatus, number>;
  const students: DashboardStudent[] = members.map(({ user: member }) => {
    const p = progress.get(member.id)!;
    const totals = perStudent.get(member.id)!;
    const status = assignmentStatus(p, terms, now);
    statusCounts[status] += 1;
    return {
      userId: member.id,
      name: member.name,
      email: member.email,
      cardsStarted: p.studied,
      reviews: totals.reviews,
      accuracy: accuracy(totals.reviews, wrongByStudent.get(member.id)),
      lastActiveAt: totals.lastActive > 0 ? new Date(totals.lastActive) : null,
      predictedRecall: predictedRecall(p),
      status,
    };
  });
  students.sort((a, b) => byName.compare(a.name, b.name) || byName.compare(a.email, b.email));

  const classSize = members.length;
  const dashboardCards: DashboardCard[] = cards.map((c) => {
    const agg = perCard.get(c.id)!;
    return {
      cardId: c.id,
      externalId: c.externalId,
      position: c.position,
      prompt: c.prompt,
      answer: c.answer,
      quote: c.quote,
      readerUrl: passageUrl(deck.slug, c.externalId),
      studiedBy: agg.studiedBy,
      lapsedBy: agg.lapsedBy,
      reviews: agg.reviews,
      accuracy: accuracy(agg.reviews, wrongByCard.get(c.id)),
      predictedRecall: classSize === 0 ? 0 : agg.recallSum / classSize,
    };
  });
  dashboardCards.sort(compareHardestFirst);

  const totalRecall = students.reduce((sum, s) => sum + s.predictedRecall, 0);
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
    s
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "class";
  return `${slug(dashboard.className)}-${slug(dashboard.deck.slug)}-students.csv`;
}
