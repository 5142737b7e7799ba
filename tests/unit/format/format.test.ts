import { describe, expect, it } from "vitest";
import {
  calendarDaysBetween,
  formatDate,
  formatDateTime,
  formatDayKey,
  formatDayMonth,
  formatDaysFrom,
  formatMonthOfDayKey,
  formatTime,
} from "@/lib/format";
import { describeWhen } from "@/app/study/[slug]/study-client";

const NY = "America/New_York";
const TOKYO = "Asia/Tokyo";

describe("formatDaysFrom counts calendar days in the reader's time zone", () => {
  it("says today for a due date later today, even 23 hours away", () => {
    const now = new Date("2026-12-04T05:30:00Z"); // 00:30 in New York
    expect(formatDaysFrom(new Date("2026-12-05T04:59:00Z"), now, NY)).toBe("today"); // 23:59 the same day
  });

  it("says tomorrow for a date just past midnight, even one minute away", () => {
    const now = new Date("2026-12-05T04:58:00Z"); // 23:58 in New York
    expect(formatDaysFrom(new Date("2026-12-05T05:00:00Z"), now, NY)).toBe("tomorrow"); // 00:00 next day
    expect(formatDaysFrom(new Date("2026-12-05T04:59:00Z"), now, NY)).toBe("today");
  });

  it("says in 7 days for a date seven calendar days on, whatever the hour", () => {
    const now = new Date("2026-12-01T14:00:00Z"); // 09:00 Dec 1 in New York
    expect(formatDaysFrom(new Date("2026-12-09T04:59:00Z"), now, NY)).toBe("in 7 days"); // 23:59 Dec 8
    expect(formatDaysFrom(new Date("2026-12-08T05:00:00Z"), now, NY)).toBe("in 7 days"); // 00:00 Dec 8
  });

  it("counts the same instant differently in different zones: days are the reader's", () => {
    const now = new Date("2026-12-04T14:30:00Z"); // 09:30 Dec 4 in New York, 23:30 Dec 4 in Tokyo
    const due = new Date("2026-12-04T16:00:00Z"); // 11:00 Dec 4 in New York, 01:00 Dec 5 in Tokyo
    expect(formatDaysFrom(due, now, NY)).toBe("today");
    expect(formatDaysFrom(due, now, TOKYO)).toBe("tomorrow");
  });

  it("counts one day across a 23-hour and a 25-hour day (DST in New York)", () => {
    // 2026-03-08 has 23 hours in New York; 2026-11-01 has 25.
    expect(
      formatDaysFrom(new Date("2026-03-09T03:59:00Z"), new Date("2026-03-08T05:00:00Z"), NY), // 23:59 EDT Mar 8, from 00:00 EST
    ).toBe("today");
    expect(formatDaysFrom(new Date("2026-03-09T04:00:00Z"), new Date("2026-03-08T05:00:00Z"), NY)).toBe("tomorrow");
    expect(formatDaysFrom(new Date("2026-11-02T04:59:00Z"), new Date("2026-11-01T04:00:00Z"), NY)).toBe("today");
    expect(formatDaysFrom(new Date("2026-11-02T05:00:00Z"), new Date("2026-11-01T04:00:00Z"), NY)).toBe("tomorrow");
    // A week that spans the change is still 7 days.
    expect(formatDaysFrom(new Date("2026-11-05T15:00:00Z"), new Date("2026-10-29T15:00:00Z"), NY)).toBe("in 7 days");
  });

  it("says yesterday and N days ago for the past", () => {
    const now = new Date("2026-12-04T15:00:00Z");
    expect(formatDaysFrom(new Date("2026-12-04T04:00:00Z"), now, NY)).toBe("yesterday"); // 23:00 Dec 3
    expect(formatDaysFrom(new Date("2026-12-01T15:00:00Z"), now, NY)).toBe("3 days ago");
  });

  it("counts across a month and a year end", () => {
    expect(calendarDaysBetween(new Date("2026-12-31T12:00:00Z"), new Date("2027-01-01T00:30:00Z"), "UTC")).toBe(1);
    expect(calendarDaysBetween(new Date("2027-02-28T12:00:00Z"), new Date("2027-03-01T00:00:00Z"), "UTC")).toBe(1);
  });
});

describe("one date format across pages", () => {
  it("shows dates and times in the reader's zone, in one style", () => {
    const at = new Date("2026-12-05T04:59:00Z");
    expect(formatDate(at, NY)).toBe("Dec 4, 2026");
    expect(formatDateTime(at, NY)).toMatch(/^Dec 4, 2026, 11:59\sPM$/);
    expect(formatDate(at, TOKYO)).toBe("Dec 5, 2026");
  });
});

describe("calendar days given as keys, and the study page's 'when'", () => {
  it("formats a day key as that calendar day in every zone, never the day before", () => {
    expect(formatDayKey("2026-12-07")).toBe("Dec 7, 2026");
    expect(formatDayKey("2026-12-07", { short: true })).toBe("Dec 7");
    expect(formatDayKey("2026-12-07T00:00:00.000Z")).toBe("Dec 7, 2026");
    expect(formatMonthOfDayKey("2026-12-31")).toBe("Dec");
  });

  it("formats a date within the year and a time of day in the reader's zone", () => {
    const instant = new Date("2026-12-04T16:00:00Z"); // 11:00 Dec 4 in New York, 01:00 Dec 5 in Tokyo
    expect(formatDayMonth(instant, NY)).toBe("Dec 4");
    expect(formatDayMonth(instant, TOKYO)).toBe("Dec 5");
    expect(formatTime(instant, NY)).toBe("11:00 AM");
    expect(formatTime(instant, TOKYO)).toBe("1:00 AM");
  });

  it("describes when a card comes back on the account's calendar, not the browser's", () => {
    const now = new Date("2026-12-04T14:30:00Z"); // 09:30 Dec 4 in New York, 23:30 Dec 4 in Tokyo
    const due = new Date("2026-12-04T16:00:00Z").toISOString();
    expect(describeWhen(due, NY, now)).toBe("today at 11:00 AM");
    expect(describeWhen(due, TOKYO, now)).toBe("tomorrow at 1:00 AM");
    expect(describeWhen(new Date("2026-12-07T16:00:00Z").toISOString(), TOKYO, now)).toBe("on Dec 8");
    expect(describeWhen(new Date("2026-12-04T14:40:00Z").toISOString(), TOKYO, now)).toBe("in 10 minutes");
    expect(describeWhen(new Date("2026-12-04T14:30:30Z").toISOString(), TOKYO, now)).toBe("now");
  });
});
