import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { httpStatusOf } from "@/app/_lib/route";
import { answerOfRejection } from "../domain-errors";
import { listDecksForUser } from "@/lib/content/decks";
import { createAssignment } from "@/lib/classes/assignments";
import {
  createClass,
  joinClass,
  leaveClass,
  listClassesForUser,
  previewJoin,
  regenerateJoinCode,
  removeStudent,
  TEACHERS_CANNOT_JOIN,
} from "@/lib/classes/classes";
import { formatJoinCode } from "@/lib/classes/join-code";
import { makeClass, makeDeck, makeUser } from "./fixtures";

const NOW = new Date("2026-11-27T09:00:00Z");
const LATER = new Date("2026-11-28T09:00:00Z");

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("creating a class", () => {
  it("gives a teacher a class with a fresh code, and refuses students", async () => {
    const teacher = await makeUser("teacher");
    const { id, joinCode } = await createClass(teacher, { name: "  History 11B  " }, NOW);
    const row = await db.class.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ name: "History 11B", ownerId: teacher.id, joinCode, joinCodeIssuedAt: NOW });

    const student = await makeUser("student");
    const error = await rejection(createClass(student, { name: "Mine" }, NOW));
    expect(error).toBeInstanceOf(DomainError);
    expect({ status: httpStatusOf(error as DomainError), message: (error as DomainError).message }).toMatchObject({
      status: 403,
      message: expect.stringMatching(/Only teacher accounts can create classes/),
    });
    await expect(createClass(teacher, { name: "   " }, NOW)).rejects.toThrow(ZodError);
  });
});

describe("joining a class", () => {
  it("answers a wrong code with 404 and a message naming the code", async () => {
    const student = await makeUser("student");
    const error = await rejection(joinClass(student, "zzzz-zzzz", NOW));
    expect(error).toBeInstanceOf(DomainError);
    expect({ status: httpStatusOf(error as DomainError), message: (error as DomainError).message }).toMatchObject({
      status: 404,
      message:
        "No class uses the code ZZZZ-ZZZZ. Check it with your teacher: they may have replaced it with a new one.",
    });
    await expect(joinClass(student, "not a code", NOW)).rejects.toThrow(ZodError);
    expect(await db.membership.count({ where: { userId: student.id } })).toBe(0);
  });

  it("joins with the code as typed, and a second join is a friendly no-op", async () => {
    const teacher = await makeUser("teacher");
    const { classId, joinCode } = await makeClass(teacher, NOW);
    const student = await makeUser("student");
    const typed = formatJoinCode(joinCode).toLowerCase();

    expect(await joinClass(student, typed, NOW)).toEqual({ classId, className: "History 11B", alreadyMember: false });
    expect(await joinClass(student, typed, LATER)).toEqual({ classId, className: "History 11B", alreadyMember: true });
    const memberships = await db.membership.findMany({ where: { classId } });
    expect(memberships).toEqual([{ classId, userId: student.id, joinedAt: NOW }]);
    expect((await previewJoin(student, joinCode, NOW)).kind).toBe("member");
  });

  it("lets two joins racing from two tabs both succeed, with one membership", async () => {
    const teacher = await makeUser("teacher");
    const { classId, joinCode } = await makeClass(teacher, NOW);
    const student = await makeUser("student");
    const results = await Promise.all([joinClass(student, joinCode, NOW), joinClass(student, joinCode, NOW)]);
    expect(results.map((r) => r.alreadyMember).sort()).toEqual([false, true]);
    expect(await db.membership.count({ where: { classId } })).toBe(1);
  });

  it("stops the old code working once the teacher regenerates it; members stay", async () => {
    const teacher = await makeUser("teacher");
    const { classId, joinCode: oldCode } = await makeClass(teacher, NOW);
    const early = await makeUser("student");
    await joinClass(early, oldCode, NOW);

    const { joinCode: newCode } = await regenerateJoinCode(teacher, { classId }, LATER);
    expect(newCode).not.toBe(oldCode);
    expect(await db.class.findUniqueOrThrow({ where: { id: classId } })).toMatchObject({
      joinCode: newCode,
      joinCodeIssuedAt: LATER,
    });

    const late = await makeUser("student");
    await expect(answerOfRejection(joinClass(late, oldCode, LATER))).resolves.toMatchObject({ status: 404 });
    await expect(answerOfRejection(previewJoin(late, oldCode, LATER))).resolves.toMatchObject({ status: 404 });
    expect(await joinClass(late, newCode, LATER)).toMatchObject({ classId, alreadyMember: false });
    expect(await db.membership.count({ where: { classId } })).toBe(2);
  });

  it("refuses teacher accounts, even their own class's code", async () => {
    const owner = await makeUser("teacher");
    const { joinCode } = await makeClass(owner, NOW);
    const colleague = await makeUser("teacher");
    await expect(answerOfRejection(joinClass(colleague, joinCode, NOW))).resolves.toMatchObject({
      status: 403,
      message: TEACHERS_CANNOT_JOIN,
    });
    await expect(answerOfRejection(joinClass(owner, joinCode, NOW))).resolves.toMatchObject({ status: 403 });
    expect((await previewJoin(colleague, joinCode, NOW)).kind).toBe("teacher");
    expect((await previewJoin(owner, joinCode, NOW)).kind).toBe("owner");
  });
});

describe("membership", () => {
  it("puts a student in several classes; assigned decks join their list and leave it when they leave", async () => {
    const teacher = await makeUser("teacher");
    const history = await makeClass(teacher, NOW, "History");
    const civics = await makeClass(teacher, NOW, "Civics");
    const { deckId, slug } = await makeDeck({ isPublic: false, ownerId: teacher.id });
    await createAssignment(
      teacher,
      { classId: history.classId, deckId, dueDate: "2026-12-10", targetPercent: 80, requireAllStudied: true },
      NOW,
    );

    const student = await makeUser("student");
    await joinClass(student, history.joinCode, NOW);
    await joinClass(student, civics.joinCode, NOW);
    expect((await listClassesForUser(student)).map((c) => c.name).sort()).toEqual(["Civics", "History"]);
    expect((await listClassesForUser(student)).every((c) => c.studentCount === null)).toBe(true);
    expect((await listDecksForUser(student, NOW)).map((d) => d.slug)).toContain(slug);

    await leaveClass(student, { classId: history.classId });
    expect((await listClassesForUser(student)).map((c) => c.name)).toEqual(["Civics"]);
    expect((await listDecksForUser(student, NOW)).map((d) => d.slug)).not.toContain(slug);
    await expect(answerOfRejection(leaveClass(student, { classId: history.classId }))).resolves.toMatchObject({
      status: 404,
    });
  });

  it("lets the owner remove a student, who can rejoin with the code", async () => {
    const teacher = await makeUser("teacher");
    const { classId, joinCode } = await makeClass(teacher, NOW);
    const student = await makeUser("student");
    await joinClass(student, joinCode, NOW);
    await removeStudent(teacher, { classId, studentId: student.id });
    expect(await db.membership.count({ where: { classId } })).toBe(0);
    await expect(answerOfRejection(removeStudent(teacher, { classId, studentId: student.id }))).resolves.toMatchObject({
      status: 404,
    });
    expect(await joinClass(student, joinCode, LATER)).toMatchObject({ alreadyMember: false });
  });
});
