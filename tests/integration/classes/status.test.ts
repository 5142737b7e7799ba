import { beforeAll, describe, expect, it } from "vitest";
import type { PublicUser } from "@/lib/auth/users";
import { createAssignment, listStudentAssignments } from "@/lib/classes/assignments";
import { computeAssignmentDashboard } from "@/lib/classes/dashboard";
import { addMember, at, HOUR, makeClass, makeDeck, makeUser, review } from "./fixtures";

const NOW = new Date("2026-11-02T09:00:00Z");

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
    const { id: assignmentId } = await createAssignment(
      teacher,
      { classId, deckId: deck.deckId, dueDate, targetPercent: 80, requireAllStudied: true },
      NOW,
    );
    const statusAt = async (now: Date) => {
      const [mine] = await listStudentAssignments(student, now);
      const dashboard = await computeAssignmentDashboard(teacher, { classId, assignmentId }, now);
      // The student's own list and the teacher's dashboard agree.
      expect(dashboard.students[0]).toMatchObject({
        status: mine!.status,
        predictedRecall: mine!.predictedRecall,
        cardsStarted: mine!.studied,
      });
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
