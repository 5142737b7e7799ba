import { describe, expect, it } from "vitest";
import {
  assignmentStatus,
  daysLeft,
  forecastDate,
  OVERDUE_GRACE_MS,
  predictedRecall,
  type AssignmentTerms,
} from "@/lib/classes/status";

const DAY = 86_400_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const NOW = new Date("2026-11-02T09:00:00Z");
const DUE = new Date("2026-11-12T23:59:00Z");
const terms: AssignmentTerms = { dueAt: DUE, targetRecall: 0.8, requireAllStudied: true, newCardsPerDay: 20 };

describe("assignment status rules (pure, pinned clock)", () => {
  const progress = (studied: number, recallSum: number, overdue = 0, cardCount = 10) => ({
    cardCount,
    studied,
    recallSum,
    overdue,
  });

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
