import { beforeAll, describe, expect, it } from "vitest";
import type { PublicUser } from "@/lib/auth/users";
import { createAssignment, listStudentAssignments } from "@/lib/classes/assignments";
import { computeAssignmentDashboard } from "@/lib/classes/dashboard";
import { assignmentStatus, daysLeft, forecastDate, OVERDUE_GRACE_MS, predictedRecall, type AssignmentTerms } from "@/lib/classes/status";
import { addMember, at, DAY, HOUR, makeClass, makeDeck, makeUser, review } from "./fixtures";

const NOW = new Date("2026-11-02T09:00:00Z");
const DUE = new Date("2026-11-12T23:59:00Z");
const terms: AssignmentTerms = { dueAt: DUE, targetRecall: 0.8, requireAllStudied: true, newCardsPerDay: 20 };

describe("assignment status rules (pure, pinned clock)", () => {
  const progress = (studied: number, recallSum: number, overdue = 0, cardCount = 10) => ({ cardCount, studied, recallSum, overdue });

  it("is not started before the first card, even after the due date", () => {
    expect(assignmentStatus(progress(0, 0), terms, NOW)).toBe("not_started");
    expect(assignmentStatus(progress(0, 0), terms, at(DUE, DAY))).toBe("not_started");
  });

  it("is done with every card studied and the forecast at the target, and not one card short of it", () => {
    expect(assignmentStatus(progress(10, 8), terms, NOW)).toBe("done");
    expect(assignmentStatus(progress(10, 7.99), terms, NOW)).not.toBe("done");
    expect(assignmentStatus(progress(9, 8.9), terms, NOW)).toBe("on_track");
    expect(assignmentStatus(progress(9, 8.9), { ...terms, requireAllStudied: false }, NOW)).toBe("done");
  });

  it("is on track when the cards studied so far meet the target on the due date", () => {
    expect(assignmentStatus(progress(4, 3.2), terms, NOW)).toBe("on_track");
    expect(assignmentStatus(progress(4, 3.19), terms, NOW)).toBe("in_progress");
  });

  it("is in progress below target while keeping up, and behind once a review is more than a day overdue", () => {
    expect(assignmentStatus(progress(4, 2, 0), terms, NOW)).toBe("in_progress");
    expect(assignmentStatus(progress(4, 2, 1), terms, NOW)).toBe("behind");
    expect(OVERDUE_GRACE_MS).toBe(DAY);
  });

  it("is behind when too many cards are left for the deck's new-card limit before the due date", () => {
    expect(daysLeft(DUE, NOW)).toBe(11);
    const slow = { ...terms, newCardsPerDay: 1 };
    expect(assignmentStatus(progress(4, 4, 0, 15), slow, NOW)).toBe("on_track"); // 11 left, 11 days
    expect(assignmentStatus(progress(3, 3, 0, 15), slow, NOW)).toBe("behind"); // 12 left, 11 days
    expect(assignmentStatus(progress(3, 3, 0, 15), { ...slow, requireAllStudied: false }, NOW)).toBe("on_track");
  });

  it("is behind once the due date has passed without reaching the target", () => {
    expect(assignmentStatus(progress(4, 3.9), terms, DUE)).toBe("behind");
    expect(assignmentStatus(progress(10, 9), terms, DUE)).toBe("done");
  });

  it("forecasts for the due date, and for today once it has passed", () => {
    expect(forecastDate(DUE, NOW)).toEqual(DUE);
    expect(forecastDate(DUE, at(DUE, 3 * DAY))).toEqual(at(DUE, 3 * DAY));
    expect(predictedRecall({ cardCount: 4, recallSum: 3 })).toBe(0.75);
    expect(predictedRecall({ cardCount: 0, recallSum: 0 })).toBe(0);
  });
});

describe("assignment status from real reviews, with a pinned clock", () => {
  let teacher: PublicUser;
  let deck: Awaited<ReturnType<typeof makeDeck>>;
  beforeAll(async () => {
    teacher = await makeUser("teacher");
    deck = await makeDeck({ basic: 3, ownerId: teacher.id });
  });

  /** A class with one student and this deck assigned, due at 23:59 UTC on `dueDate`. */
  async function setUp(dueDate: string) {
    const { classId } = await makeClass(teacher, NOW);
    const student = await makeUser("student");
    await addMember(classId, student);
    const { id: assignmentId } = await createAssignment(teacher, { classId, deckId: deck.deckId, dueDate, targetPercent: 80, requireAllStudied: true }, NOW);
    const statusAt = async (now: Date) => {
      const [mine] = await listStudentAssignments(student, now);
      const dashboard = await computeAssignmentDashboard(teacher, { classId, assignmentId }, now);
      // The student's own list and the teacher's dashboard agree.
      expect(dashboard.students[0]).toMatchObject({ status: mine!.status, predictedRecall: mine!.predictedRecall, cardsStarted: mine!.studied });
      return mine!;
    };
    return { student, statusAt };
  }

  it("goes from not started to in progress, then behind when reviews lapse overdue", async () => {
    const { student, statusAt } = await setUp("2026-11-12");
    expect((await statusAt(NOW)).status).toBe("not_started");

    await review(student, deck.cards[0]!, NOW, "good");
    const started = await statusAt(at(NOW, HOUR));
    expect(started.studied).toBe(1);
    expect(started.predictedRecall).toBeLessThan(0.8 / 3);
    expect(started.status).toBe("in_progress");

    // The card's 10-minute learning step was never done: more than a day overdue.
    expect((await statusAt(at(NOW, 25 * HOUR))).status).toBe("behind");
  });

  it("is on track when what was studied will be remembered on a near due date, and done once every card is", async () => {
    const { student, statusAt } = await setUp("2026-11-03");
    await review(student, deck.cards[0]!, NOW, "easy");
    const one = await statusAt(at(NOW, HOUR));
    expect(one.predictedRecall * 3).toBeGreaterThanOrEqual(0.8);
    expect(one.status).toBe("on_track");

    await review(student, deck.cards[1]!, at(NOW, 2 * HOUR), "easy");
    await review(student, deck.cards[2]!, at(NOW, 3 * HOUR), "easy");
    const all = await statusAt(at(NOW, 4 * HOUR));
    expect(all.studied).toBe(3);
    expect(all.predictedRecall).toBeGreaterThanOrEqual(0.8);
    expect(all.status).toBe("done");
  });

  it("is behind after the due date when the target was missed", async () => {
    const { student, statusAt } = await setUp("2026-11-03");
    await review(student, deck.cards[0]!, NOW, "easy");
    expect((await statusAt(new Date("2026-11-04T09:00:00Z"))).status).toBe("behind");
  });
});
