// Pure display helpers for numbers and dates, shared by pages and the CSV (no React, no database).
// Every page shows dates one way: formatDate ("Dec 7, 2026"), formatDateTime ("Dec 7, 2026, 11:59 PM")
// and formatDaysFrom ("tomorrow"), all in the reader's own time zone; formatDayKey for a calendar day
// that is already local (a "2026-12-07" key from lib/stats, an article's publication date).
// Nothing else in app/ builds a date format: three formats across pages was issue 13's complaint.

import { localDateKey } from "@/lib/srs/local-day";

/** 0.634 → "63%"; null → "—". */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dayMonthFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  map: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let f = map.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en", { ...options, timeZone });
    if (map.size > 200) map.clear();
    map.set(timeZone, f);
  }
  return f;
}

/** "Dec 7, 2026, 11:59 PM" in the reader's own time zone. */
export function formatDateTime(date: Date, timeZone: string): string {
  return cached(dateTimeFormats, timeZone, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** "Dec 7, 2026" in the reader's own time zone. */
export function formatDate(date: Date, timeZone: string): string {
  return cached(dateFormats, timeZone, { dateStyle: "medium" }).format(date);
}

/** "Dec 7" in the reader's own time zone: a date within the year, where the year goes without saying. */
export function formatDayMonth(date: Date, timeZone: string): string {
  return cached(dayMonthFormats, timeZone, { month: "short", day: "numeric" }).format(date);
}

/** "11:59 PM" in the reader's own time zone. */
export function formatTime(date: Date, timeZone: string): string {
  return cached(timeFormats, timeZone, { timeStyle: "short" }).format(date);
}

/**
 * A calendar day given as its "YYYY-MM-DD" key (already the reader's local day, or a date with no
 * time of day such as an article's publication date): "Dec 7, 2026", or "Dec 7" when `short`.
 * Formatted at UTC midnight in UTC, so no zone can move it to the day before.
 *
 * @example formatDayKey("2026-12-07", { short: true }) // "Dec 7"
 */
export function formatDayKey(key: string, { short = false }: { short?: boolean } = {}): string {
  const date = new Date(`${key.slice(0, 10)}T00:00:00Z`);
  return short ? formatDayMonth(date, "UTC") : formatDate(date, "UTC");
}

/** "Dec" for the month of a "YYYY-MM-DD" key: a calendar's column heading. */
export function formatMonthOfDayKey(key: string): string {
  return cached(monthFormats, "UTC", { month: "short" }).format(new Date(`${key.slice(0, 10)}T00:00:00Z`));
}

/**
 * Calendar days from `from` to `to` in `timeZone`: 1 when `to` falls on the next local date, however
 * few hours apart. Counted on dates, not 24-hour spans, so a 23- or 25-hour day (DST) is one day.
 *
 * @example calendarDaysBetween(new Date("2026-12-04T23:00:00Z"), new Date("2026-12-05T01:00:00Z"), "UTC") // 1
 */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const dayNumber = (instant: Date) => Date.parse(`${localDateKey(instant, timeZone)}T00:00:00Z`) / 86_400_000;
  return Math.round(dayNumber(to) - dayNumber(from));
}

/**
 * "today", "tomorrow", "in 7 days", "yesterday", "3 days ago": calendar days in the reader's time
 * zone, so an assignment due at 23:59 today says today, and one due a week on says in 7 days.
 */
export function formatDaysFrom(date: Date, now: Date, timeZone: string): string {
  const days = calendarDaysBetween(now, date, timeZone);
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
