import { describe, expect, it } from "vitest";
import {
  DEFAULT_SRS_SETTINGS,
  formatInterval,
  gradeCard,
  newMemoryState,
  nextStudyDay,
  previewIntervals,
  RATINGS,
  startOfStudyDay,
  studyDateKey,
  type MemoryState,
  type Rating,
  type StudyDayRule,
} from "@/lib/srs";

const MINUTE = 60_000;
const DAY = 86_400_000;
const NEW_YORK: StudyDayRule = { timeZone: "America/New_York", dayStartHour: 4 };
const settings = { ...DEFAULT_SRS_SETTINGS, enableFuzz: true };
const later = (date: Date, ms: number) => new Date(date.getTime() + ms);

/** A new card answered Good, then Good again 10 minutes later: the second review's interval in days. */
function goodThenGood(start: Date, day?: StudyDayRule): number {
  const context = { cardId: "card-1", day };
  const first = gradeCard(newMemoryState(start), "good", start, settings, context);
  return gradeCard(first.state, "good", later(start, 10 * MINUTE), settings, context).state.scheduledDays;
}

describe("the student's local days", () => {
  it("gives a New York student the same interval at 15:00 and at 18:55 local time", () => {
    const afternoon = new Date("2026-12-04T20:00:00Z"); // 15:00 EST
    const evening = new Date("2026-12-04T23:55:00Z"); // 18:55 EST: the second review is after midnight UTC
    expect(goodThenGood(afternoon, NEW_YORK)).toBe(goodThenGood(evening, NEW_YORK));
    expect(goodThenGood(evening, NEW_YORK)).toBeLessThanOrEqual(3);
    // ts-fsrs's UTC days, which the context replaces: the evening review counted as a day later.
    expect(goodThenGood(afternoon)).not.toBe(goodThenGood(evening));
  });

  it("starts the day at the chosen local hour, so 1 am still belongs to the day before", () => {
    const oneAm = new Date("2026-12-05T06:00:00Z"); // 01:00 EST on the 5th
    expect(studyDateKey(oneAm, NEW_YORK)).toBe("2026-12-04");
    expect(startOfStudyDay(oneAm, NEW_YORK)).toEqual(new Date("2026-12-04T09:00:00Z"));
    expect(nextStudyDay(oneAm, NEW_YORK)).toEqual(new Date("2026-12-05T09:00:00Z"));
    expect(studyDateKey(new Date("2026-12-05T09:00:00Z"), NEW_YORK)).toBe("2026-12-05");
  });

  it("counts a review at 3 am and one at 5 am the same night as a day apart, and 11 pm and 3 am as the same day", () => {
    const card = (at: Date, context: { day: StudyDayRule }) =>
      gradeCard(newMemoryState(at), "good", at, { ...settings, learningSteps: [] }, { cardId: "c", ...context }).state;
    const elevenPm = new Date("2026-12-05T04:00:00Z");
    const state = card(elevenPm, { day: NEW_YORK });
    const threeAm = gradeCard(state, "good", new Date("2026-12-05T08:00:00Z"), settings, {
      cardId: "c",
      day: NEW_YORK,
    });
    expect(threeAm.review.elapsedDays).toBe(0);
    const fiveAm = gradeCard(state, "good", new Date("2026-12-05T10:00:00Z"), settings, { cardId: "c", day: NEW_YORK });
    expect(fiveAm.review.elapsedDays).toBe(1);
  });
});

/** Small deterministic PRNG (mulberry32): tests pass their seeds explicitly. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("answer button labels", () => {
  it("equal the interval that rating then schedules, across 2,000 random reviews", () => {
    const next = random(20261204);
    const zones = ["America/New_York", "Europe/Berlin", "Asia/Tokyo", "Pacific/Chatham", "UTC"];
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const cards = Array.from({ length: 40 }, (_, i) => ({
      cardId: `card-${i}`,
      day: { timeZone: pick(zones), dayStartHour: Math.floor(next() * 24) },
      state: null as MemoryState | null,
      at: new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 30 * DAY)),
    }));
    let checked = 0;
    let mismatches = 0;
    for (let i = 0; i < 2000; i++) {
      const card = pick(cards);
      const state = card.state ?? newMemoryState(card.at);
      // The queue is fetched at a random time once the card is due (or early), the answer comes later.
      const shown = new Date(
        Math.max(state.lastReview?.getTime() ?? 0, state.due.getTime() + (next() - 0.3) * 3 * DAY),
      );
      const context = { cardId: card.cardId, day: card.day };
      const labels = previewIntervals(state, shown, settings, context);
      // Answered up to 10 minutes later, on the same local day as the label was computed.
      const dayEnd = nextStudyDayOf(shown, card.day);
      const answered = new Date(Math.min(shown.getTime() + next() * 10 * MINUTE, dayEnd - 1));
      const rating: Rating = pick(RATINGS);
      const graded = gradeCard(state, rating, answered, settings, context);
      const scheduled = formatInterval(graded.state.due.getTime() - answered.getTime());
      if (scheduled !== labels[rating].label) mismatches++;
      checked++;
      card.state = graded.state;
      card.at = answered;
    }
    expect(checked).toBe(2000);
    expect(mismatches).toBe(0);
  });

  it("answered at the very moment of the preview, give exactly the due date of every button", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    let state = newMemoryState(now);
    for (const rating of ["good", "good", "good"] as const) {
      state = gradeCard(state, rating, state.due, settings, { cardId: "x", day: NEW_YORK }).state;
    }
    const at = later(state.due, 7 * MINUTE);
    const preview = previewIntervals(state, at, settings, { cardId: "x", day: NEW_YORK });
    for (const rating of RATINGS) {
      expect(preview[rating].due).toEqual(
        gradeCard(state, rating, at, settings, { cardId: "x", day: NEW_YORK }).state.due,
      );
    }
  });
});

function nextStudyDayOf(at: Date, day: StudyDayRule): number {
  return nextStudyDay(at, day).getTime();
}
