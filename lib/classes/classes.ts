import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { countAttempt, refundRateLimit } from "@/lib/auth/rate-limit";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/uuid";
import { requireOwnedClass, requireTeacherRole, type ClassUser } from "./access";
import { formatJoinCode, generateJoinCode } from "./join-code";
import {
  ClassRefSchema,
  CreateClassSchema,
  JoinClassSchema,
  RemoveStudentSchema,
  type CreateClassInput,
} from "./schemas";

const CODE_ATTEMPTS = 5;

/** Runs `write` with fresh codes until one is not taken (a collision is a one-in-10¹² event). */
async function withFreshJoinCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= CODE_ATTEMPTS) throw error;
    }
  }
}

/**
 * A teacher creates a class; it starts with a fresh join code. Students: 403.
 *
 * @example
 * const { id, joinCode } = await createClass(teacher, { name: "History 11B" }, now);
 */
export async function createClass(
  user: ClassUser,
  input: CreateClassInput,
  now: Date,
): Promise<{ id: string; joinCode: string }> {
  requireTeacherRole(
    user,
    "Only teacher accounts can create classes. Ask your teacher for a class code to join theirs.",
  );
  const { name } = CreateClassSchema.parse(input);
  return withFreshJoinCode((joinCode) =>
    db.class.create({
      data: { name, ownerId: user.id, joinCode, joinCodeIssuedAt: now, createdAt: now },
      select: { id: true, joinCode: true },
    }),
  );
}

/** Replaces the class's join code: the old code and link stop working at once. Owner only. */
export async function regenerateJoinCode(
  user: ClassUser,
  input: { classId: string },
  now: Date,
): Promise<{ joinCode: string }> {
  const { classId } = ClassRefSchema.parse(input);
  await requireOwnedClass(user, classId);
  return withFreshJoinCode((joinCode) =>
    db.class.update({
      where: { id: classId, ownerId: user.id },
      data: { joinCode, joinCodeIssuedAt: now },
      select: { joinCode: true },
    }),
  );
}

export interface ClassSummary {
  id: string;
  name: string;
  teacherName: string;
  /** Owners only; null for students, who never see their classmates (not even how many). */
  studentCount: number | null;
  assignmentCount: number;
  createdAt: Date;
}

/** A teacher's own classes, or the classes a student is in; newest first. */
export async function listClassesForUser(user: ClassUser): Promise<ClassSummary[]> {
  const owner = user.role === "teacher";
  const rows = await db.class.findMany({
    where: owner
      ? { ownerId: user.id, archivedAt: null }
      : { memberships: { some: { userId: user.id } }, archivedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      createdAt: true,
      owner: { select: { name: true } },
      _count: { select: { memberships: true, assignments: true } },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    teacherName: c.owner.name,
    studentCount: owner ? c._count.memberships : null,
    assignmentCount: c._count.assignments,
    createdAt: c.createdAt,
  }));
}

export interface RosterEntry {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
}

/** The owner's view of a class: code, roster and assignments. */
export interface TeacherClassView {
  kind: "teacher";
  id: string;
  name: string;
  joinCode: string;
  joinCodeIssuedAt: Date;
  roster: RosterEntry[];
  assignments: {
    id: string;
    deckSlug: string;
    deckTitle: string;
    dueAt: Date;
    targetRecall: number;
    requireAllStudied: boolean;
  }[];
}

/** A student's view of a class they are in: no roster, only their teacher's name. */
export interface StudentClassView {
  kind: "student";
  id: string;
  name: string;
  teacherName: string;
  joinedAt: Date;
}

/**
 * The class page's data: the owner's view, a member's view, or null (the page answers 404) for
 * anyone else — other teachers included — and for ids that are not ids.
 */
export async function getClassView(
  user: ClassUser,
  classId: string,
): Promise<TeacherClassView | StudentClassView | null> {
  if (!isUuid(classId)) return null;
  const owned = await db.class.findFirst({
    where: { id: classId, ownerId: user.id },
    select: {
      id: true,
      name: true,
      joinCode: true,
      joinCodeIssuedAt: true,
      memberships: {
        orderBy: { user: { name: "asc" } },
        select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
      },
      assignments: {
        orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          dueAt: true,
          targetRecall: true,
          requireAllStudied: true,
          deck: { select: { slug: true, title: true } },
        },
      },
    },
  });
  if (owned) {
    return {
      kind: "teacher",
      id: owned.id,
      name: owned.name,
      joinCode: owned.joinCode,
      joinCodeIssuedAt: owned.joinCodeIssuedAt,
      roster: owned.memberships.map((m) => ({
        userId: m.user.id,
        name: m.user.name,
        email: m.user.email,
        joinedAt: m.joinedAt,
      })),
      assignments: owned.assignments.map((a) => ({
        id: a.id,
        deckSlug: a.deck.slug,
        deckTitle: a.deck.title,
        dueAt: a.dueAt,
        targetRecall: a.targetRecall,
        requireAllStudied: a.requireAllStudied,
      })),
    };
  }
  const membership = await db.membership.findUnique({
    where: { classId_userId: { classId, userId: user.id } },
    select: { joinedAt: true, class: { select: { id: true, name: true, owner: { select: { name: true } } } } },
  });
  if (!membership) return null;
  return {
    kind: "student",
    id: membership.class.id,
    name: membership.class.name,
    teacherName: membership.class.owner.name,
    joinedAt: membership.joinedAt,
  };
}

/** What the join page says about a code, for the user who opened it. */
export type JoinPreview =
  | { kind: "join"; classId: string; className: string; teacherName: string; code: string }
  | { kind: "member"; classId: string; className: string; teacherName: string; code: string }
  | { kind: "owner"; classId: string; className: string; teacherName: string; code: string }
  | { kind: "teacher"; classId: string; className: string; teacherName: string; code: string };

function notFoundForCode(code: string): NotFoundError {
  return new NotFoundError(
    `No class uses the code ${formatJoinCode(code)}. Check it with your teacher: they may have replaced it with a new one.`,
    "join_code_not_found",
  );
}

/** Wrong join codes a user may try per window: a class's code is its only key, so guessing is throttled. */
export const JOIN_CODE_LIMIT = { max: 20, windowMs: 60 * 60 * 1000 } as const;

/**
 * Runs a join-code lookup counted against the user's limit (RateLimitedError beyond it); a code
 * that is found takes its count back, so only wrong guesses add up.
 */
async function lookUpJoinCode<T>(user: ClassUser, now: Date, lookUp: () => Promise<T | null>): Promise<T | null> {
  const key = `join-code:user:${user.id}`;
  await countAttempt(key, JOIN_CODE_LIMIT, now, (wait) => `Too many wrong join codes. Try again in ${wait}.`);
  const found = await lookUp();
  if (found) await refundRateLimit(key);
  return found;
}

/**
 * Looks a code up for the join page: ZodError for a malformed code, NotFoundError for an unknown
 * (or replaced) one, RateLimitedError after too many wrong codes. Knowing a code is what entitles
 * someone to the class's name.
 */
export async function previewJoin(user: ClassUser, rawCode: string, now: Date): Promise<JoinPreview> {
  const { code } = JoinClassSchema.parse({ code: rawCode });
  const found = await lookUpJoinCode(user, now, () =>
    db.class.findFirst({
      where: { joinCode: code, archivedAt: null },
      select: {
        id: true,
        name: true,
        ownerId: true,
        owner: { select: { name: true } },
        memberships: { where: { userId: user.id }, select: { userId: true } },
      },
    }),
  );
  if (!found) throw notFoundForCode(code);
  const base = { classId: found.id, className: found.name, teacherName: found.owner.name, code };
  if (found.ownerId === user.id) return { kind: "owner", ...base };
  if (user.role === "teacher") return { kind: "teacher", ...base };
  return { kind: found.memberships.length > 0 ? "member" : "join", ...base };
}

export const TEACHERS_CANNOT_JOIN =
  "Teacher accounts can't join a class as students: their reviews would count in the class dashboard. Use a student account to try a class's assignments.";

/**
 * A student joins the class with this code. Joining twice is a friendly no-op
 * (`alreadyMember: true`). Teachers: 403 (see docs/decisions/003-classes.md); a malformed code:
 * ZodError; an unknown or replaced code: 404.
 *
 * @example
 * const { classId, alreadyMember } = await joinClass(student, "k7qm-4xtp", now);
 */
export async function joinClass(
  user: ClassUser,
  rawCode: string,
  now: Date,
): Promise<{ classId: string; className: string; alreadyMember: boolean }> {
  const { code } = JoinClassSchema.parse({ code: rawCode });
  if (user.role === "teacher") throw new ForbiddenError(TEACHERS_CANNOT_JOIN, "teachers_cannot_join");
  const found = await lookUpJoinCode(user, now, () =>
    db.class.findFirst({ where: { joinCode: code, archivedAt: null }, select: { id: true, name: true } }),
  );
  if (!found) throw notFoundForCode(code);
  // ON CONFLICT DO NOTHING: a double submit or two tabs joining at once both succeed, once.
  const { count } = await db.membership.createMany({
    data: [{ classId: found.id, userId: user.id, joinedAt: now }],
    skipDuplicates: true,
  });
  return { classId: found.id, className: found.name, alreadyMember: count === 0 };
}

/** A student leaves a class. Their own reviews stay theirs; the class's decks leave their list. */
export async function leaveClass(user: ClassUser, input: { classId: string }): Promise<void> {
  const { classId } = ClassRefSchema.parse(input);
  const { count } = await db.membership.deleteMany({ where: { classId, userId: user.id } });
  if (count === 0) throw new NotFoundError("You are not in this class (any more).", "not_a_member");
}

/** The owner removes a student from the class. */
export async function removeStudent(user: ClassUser, input: { classId: string; studentId: string }): Promise<void> {
  const { classId, studentId } = RemoveStudentSchema.parse(input);
  await requireOwnedClass(user, classId);
  const { count } = await db.membership.deleteMany({
    where: { classId, userId: studentId, class: { ownerId: user.id } },
  });
  if (count === 0)
    throw new NotFoundError(
      "That student is not in this class (any more). Reload the page to see the current roster.",
      "not_a_member",
    );
}
