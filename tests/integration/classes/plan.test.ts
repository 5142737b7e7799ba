import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { PublicUser } from "@/lib/auth/users";
import { createAssignment } from "@/lib/classes/assignments";
import { applyAssignmentRetention, computeAssignmentPlan, DEFAULT_SECONDS_PER_REVIEW } from "@/lib/classes/plan";
import { PLAN_RETENTIONS } from "@/lib/srs/plan";
import { assignedRetention } from "@/lib/study/assigned-retention";
import { fetchQueue } from "@/lib/study/queue";
import { addMember, at, DAY, makeClass, makeDeck, makeUser, review } from "./fixtures";
import { expectDomainError } from "../domain-errors";

// Plan to a date (issue 11, point 5): the plan a teacher sees, applying its retention, and the
// class's students then scheduled with it.

const NOW = new Date("2026-11-30T16:00:00Z");

type Deck = Awaited<ReturnType<typeof makeDeck>>;
let deck: Deck;
beforeAll(async () => {
  deck = await makeDeck({ basic: 6, isPublic: true });
});

async function classWithAssignment(dueDate = "2026-12-21") {
  const teacher = await makeUser("teacher");
  const student = await makeUser("student");
  const { classId } = await makeClass(teacher, NOW);
  await addMember(classId, student);
  const { id: assignmentId } = await createAssignment(
    teacher,
    { classId, deckId: deck.deckId, dueDate, targetPercent: 80, requireAllStudied: true },
    NOW,
  );
  return { teacher, student, classId, assignmentId };
}

/** Learns the deck's first card (good, good) on NOW's day; returns the card. */
async function learnFirstCard(student: PublicUser) {
  const card = deck.cards[0]!;
  await review(student, card, NOW, "good");
  await review(student, card, at(NOW, 10 * 60_000), "good");
  return card;
}

describe("the plan to a date", () => {
  it("simulates each retention for the class and recommends the lowest that meets the target", async () => {
    const { teacher, classId, assignmentId, student } = await classWithAssignment();
    await learnFirstCard(student);
    const plan = await computeAssignmentPlan(teacher, { classId, assignmentId }, NOW);
    expect(plan.points.map((p) => p.retention)).toEqual(PLAN_RETENTIONS);
    expect(plan.model).toBe("default");
    expect(plan.students).toBe(1);
    // Two timed answers are too few: the documented default.
    expect(plan.secondsPerReview).toBe(DEFAULT_SECONDS_PER_REVIEW);
    expect(plan.applied).toBeNull();
    expect(plan.targetRecall).toBe(0.8);
    const meets = plan.points.filter((p) => p.recallAtDue >= 0.8);
    expect(plan.recommended).toEqual(meets[0] ?? null);
    expect(plan.points.at(-1)!.minutesPerDay).toBeGreaterThan(plan.points[0]!.minutesPerDay);
    // Repeatable: seeded by the assignment and the day.
    expect(await computeAssignmentPlan(teacher, { classId, assignmentId }, NOW)).toEqual(plan);
  });

  it("is the class owner's alone", async () => {
    const { classId, assignmentId, student } = await classWithAssignment();
    const other = await makeUser("teacher");
    await expectDomainError(computeAssignmentPlan(student, { classId, assignmentId }, NOW), 403);
    await expectDomainError(computeAssignmentPlan(other, { classId, assignmentId }, NOW), 404);
    await expectDomainError(applyAssignmentRetention(student, { classId, assignmentId, retentionPercent: "70" }), 403);
    await expectDomainError(applyAssignmentRetention(other, { classId, assignmentId, retentionPercent: "70" }), 404);
    expect((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).desiredRetention).toBeNull();
  });

  it("refuses a retention outside 70–99% with a clear message", async () => {
    const { teacher, classId, assignmentId } = await classWithAssignment();
    await expect(applyAssignmentRetention(teacher, { classId, assignmentId, retentionPercent: "60" })).rejects.toThrow(
      /at least 70%/,
    );
    await expect(
      applyAssignmentRetention(teacher, { classId, assignmentId, retentionPercent: "85.5" }),
    ).rejects.toThrow(/whole percentage/);
    // No field at all is not "the deck's own" (that is the empty choice).
    await expect(applyAssignmentRetention(teacher, { classId, assignmentId } as never)).rejects.toThrow(
      /Pick a retention between 70% and 99%, or the deck's own/,
    );
    expect((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).desiredRetention).toBeNull();
  });
});

describe("an applied retention schedules the class's students", () => {
  it("changes the next review's interval for a student of the class, and not for anyone else", async () => {
    const { teacher, student, classId, assignmentId } = await classWithAssignment();
    const outsider = await makeUser("student");
    const card = await learnFirstCard(student);
    await learnFirstCard(outsider);
    const reviewAt = at(NOW, 3 * DAY);

    expect(await applyAssignmentRetention(teacher, { classId, assignmentId, retentionPercent: "70" })).toBe(0.7);
    expect(await assignedRetention(student.id, deck.deckId, reviewAt)).toMatchObject({
      retention: 0.7,
      targetRecall: 0.8,
    });
    expect(await assignedRetention(outsider.id, deck.deckId, reviewAt)).toBeNull();

    // The buttons say it before the review does it.
    const queue = await fetchQueue(student, deck.slug, reviewAt);
    const outsiderQueue = await fetchQueue(outsider, deck.slug, reviewAt);
    const labelOf = (q: typeof queue) => q.cards.find((c) => c.cardId === card.id)?.intervals?.good.due.getTime();
    expect(labelOf(queue)).toBeGreaterThan(labelOf(outsiderQueue)!);

    const mine = await review(student, card, reviewAt, "good");
    const theirs = await review(outsider, card, reviewAt, "good");
    // 70% retention waits longer than the deck's 90% for the same memory.
    expect(mine.state.due.getTime()).toBeGreaterThan(theirs.state.due.getTime());
    expect(mine.state.due.getTime()).toBe(labelOf(queue));

    // Back to the deck's own: the same review schedules as the outsider's.
    expect(await applyAssignmentRetention(teacher, { classId, assignmentId, retentionPercent: "" })).toBeNull();
    const again = await makeUser("student");
    await addMember(classId, again);
    await learnFirstCard(again);
    const plain = await review(again, card, reviewAt, "good");
    expect(plain.state.due.getTime()).toBe(theirs.state.due.getTime());
  });

  it("takes the highest of two classes' retentions for one deck, and none after the due date", async () => {
    const first = await classWithAssignment("2026-12-21");
    const secondTeacher = await makeUser("teacher");
    const { classId: secondClass } = await makeClass(secondTeacher, NOW, "Second class");
    await addMember(secondClass, first.student);
    const { id: secondAssignment } = await createAssignment(
      secondTeacher,
      { classId: secondClass, deckId: deck.deckId, dueDate: "2026-12-10", targetPercent: 90, requireAllStudied: true },
      NOW,
    );
    await applyAssignmentRetention(first.teacher, {
      classId: first.classId,
      assignmentId: first.assignmentId,
      retentionPercent: "80",
    });
    await applyAssignmentRetention(secondTeacher, {
      classId: secondClass,
      assignmentId: secondAssignment,
      retentionPercent: "95",
    });
    const assigned = await assignedRetention(first.student.id, deck.deckId, NOW);
    expect(assigned).toMatchObject({ retention: 0.95, className: "Second class" });
    // The instant the assignment is due, exactly as stored (read back as text, not through a zone).
    const stored = await db.assignment.findUniqueOrThrow({ where: { id: secondAssignment } });
    expect(assigned?.dueAt.toISOString()).toBe(stored.dueAt.toISOString());
    // The second assignment is due on Dec 10: after it, the first class's applies; after both, none.
    expect(await assignedRetention(first.student.id, deck.deckId, new Date("2026-12-15T12:00:00Z"))).toMatchObject({
      retention: 0.8,
    });
    expect(await assignedRetention(first.student.id, deck.deckId, new Date("2026-12-25T12:00:00Z"))).toBeNull();
  });
});
