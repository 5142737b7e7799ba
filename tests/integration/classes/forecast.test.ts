import { dateDiffInDays, default_w, fsrs, generatorParameters, type StepUnit } from "ts-fsrs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { PublicUser } from "@/lib/auth/users";
import { createAssignment, listStudentAssignments } from "@/lib/classes/assignments";
import { computeAssignmentDashboard } from "@/lib/classes/dashboard";
import { at, DAY, HOUR, makeClass, makeDeck, makeUser, review } from "./fixtures";
import { joinClass } from "@/lib/classes/classes";

// Predicted recall on the due date is checked here against ts-fsrs called directly on the stored
// card states, not against lib/srs: the mean over the deck's cards (unseen cards counting as 0) of
// ts-fsrs's forgetting curve at the student's days since the last review. These students are on
// UTC with days starting at 4 am (the defaults), so their days are ts-fsrs's calendar days
// (dateDiffInDays) four hours late. (tests/integration/classes/study-day-forecast.test.ts covers
// other zones and tricky times.)

const T0 = new Date("2026-11-02T09:00:00Z");
const DUE = new Date("2026-11-16T23:59:00Z");

const DAY_START = 4 * HOUR;

let teacher: PublicUser;
let students: PublicUser[];
let deck: Awaited<ReturnType<typeof makeDeck>>;
let classId: string;
let assignmentId: string;

async function expectedRecall(
  userId: string,
  forecastAt: Date,
  w?: number[],
  count: "student days" | "24-hour periods" = "student days",
): Promise<{ perCard: Map<string, number>; mean: number }> {
  const deckRow = await db.deck.findUniqueOrThrow({ where: { id: deck.deckId } });
  const scheduler = fsrs(
    generatorParameters({
      request_retention: deckRow.desiredRetention,
      maximum_interval: deckRow.maximumInterval,
      enable_fuzz: false,
      enable_short_term: true,
      learning_steps: deckRow.learningSteps as StepUnit[],
      relearning_steps: deckRow.relearningSteps as StepUnit[],
      ...(w ? { w } : {}),
    }),
  );
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  expect([user.timezone, user.dayStartHour]).toEqual(["UTC", 4]);
  const rows = await db.cardState.findMany({ where: { userId, deckId: deck.deckId } });
  const perCard = new Map<string, number>();
  for (const card of deck.cards) perCard.set(card.id, 0);
  for (const row of rows) {
    if (row.state === "new" || row.lastReview === null) continue;
    const days =
      count === "student days"
        ? dateDiffInDays(at(row.lastReview, -DAY_START), at(forecastAt, -DAY_START))
        : Math.floor((forecastAt.getTime() - row.lastReview.getTime()) / DAY);
    perCard.set(row.cardId, scheduler.forgetting_curve(Math.max(days, 0), +row.stability.toFixed(8)));
  }
  const mean = [...perCard.values()].reduce((a, b) => a + b, 0) / deck.cards.length;
  return { perCard, mean };
}

beforeAll(async () => {
  teacher = await makeUser("teacher");
  deck = await makeDeck({ basic: 5, ownerId: teacher.id });
  const cls = await makeClass(teacher, T0);
  classId = cls.classId;
  ({ id: assignmentId } = await createAssignment(
    teacher,
    { classId, deckId: deck.deckId, dueDate: "2026-11-16", targetPercent: 80, requireAllStudied: true },
    T0,
  ));
  expect((await db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).dueAt).toEqual(DUE);
  students = [
    await makeUser("student", "Ana"),
    await makeUser("student", "Ben"),
    await makeUser("student", "Cy"),
    await makeUser("student", "Dee"),
  ];
  for (const s of students) await joinClass(s, cls.joinCode, T0);
  const [ana, ben, cy] = students as [PublicUser, PublicUser, PublicUser, PublicUser];
  const [c0, c1, c2, c3] = deck.cards as [
    (typeof deck.cards)[0],
    (typeof deck.cards)[0],
    (typeof deck.cards)[0],
    (typeof deck.cards)[0],
  ];

  // Ana: three cards over a week, with a lapse and relearning.
  await review(ana, c0, T0, "good");
  await review(ana, c0, at(T0, 10 * 60_000), "good");
  await review(ana, c0, at(T0, 3 * DAY), "again");
  await review(ana, c0, at(T0, 3 * DAY + 10 * 60_000), "good");
  await review(ana, c1, T0, "easy");
  await review(ana, c1, at(T0, 6 * DAY), "hard");
  await review(ana, c2, at(T0, 5 * DAY), "hard");
  // Ben and Cy rate c3 "good" once on the same day, six hours apart: the same stability and the same
  // whole number of days to the due date. Both rate c0 "easy" once, a day and a few hours apart:
  // the same stability, one day apart.
  await review(ben, c3, at(T0, 2 * DAY), "good");
  await review(cy, c3, at(T0, 2 * DAY + 6 * HOUR), "good");
  await review(ben, c0, at(T0, 4 * DAY), "easy");
  await review(cy, c0, at(T0, 5 * DAY + 3 * HOUR), "easy");
  // Dee has not started.
});

describe("predicted recall on the due date", () => {
  it("is each student's mean recall on the due date by ts-fsrs's forgetting curve at their days, unseen cards counting as 0", async () => {
    const now = at(T0, 7 * DAY);
    const dashboard = await computeAssignmentDashboard(teacher, { classId, assignmentId }, now);
    expect(dashboard.forecastAt).toEqual(DUE);
    for (const student of students) {
      const expected = await expectedRecall(student.id, DUE);
      const row = dashboard.students.find((s) => s.userId === student.id)!;
      expect(row.predictedRecall).toBeCloseTo(expected.mean, 12);
      const [own] = await listStudentAssignments(student, now);
      expect(own!.predictedRecall).toBeCloseTo(expected.mean, 12);
    }
    expect(dashboard.students.find((s) => s.name === "Dee")!.predictedRecall).toBe(0);
  });

  it("gives each card the class mean of its predicted recall, and the class the mean over every student and card", async () => {
    const dashboard = await computeAssignmentDashboard(teacher, { classId, assignmentId }, at(T0, 7 * DAY));
    const expected = await Promise.all(students.map((s) => expectedRecall(s.id, DUE)));
    for (const card of deck.cards) {
      const mean = expected.reduce((sum, e) => sum + e.perCard.get(card.id)!, 0) / students.length;
      expect(dashboard.cards.find((c) => c.cardId === card.id)!.predictedRecall).toBeCloseTo(mean, 12);
    }
    expect(dashboard.classRecall).toBeCloseTo(expected.reduce((sum, e) => sum + e.mean, 0) / students.length, 12);
  });

  it("holds for states that share a stability, with the same or another whole number of days to go", async () => {
    const rows = await db.cardState.findMany({
      where: {
        cardId: { in: [deck.cards[0]!.id, deck.cards[3]!.id] },
        userId: { in: [students[1]!.id, students[2]!.id] },
      },
    });
    const ben = rows.filter((r) => r.userId === students[1]!.id);
    const cy = rows.filter((r) => r.userId === students[2]!.id);
    for (const cardId of [deck.cards[0]!.id, deck.cards[3]!.id]) {
      expect(ben.find((r) => r.cardId === cardId)!.stability).toBe(cy.find((r) => r.cardId === cardId)!.stability);
    }
    const [benExpected, cyExpected] = [
      await expectedRecall(students[1]!.id, DUE),
      await expectedRecall(students[2]!.id, DUE),
    ];
    expect(benExpected.perCard.get(deck.cards[0]!.id)).not.toBe(cyExpected.perCard.get(deck.cards[0]!.id));
    expect(benExpected.perCard.get(deck.cards[3]!.id)).toBe(cyExpected.perCard.get(deck.cards[3]!.id));
    const dashboard = await computeAssignmentDashboard(teacher, { classId, assignmentId }, at(T0, 7 * DAY));
    expect(dashboard.students.find((s) => s.userId === students[1]!.id)!.predictedRecall).toBeCloseTo(
      benExpected.mean,
      12,
    );
    expect(dashboard.students.find((s) => s.userId === students[2]!.id)!.predictedRecall).toBeCloseTo(
      cyExpected.mean,
      12,
    );
  });

  it("is forecast for today once the due date has passed", async () => {
    const later = at(DUE, 5 * DAY);
    const dashboard = await computeAssignmentDashboard(teacher, { classId, assignmentId }, later);
    expect(dashboard.pastDue).toBe(true);
    expect(dashboard.forecastAt).toEqual(later);
    const expected = await expectedRecall(students[0]!.id, later);
    expect(dashboard.students.find((s) => s.userId === students[0]!.id)!.predictedRecall).toBeCloseTo(
      expected.mean,
      12,
    );
  });

  it("counts the student's days, not 24-hour periods, when the forecast is earlier in the day than the reviews", async () => {
    // 06:00 UTC, after the 4 am day start: the day after 09:00–12:00 reviews, not a whole 24 hours.
    const later = at(DUE, 5 * DAY + 6 * HOUR + 60_000);
    const dashboard = await computeAssignmentDashboard(teacher, { classId, assignmentId }, later);
    expect(dashboard.forecastAt).toEqual(later);
    for (const student of students.slice(0, 3)) {
      const expected = await expectedRecall(student.id, later);
      const periods = await expectedRecall(student.id, later, undefined, "24-hour periods");
      expect(expected.mean).toBeLessThan(periods.mean);
      expect(dashboard.students.find((s) => s.userId === student.id)!.predictedRecall).toBeCloseTo(expected.mean, 12);
      const [own] = await listStudentAssignments(student, later);
      expect(own!.predictedRecall).toBeCloseTo(expected.mean, 12);
    }
  });

  it("uses each student's own parameter set: a fitted forgetting curve, and the defaults for the others", async () => {
    const [ana, ben] = students as [PublicUser, PublicUser];
    // A set whose curve falls faster than the defaults' (w20 0.5 instead of 0.1542), other weights as fitted.
    const w = [...default_w].map((x, i) => (i === 20 ? 0.5 : i < 4 ? x * 0.8 : x));
    const set = await db.parameterSet.create({
      data: { scope: "student", userId: ana.id, parameters: w, trainingSize: 500, version: 1 },
    });
    await db.parameterPick.create({ data: { userId: ana.id, parameterSetId: set.id, scope: "student" } });
    try {
      const dashboard = await computeAssignmentDashboard(teacher, { classId, assignmentId }, at(T0, 7 * DAY));
      const own = await expectedRecall(ana.id, DUE, w);
      const withDefaults = await expectedRecall(ana.id, DUE);
      const row = (id: string) => dashboard.students.find((s) => s.userId === id)!;
      expect(own.mean).toBeLessThan(withDefaults.mean - 0.01);
      expect(row(ana.id).predictedRecall).toBeCloseTo(own.mean, 12);
      expect(row(ben.id).predictedRecall).toBeCloseTo((await expectedRecall(ben.id, DUE)).mean, 12);
    } finally {
      await db.parameterPick.delete({ where: { userId: ana.id } });
      await db.parameterSet.delete({ where: { id: set.id } });
    }
  });
});
