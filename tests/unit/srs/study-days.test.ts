import { describe, expect, it } from "vitest";
import { TRICKY_ZONES } from "./zones";
import { forgetting_curve, fsrs } from "ts-fsrs";
import { toFsrsCard } from "@/lib/srs/memory-state";
import {
  DEFAULT_SRS_SETTINGS,
  forecastRecall,
  forecastRecallAt,
  forgettingCurveOf,
  gradeCard,
  InvalidSettingsError,
  InvalidTimeZoneError,
  newMemoryState,
  nextStudyDay,
  retrievability,
  studyDateKey,
  studyDayNumber,
  studyDaysBetween,
  type MemoryState,
  type SrsSettings,
  type StudyDayRule,
} from "@/lib/srs";
import { DEFAULT_PARAMETERS, trainingItemsOf, type FitReview } from "@/lib/srs/fit";
import { seededRandom } from "@/lib/seeded-random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NEW_YORK: StudyDayRule = { timeZone: "America/New_York", dayStartHour: 4 };
const settings: SrsSettings = { ...DEFAULT_SRS_SETTINGS, enableFuzz: false };
const utc = (iso: string) => new Date(iso);

describe("studyDaysBetween", () => {
  it("counts a review at 20:00 and a forecast at 16:00 two days later as 2 days, not 1 period of 24 hours", () => {
    const reviewed = utc("2026-12-02T01:00:00Z"); // 20:00 EST on the 1st
    const at = utc("2026-12-03T21:00:00Z"); // 16:00 EST on the 3rd: 44 hours later
    expect(studyDaysBetween(reviewed, at, NEW_YORK)).toBe(2);
    expect(Math.floor((at.getTime() - reviewed.getTime()) / DAY)).toBe(1);
  });

  it("turns the day at local midnight when the day starts at 0, and not before", () => {
    const midnight: StudyDayRule = { timeZone: "Europe/Berlin", dayStartHour: 0 };
    // 23:59 and 00:01 local (CET, UTC+1): two minutes, one day.
    expect(studyDaysBetween(utc("2026-12-04T22:59:00Z"), utc("2026-12-04T23:01:00Z"), midnight)).toBe(1);
    // 00:01 to 23:59 on the same local date: almost 24 hours, no day.
    expect(studyDaysBetween(utc("2026-12-04T23:01:00Z"), utc("2026-12-05T22:59:00Z"), midnight)).toBe(0);
  });

  it("turns the day at the day-start hour: 1 am belongs to the day before, 4 am starts the next", () => {
    const lateEvening = utc("2026-12-05T04:00:00Z"); // 23:00 EST on the 4th
    expect(studyDaysBetween(lateEvening, utc("2026-12-05T06:00:00Z"), NEW_YORK)).toBe(0); // 01:00 on the 5th
    expect(studyDaysBetween(lateEvening, utc("2026-12-05T08:59:00Z"), NEW_YORK)).toBe(0); // 03:59
    expect(studyDaysBetween(lateEvening, utc("2026-12-05T09:00:00Z"), NEW_YORK)).toBe(1); // 04:00
    // The same instants for a student whose day starts at midnight: a day already at 01:00.
    expect(studyDaysBetween(lateEvening, utc("2026-12-05T06:00:00Z"), { ...NEW_YORK, dayStartHour: 0 })).toBe(1);
  });

  it("counts a 23-hour and a 25-hour day as one day each across New York's DST changes", () => {
    // 2026-03-08 has 23 hours: 04:30 EST on the 7th to 04:10 EDT on the 8th is 22h40, one day.
    expect(studyDaysBetween(utc("2026-03-07T09:30:00Z"), utc("2026-03-08T08:10:00Z"), NEW_YORK)).toBe(1);
    // 2026-11-01 has 25 hours: 04:00 EDT on Oct 31 to 03:59 EST on Nov 1 is 24h59, the same day.
    expect(studyDaysBetween(utc("2026-10-31T08:00:00Z"), utc("2026-11-01T08:59:00Z"), NEW_YORK)).toBe(0);
    expect(studyDaysBetween(utc("2026-10-31T08:00:00Z"), utc("2026-11-01T09:00:00Z"), NEW_YORK)).toBe(1);
  });

  it("counts a day when a zone skips midnight (Santiago, 2026-09-06 starts at 01:00)", () => {
    const santiago: StudyDayRule = { timeZone: "America/Santiago", dayStartHour: 0 };
    // 23:30 (UTC−4) on the 5th to 01:00 (UTC−3) on the 6th: 30 minutes, one day.
    expect(studyDaysBetween(utc("2026-09-06T03:30:00Z"), utc("2026-09-06T04:00:00Z"), santiago)).toBe(1);
  });

  it("is negative for an earlier day, and the difference of the days' numbers", () => {
    const a = utc("2026-12-10T12:00:00Z");
    const b = utc("2026-12-03T12:00:00Z");
    expect(studyDaysBetween(a, b, NEW_YORK)).toBe(-7);
    expect(studyDayNumber(utc("2026-12-05T06:00:00Z"), NEW_YORK)).toBe(Date.UTC(2026, 11, 4) / DAY);
  });

  it("matches counting the student's day starts one by one, all year in many zones", () => {
    const random = seededRandom(11);
    for (let i = 0; i < 300; i++) {
      const rule = { timeZone: TRICKY_ZONES[i % TRICKY_ZONES.length]!, dayStartHour: Math.floor(random() * 24) };
      const from = new Date(Date.UTC(2026, 0, 1) + random() * 360 * DAY);
      const to = new Date(from.getTime() + random() * 40 * DAY);
      let starts = 0;
      for (let t = nextStudyDay(from, rule); t.getTime() <= to.getTime(); t = nextStudyDay(t, rule)) starts++;
      expect(studyDaysBetween(from, to, rule)).toBe(starts);
    }
  });

  it("refuses a zone Intl does not know", () => {
    expect(() => studyDaysBetween(new Date(), new Date(), { timeZone: "Mars/Olympus", dayStartHour: 4 })).toThrow(
      InvalidTimeZoneError,
    );
  });

  it("is the count the fit trains on", () => {
    const random = seededRandom(3);
    const reviews: FitReview[] = [];
    let t = Date.UTC(2026, 2, 1);
    for (let i = 0; i < 60; i++) {
      t += random() * 3 * DAY;
      reviews.push({ cardId: `c${i % 3}`, reviewedAt: new Date(t), rating: "good", correct: null });
    }
    const items = trainingItemsOf(reviews, NEW_YORK);
    for (const item of items) {
      const last = reviews.find((r) => r.reviewedAt === item.at)!;
      const sameCard = reviews.filter((r) => r.cardId === last.cardId);
      const previous = sameCard[sameCard.indexOf(last) - 1]!;
      expect(item.reviews.at(-1)!.deltaT).toBe(studyDaysBetween(previous.reviewedAt, last.reviewedAt, NEW_YORK));
    }
    expect(items.length).toBe(57);
  });
});

describe("forecastRecall", () => {
  // A card in review, last reviewed at 20:00 EST on 2026-12-01.
  function reviewedCard(at = utc("2026-12-02T01:00:00Z")): MemoryState {
    let state = newMemoryState(utc("2026-11-01T15:00:00Z"));
    for (const when of ["2026-11-01T15:00:00Z", "2026-11-01T15:10:00Z", "2026-11-05T15:00:00Z"])
      state = gradeCard(state, "good", utc(when), settings, { day: NEW_YORK }).state;
    state = gradeCard(state, "good", at, settings, { day: NEW_YORK }).state;
    expect(state.state).toBe("review");
    return state;
  }

  it("reads the forgetting curve at the student's days, where ts-fsrs's retrievability reads whole 24-hour periods", () => {
    const card = reviewedCard();
    const at = utc("2026-12-03T21:00:00Z"); // 16:00 on the 3rd
    expect(forecastRecall(card, at, settings, NEW_YORK)).toBe(forgetting_curve(DEFAULT_PARAMETERS, 2, card.stability));
    expect(retrievability(card, at, settings)).toBe(forgetting_curve(DEFAULT_PARAMETERS, 1, card.stability));
    expect(forecastRecall(card, at, settings, NEW_YORK)).toBeLessThan(retrievability(card, at, settings));
  });

  it("is 1 until the student's next day starts, and 0 for a card never studied", () => {
    const card = reviewedCard();
    expect(forecastRecall(card, utc("2026-12-02T08:59:00Z"), settings, NEW_YORK)).toBe(1); // 03:59 on the 2nd
    expect(forecastRecall(card, utc("2026-12-02T09:00:00Z"), settings, NEW_YORK)).toBeLessThan(1);
    expect(forecastRecall(card, utc("2026-11-20T00:00:00Z"), settings, NEW_YORK)).toBe(1); // before the review
    expect(
      forecastRecall(newMemoryState(utc("2026-12-01T00:00:00Z")), utc("2026-12-09T00:00:00Z"), settings, NEW_YORK),
    ).toBe(0);
  });

  it("equals ts-fsrs's own retrievability when the last review was at the start of a UTC day", () => {
    const utcDays: StudyDayRule = { timeZone: "UTC", dayStartHour: 0 };
    const card = { ...reviewedCard(), lastReview: utc("2026-12-02T00:00:00Z") };
    const scheduler = fsrs({ enable_fuzz: false });
    const fsrsCard = toFsrsCard(card);
    for (const ms of [0, 5 * HOUR, DAY, 3 * DAY + 7, 17 * DAY + 23 * HOUR, 400 * DAY]) {
      const at = new Date(card.lastReview.getTime() + ms);
      expect(forecastRecall(card, at, settings, utcDays)).toBe(scheduler.get_retrievability(fsrsCard, at, false));
    }
  });

  it("uses the settings' parameters, clipped as ts-fsrs clips them", () => {
    const card = reviewedCard();
    const fitted = { ...settings, parameters: DEFAULT_PARAMETERS.map((w, i) => (i === 20 ? 5 : w)) };
    const at = utc("2026-12-20T15:00:00Z");
    const days = studyDaysBetween(card.lastReview!, at, NEW_YORK);
    expect(forecastRecallAt(at, fitted, NEW_YORK)(card)).toBe(forgetting_curve(0.8, days, card.stability));
  });

  it("refuses a day-start hour that is not a whole hour from 0 to 23", () => {
    expect(() => forecastRecallAt(new Date(), settings, { timeZone: "UTC", dayStartHour: 24 })).toThrow(
      InvalidSettingsError,
    );
  });

  it("is what forgettingCurveOf's constants give, written out at the student's days (the dashboard's SQL)", () => {
    const round8 = (x: number) => Math.round(x * 1e8) / 1e8;
    const card = reviewedCard();
    for (const s of [settings, { ...settings, parameters: DEFAULT_PARAMETERS.map((w, i) => (i === 20 ? 0.31 : w)) }]) {
      const { decay, factor } = forgettingCurveOf(s);
      for (const ms of [-DAY, 0, 7 * HOUR, 8 * HOUR, 20 * HOUR, 44 * HOUR, 17 * DAY, 400 * DAY]) {
        const at = new Date(card.lastReview!.getTime() + ms);
        const days = Math.max(studyDaysBetween(card.lastReview!, at, NEW_YORK), 0);
        expect(round8(Math.pow(1 + (factor * days) / round8(card.stability), decay))).toBe(
          forecastRecall(card, at, s, NEW_YORK),
        );
      }
    }
    expect(studyDateKey(card.lastReview!, NEW_YORK)).toBe("2026-12-01");
  });
});
