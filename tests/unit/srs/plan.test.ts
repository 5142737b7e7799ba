import { describe, expect, it } from "vitest";
import { DEFAULT_SRS_SETTINGS, gradeCard, newMemoryState, type MemoryState } from "@/lib/srs";
import { planRetention, PLAN_RETENTIONS } from "@/lib/srs/plan";
import { seededRandom } from "@/lib/seeded-random";

const NOW = new Date("2026-11-30T16:00:00Z");
const DUE = new Date("2026-12-21T22:59:00Z");
const settings = { ...DEFAULT_SRS_SETTINGS, enableFuzz: false };

const UTC_4AM = { timeZone: "UTC", dayStartHour: 4 };

function input(students: (MemoryState | null)[][], seed: number, dueAt = DUE, days = students.map(() => UTC_4AM)) {
  return {
    students,
    days,
    settings,
    newCardsPerDay: 20,
    now: NOW,
    dueAt,
    secondsPerReview: 10,
    random: seededRandom(seed),
  };
}

const newDeck = (cards: number) => [Array.from({ length: cards }, () => null)];

/** A student who learnt every card a week ago (good, good) and has not looked since. */
function studiedDeck(cards: number): MemoryState[] {
  const start = new Date(NOW.getTime() - 7 * 86_400_000);
  return Array.from({ length: cards }, (_, i) => {
    const first = gradeCard(newMemoryState(start), "good", start, settings, { cardId: `c${i}` }).state;
    const at = new Date(start.getTime() + 600_000);
    return gradeCard(first, "good", at, settings, { cardId: `c${i}` }).state;
  });
}

describe("planRetention", () => {
  it.each([7, 2026])(
    "costs more minutes and leaves higher recall on the due date as the retention rises (seed %i)",
    (seed) => {
      const plan = planRetention(input(newDeck(40), seed), 0.8);
      expect(plan.points.map((p) => p.retention)).toEqual(PLAN_RETENTIONS);
      expect(plan.days).toBe(22);
      for (let i = 1; i < plan.points.length; i++) {
        expect(plan.points[i]!.minutesPerDay).toBeGreaterThan(plan.points[i - 1]!.minutesPerDay);
        expect(plan.points[i]!.recallAtDue).toBeGreaterThan(plan.points[i - 1]!.recallAtDue);
      }
    },
  );

  it("is the same plan for the same seed", () => {
    expect(planRetention(input(newDeck(30), 11), 0.8)).toEqual(planRetention(input(newDeck(30), 11), 0.8));
  });

  it("recommends the lowest retention whose recall on the due date meets the target", () => {
    const plan = planRetention(input(newDeck(40), 7), 0.93);
    const meets = plan.points.filter((p) => p.recallAtDue >= 0.93);
    expect(meets.length).toBeGreaterThan(0);
    expect(plan.recommended).toEqual(meets[0]);
    expect(
      plan.points.filter((p) => p.retention < plan.recommended!.retention).every((p) => p.recallAtDue < 0.93),
    ).toBe(true);
  });

  it("recommends nothing when no retention reaches the target", () => {
    expect(planRetention(input(newDeck(40), 7), 0.999).recommended).toBeNull();
  });

  it("starts from the students' own card states: a studied deck costs fewer minutes than a new one", () => {
    const studied = planRetention(input([studiedDeck(40)], 3), 0.8);
    const fresh = planRetention(input(newDeck(40), 3), 0.8);
    for (const [i, point] of studied.points.entries()) {
      expect(point.minutesPerDay).toBeLessThan(fresh.points[i]!.minutesPerDay);
    }
  });

  it("counts cards the daily new-card limit never reaches as forgotten on the due date", () => {
    const soon = new Date(NOW.getTime() + 1.5 * 86_400_000);
    // Two sessions of 20 new cards: half the deck of 80 is never seen.
    const plan = planRetention(input(newDeck(80), 5, soon), 0.8);
    expect(plan.days).toBe(2);
    for (const point of plan.points) expect(point.recallAtDue).toBeLessThanOrEqual(0.5);
  });

  it("counts each student's own days to the due date, as the dashboard's forecast does", () => {
    // 22:00 UTC, still the 30th in UTC days; 07:00 on the 1st in Tokyo, a day after 16:00 UTC
    // (01:00 there, before the 4 am day start).
    const dueAt = new Date(NOW.getTime() + 6 * 3_600_000);
    const deck = studiedDeck(20);
    const utc = planRetention(input([deck], 3, dueAt, [UTC_4AM]), 0.8);
    const tokyo = planRetention(input([deck], 3, dueAt, [{ timeZone: "Asia/Tokyo", dayStartHour: 4 }]), 0.8);
    // The same study (the simulation's draws and schedule do not depend on the zone)...
    expect(tokyo.points.map((p) => p.reviewsPerDay)).toEqual(utc.points.map((p) => p.reviewsPerDay));
    // ...forecast a day older in Tokyo on the due date.
    for (const [i, point] of tokyo.points.entries()) expect(point.recallAtDue).toBeLessThan(utc.points[i]!.recallAtDue);
  });

  it("needs one day rule per student", () => {
    expect(() => planRetention(input([studiedDeck(2), studiedDeck(2)], 3, DUE, [UTC_4AM]), 0.8)).toThrow(
      /1 day rules for 2 students/,
    );
  });

  it("plans nothing for a due date that has passed", () => {
    const plan = planRetention(input(newDeck(10), 5, new Date(NOW.getTime() - 1000)), 0.8);
    expect(plan.days).toBe(0);
    expect(plan.points.every((p) => p.minutesPerDay === 0 && p.recallAtDue === 0)).toBe(true);
    expect(plan.recommended).toBeNull();
  });
});
