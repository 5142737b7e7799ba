import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { PublicUser } from "@/lib/auth/users";
import { visibleDecksWhere } from "@/lib/content/decks";
import { memoryStateOf } from "@/lib/study/memory";
import { DECK_SETTINGS_SELECT } from "@/lib/srs";
import { deckSrsSettings, studyDayOf } from "@/lib/study/settings";
import { parametersForStudent, withStudentParameters } from "@/lib/models/parameters";
import { requireOwnedClass, type ClassUser } from "./access";
import { zonedDateTime } from "./due-date";
import { addStudiedCard, createRecallForecast, emptyProgress, toForecastState } from "./progress";
import { AssignmentRefSchema, CreateAssignmentSchema, type CreateAssignmentInput } from "./schemas";
import { assignmentStatus, forecastDate, predictedRecall, type AssignmentStatus } from "./status";

/** Assignments are due at the end of the chosen day in the teacher's time zone. */
export const DUE_TIME = { hours: 23, minutes: 59 } as const;
const MAX_DUE_DAYS = 2 * 366;

/** Decks a teacher may assign: the ones they can read themselves (public ones and their own). */
export async function listAssignableDecks(
  user: Pick<PublicUser, "id">,
): Promise<{ id: string; slug: string; title: string; cardCount: number }[]> {
  const decks = await db.deck.findMany({
    where: visibleDecksWhere(user),
    orderBy: { title: "asc" },
    select: { id: true, slug: true, title: true, _count: { select: { cards: { where: { retiredAt: null } } } } },
  });
  return decks.map((d) => ({ id: d.id, slug: d.slug, title: d.title, cardCount: d._count.cards }));
}

/**
 * The owner assigns a deck to a class. 409 when the deck is already assigned there; 422 for a due
 * date that is not in the future; 404 for a deck the teacher cannot see.
 *
 * @example
 * await createAssignment(teacher, { classId, deckId, dueDate: "2026-12-07", targetPercent: 80, requireAllStudied: true }, now);
 */
export async function createAssignment(
  user: Pick<PublicUser, "id" | "role" | "timezone">,
  input: CreateAssignmentInput,
  now: Date,
): Promise<{ id: string }> {
  const data = CreateAssignmentSchema.parse(input);
  await requireOwnedClass(user, data.classId);
  const deck = await db.deck.findFirst({
    where: { AND: [{ id: data.deckId }, visibleDecksWhere(user)] },
    select: { id: true, title: true },
  });
  if (!deck) throw new NotFoundError("That deck is not one you can assign. Pick one from the list.", "deck_not_found");
  const dueAt = zonedDateTime(data.dueDate, DUE_TIME.hours, DUE_TIME.minutes, user.timezone);
  if (dueAt.getTime() <= now.getTime()) {
    throw new InvalidError("Pick a due date in the future: the assignment is due at 23:59 on that day.", "due_in_past");
  }
  if (dueAt.getTime() > now.getTime() + MAX_DUE_DAYS * 86_400_000) {
    throw new InvalidError("Pick a due date within the next two years.", "due_too_far");
  }
  try {
    return await db.assignment.create({
      data: {
        classId: data.classId,
        deckId: deck.id,
        dueAt,
        targetRecall: data.targetPercent / 100,
        requireAllStudied: data.requireAllStudied,
        createdAt: now,
      },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        `“${deck.title}” is already assigned to this class. Delete that assignment first to set a new due date or target.`,
        "already_assigned",
      );
    }
    throw error;
  }
}

/** The owner deletes an assignment (students' reviews are theirs and stay). */
export async function deleteAssignment(
  user: ClassUser,
  input: { classId: string; assignmentId: string },
): Promise<void> {
  const { classId, assignmentId } = AssignmentRefSchema.parse(input);
  await requireOwnedClass(user, classId);
  const { count } = await db.assignment.deleteMany({
    where: { id: assignmentId, classId, class: { ownerId: user.id } },
  });
  if (count === 0) throw new NotFoundError("That assignment is not in this class (any more).", "assignment_not_found");
}

/** One of a student's assignments, with where they stand. */
export interface StudentAssignment {
  id: string;
  classId: string;
  className: string;
  deck: { slug: string; title: string };
  dueAt: Date;
  targetRecall: number;
  requireAllStudied: boolean;
  cardCount: number;
  studied: number;
  /** Predicted recall on the due date (today, once it has passed), 0–1. */
  predictedRecall: number;
  status: AssignmentStatus;
}

const FORECAST_STATE_FIELDS = {
  deckId: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
  suspended: true,
} as const;

/**
 * The signed-in student's assignments in all their classes (or one), soonest due first, each with
 * the student's own status. Reads only the student's own card states.
 */
export async function listStudentAssignments(
  user: Pick<PublicUser, "id" | "timezone" | "dayStartHour">,
  now: Date,
  filter: { classId?: string } = {},
): Promise<StudentAssignment[]> {
  const assignments = await db.assignment.findMany({
    where: {
      ...(filter.classId ? { classId: filter.classId } : {}),
      class: { archivedAt: null, memberships: { some: { userId: user.id } } },
    },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      classId: true,
      dueAt: true,
      targetRecall: true,
      requireAllStudied: true,
      class: { select: { name: true } },
      deck: {
        select: {
          id: true,
          slug: true,
          title: true,
          ...DECK_SETTINGS_SELECT,
        },
      },
    },
  });
  if (assignments.length === 0) return [];
  const deckIds = [...new Set(assignments.map((a) => a.deck.id))];
  const [counts, states, parameters] = await Promise.all([
    db.card.groupBy({ by: ["deckId"], where: { deckId: { in: deckIds }, retiredAt: null }, _count: { _all: true } }),
    db.cardState.findMany({
      where: { userId: user.id, deckId: { in: deckIds }, card: { retiredAt: null } },
      select: FORECAST_STATE_FIELDS,
    }),
    parametersForStudent(user.id),
  ]);
  const cardCount = new Map(counts.map((c) => [c.deckId, c._count._all]));
  return assignments.map((a) => {
    const settings = withStudentParameters(deckSrsSettings(a.deck), parameters);
    const recallAt = createRecallForecast(forecastDate(a.dueAt, now), settings, studyDayOf(user));
    const progress = emptyProgress(cardCount.get(a.deck.id) ?? 0);
    for (const s of states)
      if (s.deckId === a.deck.id)
        addStudiedCard(progress, toForecastState({ ...memoryStateOf(s), suspended: s.suspended }), recallAt, now);
    const terms = {
      dueAt: a.dueAt,
      targetRecall: a.targetRecall,
      requireAllStudied: a.requireAllStudied,
      newCardsPerDay: a.deck.newCardsPerDay,
    };
    return {
      id: a.id,
      classId: a.classId,
      className: a.class.name,
      deck: { slug: a.deck.slug, title: a.deck.title },
      dueAt: a.dueAt,
      targetRecall: a.targetRecall,
      requireAllStudied: a.requireAllStudied,
      cardCount: progress.cardCount,
      studied: progress.studied,
      predictedRecall: predictedRecall(progress),
      status: assignmentStatus(progress, terms, now),
    };
  });
}
