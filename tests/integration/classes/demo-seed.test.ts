import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEMO_USERS, ensureDemoUsers, syncContentDecks } from "@/lib/demo/seed";
import { DEMO_CLASS_DECK, DEMO_CLASS_NAME, seedDemoClass, SYNTHETIC_STUDENTS } from "@/lib/demo/classes";
import { computeAssignmentDashboard } from "@/lib/classes/dashboard";
import { gradeCard, newMemoryState, type MemoryState } from "@/lib/srs";
import { memoryStateOf, snapshotFromJson } from "@/lib/study/memory";
import { deckSrsSettings } from "@/lib/study/settings";

const NOW = new Date("2026-11-27T09:00:00Z");

/** Seeding is idempotent, so each test that reads the demo class seeds it first. */
async function seedDemo() {
  await syncContentDecks(NOW);
  await ensureDemoUsers();
  await seedDemoClass(NOW);
}

describe("the demo class", () => {
  it("is seeded once: the demo teacher's class with the demo student and twelve classmates, all with histories, and an assignment", async () => {
    await syncContentDecks(NOW);
    await ensureDemoUsers();
    await seedDemoClass(NOW);
    const counts = async () => ({
      classes: await db.class.count(),
      users: await db.user.count(),
      logs: await db.reviewLog.count(),
      states: await db.cardState.count(),
    });
    const first = await counts();
    await seedDemoClass(new Date(NOW.getTime() + 86_400_000));
    expect(await counts()).toEqual(first);

    const teacher = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } });
    const cls = await db.class.findFirstOrThrow({
      where: { ownerId: teacher.id },
      include: { memberships: { include: { user: true } }, assignments: true },
    });
    expect(cls.name).toBe(DEMO_CLASS_NAME);
    expect(cls.memberships.map((m) => m.user.email).sort()).toEqual(
      [DEMO_USERS[1].email, ...SYNTHETIC_STUDENTS.map((s) => s.email)].sort(),
    );
    expect(cls.memberships.filter((m) => m.user.passwordHash !== null).map((m) => m.user.email)).toEqual([
      DEMO_USERS[1].email,
    ]);
    const [assignment] = cls.assignments;
    expect(assignment!.dueAt.getTime() - NOW.getTime()).toBeGreaterThan(9.9 * 86_400_000);
    // The demo student's own three weeks, ending yesterday: a first sign-in finds a history and cards due.
    const studentLogs = await db.reviewLog.findMany({
      where: { user: { email: DEMO_USERS[1].email } },
      select: { reviewedAt: true },
    });
    expect(studentLogs.length).toBeGreaterThan(50);
    const startOfToday = Math.floor(NOW.getTime() / 86_400_000) * 86_400_000;
    expect(Math.max(...studentLogs.map((l) => l.reviewedAt.getTime()))).toBeLessThan(startOfToday);
    // Due today (the demo student's day is UTC's): the queue shows review cards due before the day ends.
    const endOfToday = new Date(startOfToday + 86_400_000);
    expect(
      await db.cardState.count({ where: { user: { email: DEMO_USERS[1].email }, due: { lt: endOfToday } } }),
    ).toBeGreaterThan(0);

    // The dashboard has something real to show: most statuses, lapsed cards, a class-wide figure.
    const dashboard = await computeAssignmentDashboard(teacher, { classId: cls.id, assignmentId: assignment!.id }, NOW);
    expect(Object.values(dashboard.statusCounts).filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
    expect(dashboard.cards.some((c) => c.lapsedBy > 0)).toBe(true);
    expect(dashboard.classRecall).toBeGreaterThan(0.2);
    expect(dashboard.classRecall).toBeLessThan(0.9);
    // Each state's wrong-answer count (what the dashboard's accuracy reads) is its log's wrong answers.
    const wrongInLog = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "CardState" cs
      WHERE cs."wrongCount" <> (SELECT count(*) FROM "ReviewLog" l WHERE l."userId" = cs."userId"
        AND l."cardId" = cs."cardId" AND NOT COALESCE(l.correct, l.rating <> 'again'))`;
    expect(wrongInLog[0]!.n).toBe(0);
    expect(await db.cardState.count({ where: { wrongCount: { gt: 0 } } })).toBeGreaterThan(0);
  });

  it.each([SYNTHETIC_STUDENTS[0]!.email, DEMO_USERS[1].email])(
    "writes card states that replaying the review log of %s through gradeCard reproduces exactly",
    async (email) => {
      await seedDemo();
      const deck = await db.deck.findUniqueOrThrow({ where: { slug: DEMO_CLASS_DECK } });
      const settings = deckSrsSettings(deck);
      const student = await db.user.findUniqueOrThrow({ where: { email } });
      const logs = await db.reviewLog.findMany({ where: { userId: student.id }, orderBy: [{ reviewedAt: "asc" }] });
      expect(logs.length).toBeGreaterThan(50);
      const replayed = new Map<string, MemoryState>();
      for (const log of logs) {
        const before = replayed.get(log.cardId) ?? newMemoryState(log.reviewedAt);
        if (replayed.has(log.cardId)) expect(memoryStateOf(snapshotFromJson(log.previous)!)).toEqual(before);
        else expect(log.previous).toBeNull();
        const { state, review } = gradeCard(before, log.rating, log.reviewedAt, settings);
        expect({
          stateBefore: log.stateBefore,
          stateAfter: log.stateAfter,
          due: log.dueAfter,
          stability: log.stabilityAfter,
        }).toEqual({
          stateBefore: review.stateBefore,
          stateAfter: review.stateAfter,
          due: review.due,
          stability: review.stability,
        });
        replayed.set(log.cardId, state);
      }
      const states = await db.cardState.findMany({ where: { userId: student.id } });
      expect(states).toHaveLength(replayed.size);
      for (const row of states) expect(memoryStateOf(row)).toEqual(replayed.get(row.cardId));
    },
  );
});
