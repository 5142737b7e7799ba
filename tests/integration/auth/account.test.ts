import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { createUser } from "@/lib/auth/users";
import { authenticate } from "@/lib/auth/sign-in";
import { createSession, findSessionUser } from "@/lib/auth/sessions";
import {
  accountDeletionPreview,
  changeName,
  changePassword,
  deleteAccount,
  exportMyData,
  PASSWORD_CHANGE_LIMIT,
} from "@/lib/auth/account";
import { createAssignment } from "@/lib/classes/assignments";
import { addMember, makeClass, makeDeck, makeUser, review } from "../classes/fixtures";
import { expectDomainError } from "../domain-errors";

const NOW = new Date("2026-11-27T09:00:00Z");
const PASSWORD = "the-analytical-engine";
const NEW_PASSWORD = "violet tractor harbour quietly";
let n = 0;
const signUp = (role: "student" | "teacher" = "student") =>
  createUser({
    name: "Ada Byron",
    email: `account${++n}-${Math.random().toString(36).slice(2, 8)}@example.org`,
    password: PASSWORD,
    role,
    timezone: "Europe/London",
  });

describe("changing the password", () => {
  it("needs the current password, then signs in with the new one only and signs out every other session", async () => {
    const user = await signUp();
    const here = await createSession(user.id, NOW);
    const elsewhere = await createSession(user.id, NOW);
    const bystander = await signUp();
    const theirs = await createSession(bystander.id, NOW);

    const wrong = await expectDomainError(
      changePassword(user, { currentPassword: "not it", newPassword: NEW_PASSWORD }, here, NOW),
      422,
      /not your current password/,
    );
    expect(wrong.details).toEqual({ fieldErrors: { currentPassword: ["That is not your current password."] } });

    await expect(
      changePassword(user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, here, NOW),
    ).resolves.toEqual({ signedOut: 1 });
    await expect(authenticate({ email: user.email, password: NEW_PASSWORD }, "10.0.0.1", NOW)).resolves.toMatchObject({
      ok: true,
    });
    await expect(authenticate({ email: user.email, password: PASSWORD }, "10.0.0.1", NOW)).resolves.toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await findSessionUser(here, NOW)).toMatchObject({ id: user.id });
    expect(await findSessionUser(elsewhere, NOW)).toBeNull();
    expect(await findSessionUser(theirs, NOW)).toMatchObject({ id: bystander.id });
  });

  it("refuses a weak new password with the sign-up rules, naming the field, and keeps the old one", async () => {
    const user = await signUp();
    for (const weak of ["password1", "Password1!", user.email, "Ada Byron 1"]) {
      const error = await expectDomainError(
        changePassword(user, { currentPassword: PASSWORD, newPassword: weak }, null, NOW),
        422,
      );
      expect(Object.keys((error.details as { fieldErrors: object }).fieldErrors)).toEqual(["newPassword"]);
    }
    await expect(changePassword(user, { currentPassword: PASSWORD, newPassword: "short" }, null, NOW)).rejects.toThrow(
      ZodError,
    );
    await expect(authenticate({ email: user.email, password: PASSWORD }, "10.0.0.2", NOW)).resolves.toMatchObject({
      ok: true,
    });
  });

  it("stops guessing after a few wrong current passwords", async () => {
    const user = await signUp();
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.max; i++)
      await expectDomainError(
        changePassword(user, { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD }, null, NOW),
        422,
      );
    await expectDomainError(
      changePassword(user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, null, NOW),
      429,
      /Too many wrong passwords/,
    );
  });
});

describe("changing the name", () => {
  it("renames only the caller, and refuses an empty name", async () => {
    const user = await signUp();
    const other = await signUp();
    await expect(changeName(user, { name: "  Ada Lovelace " })).resolves.toMatchObject({ name: "Ada Lovelace" });
    await expect(changeName(user, { name: "   " })).rejects.toThrow(ZodError);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).name).toBe("Ada Byron");
  });
});

describe("downloading one's data", () => {
  it("holds the caller's reviews and card states, and nobody else's", async () => {
    const { cards, slug } = await makeDeck({ isPublic: true });
    const student = await makeUser("student");
    const other = await makeUser("student");
    await review(student, cards[0]!, NOW, "good");
    await review(student, cards[1]!, NOW, "again");
    await review(other, cards[2]!, NOW, "easy");
    const data = await exportMyData(student, NOW);
    expect(data.account.email).toBe(student.email);
    expect(data.reviews.map((r) => [r.deck, r.card, r.rating])).toEqual([
      [slug, expect.any(String), "good"],
      [slug, expect.any(String), "again"],
    ]);
    expect(data.cardStates).toHaveLength(2);
    expect(JSON.stringify(data)).not.toContain(other.email);
    expect(data.reviews.some((r) => r.rating === "easy")).toBe(false);
  });
});

describe("deleting the account", () => {
  it("needs the email typed, then deletes the student with their reviews and nobody else's", async () => {
    const { cards } = await makeDeck({ isPublic: true });
    const student = await makeUser("student");
    const other = await makeUser("student");
    await review(student, cards[0]!, NOW, "good");
    await review(other, cards[0]!, NOW, "good");
    await expectDomainError(deleteAccount(student, { confirmEmail: "someone@else.org" }), 422, /exactly as shown/);
    expect(await db.user.count({ where: { id: student.id } })).toBe(1);

    await deleteAccount(student, { confirmEmail: ` ${student.email.toUpperCase()} ` });
    expect(await db.user.count({ where: { id: student.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: student.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: other.id } })).toBe(1);
  });

  it("lists a teacher's classes first, then deletes them and the teacher's private decks; students keep their reviews", async () => {
    const teacher = await makeUser("teacher");
    const otherTeacher = await makeUser("teacher");
    const student = await makeUser("student");
    const { classId } = await makeClass(teacher, NOW, "Year 9 History");
    await addMember(classId, student);
    const assigned = await makeDeck({ ownerId: teacher.id });
    const unused = await makeDeck({ ownerId: teacher.id });
    const publicDeck = await makeDeck({ ownerId: teacher.id, isPublic: true });
    const sharedDeck = await makeDeck({ ownerId: teacher.id });
    await createAssignment(
      teacher,
      { classId, deckId: assigned.deckId, dueDate: "2026-12-20", targetPercent: 80, requireAllStudied: false },
      NOW,
    );
    // Another teacher's class assigns one of the teacher's decks (as it could while the deck was public).
    const { classId: elsewhere } = await makeClass(otherTeacher, NOW, "Elsewhere");
    await db.assignment.create({
      data: { classId: elsewhere, deckId: sharedDeck.deckId, dueAt: new Date("2026-12-20T23:59:00Z") },
    });
    await review(student, assigned.cards[0]!, NOW, "good");
    await review(student, publicDeck.cards[0]!, NOW, "good");

    await expect(accountDeletionPreview(teacher)).resolves.toMatchObject({
      classes: [{ id: classId, name: "Year 9 History", students: 1 }],
    });
    await deleteAccount(teacher, { confirmEmail: teacher.email });

    expect(await db.class.count({ where: { id: classId } })).toBe(0);
    expect(await db.class.count({ where: { id: elsewhere } })).toBe(1);
    const decks = await db.deck.findMany({
      where: { id: { in: [assigned, unused, publicDeck, sharedDeck].map((d) => d.deckId) } },
      select: { id: true, ownerId: true },
    });
    expect(decks.map((d) => d.id).sort()).toEqual([publicDeck.deckId, sharedDeck.deckId].sort());
    expect(decks.every((d) => d.ownerId === null)).toBe(true);
    expect(await db.user.count({ where: { id: student.id } })).toBe(1);
    expect(await db.reviewLog.count({ where: { userId: student.id, deckId: publicDeck.deckId } })).toBe(1);
  });
});
