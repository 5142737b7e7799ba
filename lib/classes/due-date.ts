import { z } from "zod";

/**
 * The instant a wall-clock time on a calendar date happens in `timeZone`, e.g. 23:59 on 2026-12-04
 * in Europe/Berlin is 2026-12-04T22:59:00Z. Due dates use 23:59, which no zone skips or repeats
 * today; for a wall time inside a DST change the answer is one of its readings.
 *
 * @example
 * zonedDateTime("2026-12-04", 23, 59, "America/New_York"); // 2026-12-05T04:59:00.000Z
 */
export function zonedDateTime(date: string, hours: number, minutes: number, timeZone: string): Date {
  const [year, month, day] = z.iso.date().parse(date).split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  const formatter = new Intl.DateTimeFormat("en-US", {
    timeZone,
    calendar: "gregory",
    numberingSystem: "latn",
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  });
  const offsetAt = (instant: number) => {
    const p: Record<string, number> = {};
    for (const part of formatter.formatToParts(instant)) if (part.type !== "literal") p[part.type] = Number(part.value);
    return Date.UTC(p.year ?? NaN, (p.month ?? NaN) - 1, p.day ?? NaN, p.hour ?? NaN, p.minute ?? NaN) - Math.floor(instant / 60_000) * 60_000;
  };
  // Two rounds: the offset at the first guess differs from the offset at the answer when a DST
  // change falls between them.
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess));
}

/** The calendar date of `instant` in `timeZone`, as YYYY-MM-DD (what a date input shows). */
export function localDateString(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}
