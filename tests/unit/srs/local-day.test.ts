import { describe, expect, it } from "vitest";
import { TRICKY_ZONES } from "./zones";
import {
  InvalidDateError,
  InvalidTimeZoneError,
  instantOfWallTime,
  localDateKey,
  nextLocalMidnight,
  startOfLocalDay,
  toStudyClock,
} from "@/lib/srs";

const HOUR = 3_600_000;

/** The local day containing `now` as [start, end) in ISO, and its length in hours. */
function localDay(now: string, timeZone: string) {
  const start = startOfLocalDay(new Date(now), timeZone);
  const end = nextLocalMidnight(new Date(now), timeZone);
  return { start: start.toISOString(), end: end.toISOString(), hours: (end.getTime() - start.getTime()) / HOUR };
}

describe("local day boundaries", () => {
  it("are plain UTC midnights in UTC", () => {
    expect(localDay("2026-06-15T13:45:00Z", "UTC")).toEqual({
      start: "2026-06-15T00:00:00.000Z",
      end: "2026-06-16T00:00:00.000Z",
      hours: 24,
    });
    expect(localDay("2026-06-15T00:00:00Z", "UTC").start).toBe("2026-06-15T00:00:00.000Z");
    expect(localDay("2026-12-31T23:59:59.999Z", "UTC").end).toBe("2027-01-01T00:00:00.000Z");
  });

  it("give New York a 23-hour day when clocks go forward on 2026-03-08", () => {
    const day = { start: "2026-03-08T05:00:00.000Z", end: "2026-03-09T04:00:00.000Z", hours: 23 };
    expect(localDay("2026-03-08T05:00:00Z", "America/New_York")).toEqual(day); // 00:00 EST
    expect(localDay("2026-03-08T06:59:59Z", "America/New_York")).toEqual(day); // 01:59:59 EST
    expect(localDay("2026-03-08T07:00:00Z", "America/New_York")).toEqual(day); // 03:00 EDT
    expect(localDay("2026-03-09T03:59:59Z", "America/New_York")).toEqual(day); // 23:59:59 EDT
    expect(localDay("2026-03-08T04:59:59Z", "America/New_York")).toEqual({
      start: "2026-03-07T05:00:00.000Z",
      end: "2026-03-08T05:00:00.000Z",
      hours: 24,
    });
  });

  it("give New York a 25-hour day when clocks go back on 2026-11-01, through both 01:30s", () => {
    const day = { start: "2026-11-01T04:00:00.000Z", end: "2026-11-02T05:00:00.000Z", hours: 25 };
    expect(localDay("2026-11-01T05:30:00Z", "America/New_York")).toEqual(day); // 01:30 EDT
    expect(localDay("2026-11-01T06:30:00Z", "America/New_York")).toEqual(day); // 01:30 EST
    expect(localDay("2026-11-02T04:59:59Z", "America/New_York")).toEqual(day);
  });

  it("follow Berlin's summer time, which changes at 01:00 UTC", () => {
    expect(localDay("2026-03-29T12:00:00Z", "Europe/Berlin")).toEqual({
      start: "2026-03-28T23:00:00.000Z",
      end: "2026-03-29T22:00:00.000Z",
      hours: 23,
    });
    expect(localDay("2026-10-25T12:00:00Z", "Europe/Berlin")).toEqual({
      start: "2026-10-24T22:00:00.000Z",
      end: "2026-10-25T23:00:00.000Z",
      hours: 25,
    });
    expect(localDay("2026-07-01T22:30:00Z", "Europe/Berlin")).toEqual({
      start: "2026-07-01T22:00:00.000Z",
      end: "2026-07-02T22:00:00.000Z",
      hours: 24,
    });
  });

  it("handle Kolkata's half-hour offset, where the local date is already tomorrow", () => {
    expect(localDay("2026-03-08T20:00:00Z", "Asia/Kolkata")).toEqual({
      start: "2026-03-08T18:30:00.000Z",
      end: "2026-03-09T18:30:00.000Z",
      hours: 24,
    });
  });

  it("handle Chatham's 45-minute offsets across both of its 2026 changes", () => {
    expect(localDay("2026-04-05T00:00:00Z", "Pacific/Chatham")).toEqual({
      start: "2026-04-04T10:15:00.000Z",
      end: "2026-04-05T11:15:00.000Z",
      hours: 25,
    });
    expect(localDay("2026-09-27T00:00:00Z", "Pacific/Chatham")).toEqual({
      start: "2026-09-26T11:15:00.000Z",
      end: "2026-09-27T10:15:00.000Z",
      hours: 23,
    });
  });

  it("start the day at 01:00 when a zone skips midnight (Santiago, 2026-09-06)", () => {
    expect(localDay("2026-09-06T12:00:00Z", "America/Santiago")).toEqual({
      start: "2026-09-06T04:00:00.000Z",
      end: "2026-09-07T03:00:00.000Z",
      hours: 23,
    });
    expect(nextLocalMidnight(new Date("2026-09-05T12:00:00Z"), "America/Santiago").toISOString()).toBe(
      "2026-09-06T04:00:00.000Z",
    );
  });

  it("keep one long day when a zone goes back an hour at midnight (Santiago, 2026-04-05)", () => {
    const day = { start: "2026-04-04T03:00:00.000Z", end: "2026-04-05T04:00:00.000Z", hours: 25 };
    expect(localDay("2026-04-04T12:00:00Z", "America/Santiago")).toEqual(day);
    expect(localDay("2026-04-05T03:30:00Z", "America/Santiago")).toEqual(day); // 23:30 on the 4th, for the second time
  });

  it("always contain now, chain day to day, and start at local midnight, all year in many zones", () => {
    for (const timeZone of TRICKY_ZONES) {
      const wallClock = new Intl.DateTimeFormat("en-GB", {
        timeZone,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 17 * HOUR + 13 * 60_000) {
        const now = new Date(t);
        const start = startOfLocalDay(now, timeZone);
        const end = nextLocalMidnight(now, timeZone);
        expect(start.getTime()).toBeLessThanOrEqual(t);
        expect(end.getTime()).toBeGreaterThan(t);
        expect(startOfLocalDay(end, timeZone)).toEqual(end);
        expect(nextLocalMidnight(start, timeZone)).toEqual(end);
        const hours = (end.getTime() - start.getTime()) / HOUR;
        expect(hours).toBeGreaterThanOrEqual(23);
        expect(hours).toBeLessThanOrEqual(25);
        if (timeZone !== "America/Santiago") expect(wallClock.format(start)).toBe("00:00");
      }
    }
  });

  it("refuse an unknown time zone and an invalid date", () => {
    expect(() => startOfLocalDay(new Date("2026-01-01T00:00:00Z"), "Mars/Olympus")).toThrow(InvalidTimeZoneError);
    expect(() => nextLocalMidnight(new Date("2026-01-01T00:00:00Z"), "")).toThrow(InvalidTimeZoneError);
    expect(() => startOfLocalDay(new Date(NaN), "UTC")).toThrow(InvalidDateError);
  });
});

describe("local dates and wall times", () => {
  it("name the student's calendar date, not the UTC one", () => {
    expect(localDateKey(new Date("2026-12-05T03:00:00Z"), "America/New_York")).toBe("2026-12-04");
    expect(localDateKey(new Date("2026-12-05T03:00:00Z"), "UTC")).toBe("2026-12-05");
    expect(localDateKey(new Date("2026-12-04T23:30:00Z"), "Asia/Tokyo")).toBe("2026-12-05");
  });

  it("find the instant of 23:59 on a date in the zone's offset of that day", () => {
    expect(instantOfWallTime({ year: 2026, month: 12, day: 4 }, 23, 59, "America/New_York").toISOString()).toBe(
      "2026-12-05T04:59:00.000Z",
    );
    expect(instantOfWallTime({ year: 2026, month: 7, day: 4 }, 23, 59, "America/New_York").toISOString()).toBe(
      "2026-07-05T03:59:00.000Z",
    );
    expect(instantOfWallTime({ year: 2026, month: 12, day: 4 }, 23, 59, "Europe/Berlin").toISOString()).toBe(
      "2026-12-04T22:59:00.000Z",
    );
  });

  it("read the offset after a DST change that falls between the guess and the answer", () => {
    // Clocks in New York go back at 02:00 on 2026-11-01: 12:00 that day is already EST (UTC-5).
    expect(instantOfWallTime({ year: 2026, month: 11, day: 1 }, 12, 0, "America/New_York").toISOString()).toBe(
      "2026-11-01T17:00:00.000Z",
    );
  });

  it("refuse a zone Intl does not know", () => {
    expect(() => localDateKey(new Date("2026-12-05T03:00:00Z"), "Mars/Olympus")).toThrow(InvalidTimeZoneError);
  });
});

describe("reading a zone's clock (offsets remembered per hour)", () => {
  // The clock as the platform reads it, without lib/srs's remembered offsets.
  function platformClock(instant: number, timeZone: string): string {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(instant);
    const get = (type: string) => parts.find((p) => p.type === type)!.value;
    return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
  }

  it("agrees with the platform at every minute around clock changes, and at random instants", () => {
    const zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham"];
    // Spring forward and fall back in New York and London 2026, Lord Howe's half-hour change, and Chatham's.
    const changes = [
      "2026-03-08T07:00:00Z",
      "2026-11-01T06:00:00Z",
      "2026-03-29T01:00:00Z",
      "2026-10-25T01:00:00Z",
      "2026-04-04T15:00:00Z",
      "2026-10-03T15:30:00Z",
      "2026-04-04T14:00:00Z",
      "2026-09-26T14:00:00Z",
    ];
    const instants: number[] = [];
    for (const change of changes)
      for (let minute = -90; minute <= 90; minute += 7) instants.push(Date.parse(change) + minute * 60_000 + 13_456);
    let seed = 7;
    for (let i = 0; i < 300; i++) {
      seed = (seed * 48271) % 2147483647;
      instants.push(Date.parse("2025-01-01T00:00:00Z") + (seed / 2147483647) * 2 * 365 * 24 * HOUR);
    }
    for (const timeZone of zones)
      for (const instant of instants) {
        // toStudyClock with day start 0 is the local wall clock written as UTC.
        const read = toStudyClock(new Date(instant), { timeZone, dayStartHour: 0 }).toISOString().slice(0, 19);
        expect(read, `${timeZone} at ${new Date(instant).toISOString()}`).toBe(platformClock(instant, timeZone));
      }
  });
});
