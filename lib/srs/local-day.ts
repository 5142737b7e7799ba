import { InvalidDateError, InvalidTimeZoneError } from "./errors";

// Daily limits reset at the student's local midnight. Days are not 24 hours long: 23 or 25 across
// DST changes (America/New_York 2026-03-08 and 2026-11-01), and in a few zones midnight itself is
// skipped (America/Santiago 2026-09-06 starts at 01:00) or the clock goes back at midnight. So the
// boundaries come from Intl's time zone data, never from adding 24 hours.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/**
 * The first instant of the local calendar day that contains `now` in `timeZone` (IANA name):
 * local midnight, or the first instant after it when the zone skipped midnight that day.
 * Throws `InvalidTimeZoneError` or `InvalidDateError`.
 *
 * @example
 * startOfLocalDay(new Date("2026-03-08T15:00:00Z"), "America/New_York"); // 2026-03-08T05:00:00Z (00:00 EST)
 */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  const formatter = formatterFor(timeZone);
  return new Date(startOfLocalDate(readLocalDate(now, formatter), formatter));
}

/**
 * The first instant of the next local day after `now` in `timeZone`: when today's daily limits end.
 * The span from `startOfLocalDay` to this is 23, 24 or 25 hours (or another length in zones with odd
 * transitions, e.g. Pacific/Chatham's 45-minute offsets change by one hour too).
 *
 * @example
 * nextLocalMidnight(new Date("2026-03-08T15:00:00Z"), "America/New_York"); // 2026-03-09T04:00:00Z (00:00 EDT): a 23-hour day
 */
export function nextLocalMidnight(now: Date, timeZone: string): Date {
  const formatter = formatterFor(timeZone);
  const today = readLocalDate(now, formatter);
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  return new Date(
    startOfLocalDate(
      { year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate() },
      formatter,
    ),
  );
}

/**
 * The local calendar date of `instant` in `timeZone`, as YYYY-MM-DD (what a date input shows, and a
 * key that sorts by day).
 *
 * @example
 * localDateKey(new Date("2026-12-05T03:00:00Z"), "America/New_York"); // "2026-12-04"
 */
export function localDateKey(instant: Date, timeZone: string): string {
  const { year, month, day } = readLocalDate(instant, formatterFor(timeZone));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The instant a wall-clock time on a local calendar date happens in `timeZone`. For a wall time
 * inside a DST change (skipped or repeated) the answer is one of its readings.
 *
 * @example
 * instantOfWallTime({ year: 2026, month: 12, day: 4 }, 23, 59, "America/New_York"); // 2026-12-05T04:59:00Z
 */
export function instantOfWallTime(date: LocalDate, hours: number, minutes: number, timeZone: string): Date {
  const formatter = formatterFor(timeZone);
  const wall = Date.UTC(date.year, date.month - 1, date.day, hours, minutes);
  // Two rounds: the offset at the first guess differs from the offset at the answer when a DST
  // change falls between them.
  const guess = wall - readOffset(wall, formatter);
  return new Date(wall - readOffset(guess, formatter));
}

// One formatter per zone: constructing Intl.DateTimeFormat is the slow part. Bounded, since the
// zone strings come from users.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  if (typeof timeZone !== "string" || timeZone === "") throw new InvalidTimeZoneError(String(timeZone));
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
  } catch {
    throw new InvalidTimeZoneError(timeZone);
  }
  if (formatters.size >= 1000) formatters.clear();
  formatters.set(timeZone, formatter);
  return formatter;
}

/**
 * Each zone's offset from UTC at the start of UTC hours asked about, so that most readings cost a
 * lookup instead of `formatToParts` (which was a fifth of the cost of previewing a card's intervals).
 */
const hourlyOffsets = new WeakMap<Intl.DateTimeFormat, Map<number, number>>();

function offsetAtHourStart(hourStart: number, formatter: Intl.DateTimeFormat): number {
  let offsets = hourlyOffsets.get(formatter);
  if (!offsets) hourlyOffsets.set(formatter, (offsets = new Map()));
  let offset = offsets.get(hourStart);
  if (offset === undefined) {
    offset = formatWallClock(hourStart, formatter) - hourStart;
    if (offsets.size >= 10_000) offsets.clear();
    offsets.set(hourStart, offset);
  }
  return offset;
}

/**
 * The local wall clock at `instant`, written as if it were a UTC time (whole seconds). When the
 * offset is the same at both ends of the UTC hour around `instant`, no clock change falls inside it
 * (zones change at most a few times a year), so the offset holds for `instant` too; otherwise the
 * clock is read exactly.
 */
function readWallClock(instant: number, formatter: Intl.DateTimeFormat): number {
  const hourStart = Math.floor(instant / HOUR) * HOUR;
  const offset = offsetAtHourStart(hourStart, formatter);
  if (offset !== offsetAtHourStart(hourStart + HOUR, formatter)) return formatWallClock(instant, formatter);
  return Math.floor(instant / 1000) * 1000 + offset;
}

/** `readWallClock` from the formatter itself. */
function formatWallClock(instant: number, formatter: Intl.DateTimeFormat): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

function readLocalDate(now: Date, formatter: Intl.DateTimeFormat): LocalDate {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new InvalidDateError("now");
  const wall = new Date(readWallClock(now.getTime(), formatter));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The zone's offset from UTC at `instant`, in ms (positive east of Greenwich). */
function readOffset(instant: number, formatter: Intl.DateTimeFormat): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return readWallClock(wholeSecond, formatter) - wholeSecond;
}

function startOfLocalDate(date: LocalDate, formatter: Intl.DateTimeFormat): number {
  const midnight = Date.UTC(date.year, date.month - 1, date.day);
  // Any offset change near this midnight happens between these two instants (zones change at most
  // a few times a year). Each candidate that reads 00:00 locally is a real local midnight; when the
  // clock went back over midnight there are two, and the day starts at the first.
  const candidates = [
    midnight - readOffset(midnight - DAY, formatter),
    midnight - readOffset(midnight + DAY, formatter),
  ]
    .filter((instant) => readWallClock(instant, formatter) === midnight)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];

  // Midnight was skipped (clocks went forward over it): the day starts at the transition, the first
  // instant whose local date is this one. Offsets lie within -12h..+14h, so it is in this window.
  let before = midnight - 15 * HOUR;
  let from = midnight + 15 * HOUR;
  while (from - before > 1) {
    const middle = Math.floor((before + from) / 2);
    if (readWallClock(middle, formatter) >= midnight) from = middle;
    else before = middle;
  }
  return from;
}

/**
 * When a student's day starts: a local hour in their time zone. Anki's default is 4 am, so a
 * session that runs past midnight still counts as the same day.
 */
export interface StudyDayRule {
  /** IANA zone name, e.g. "America/New_York". */
  timeZone: string;
  /** Local hour, 0–23, at which the student's day starts. */
  dayStartHour: number;
}

/** Anki's: a day starts at 4 am local time. */
export const DEFAULT_DAY_START_HOUR = 4;

/** UTC, days starting at midnight: ts-fsrs's own day boundaries (what lib/srs uses when no rule is given). */
export const UTC_DAYS: Readonly<StudyDayRule> = Object.freeze({ timeZone: "UTC", dayStartHour: 0 });

/**
 * The first instant of the student's day that contains `now`: the latest `dayStartHour`:00 local
 * time at or before `now` (with `dayStartHour` 0, exactly `startOfLocalDay`).
 *
 * @example
 * startOfStudyDay(new Date("2026-12-05T06:00:00Z"), { timeZone: "America/New_York", dayStartHour: 4 }); // 2026-12-04T09:00:00Z (4 am on the 4th)
 */
export function startOfStudyDay(now: Date, rule: StudyDayRule): Date {
  if (rule.dayStartHour === 0) return startOfLocalDay(now, rule.timeZone);
  return instantOfWallTime(studyDate(now, rule), rule.dayStartHour, 0, rule.timeZone);
}

/**
 * The first instant of the student's next day after `now`: when today's daily limits end.
 *
 * @example
 * nextStudyDay(new Date("2026-12-05T06:00:00Z"), { timeZone: "America/New_York", dayStartHour: 4 }); // 2026-12-05T09:00:00Z
 */
export function nextStudyDay(now: Date, rule: StudyDayRule): Date {
  if (rule.dayStartHour === 0) return nextLocalMidnight(now, rule.timeZone);
  const today = studyDate(now, rule);
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  const date = { year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate() };
  return instantOfWallTime(date, rule.dayStartHour, 0, rule.timeZone);
}

/**
 * The student's day that `instant` belongs to, as YYYY-MM-DD: the local calendar date, or the day
 * before for times before `dayStartHour` (1 am on the 5th, with days starting at 4 am, is the 4th).
 *
 * @example
 * studyDateKey(new Date("2026-12-05T06:00:00Z"), { timeZone: "America/New_York", dayStartHour: 4 }); // "2026-12-04"
 */
export function studyDateKey(instant: Date, rule: StudyDayRule): string {
  const { year, month, day } = studyDate(instant, rule);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * `instant` moved onto the "study clock": a time whose UTC calendar day is the student's day and
 * whose UTC time of day is the local time since the day started. ts-fsrs counts days between UTC
 * calendar dates, so times given to it on this clock make its day boundaries fall on the student's.
 * Differences between two study-clock times are local wall-clock differences (an hour off across a
 * DST change, which never moves a time across a day boundary).
 *
 * @example
 * toStudyClock(new Date("2026-12-04T23:55:00Z"), { timeZone: "America/New_York", dayStartHour: 4 }); // 2026-12-04T14:55:00Z (18:55 local, 14h55 into the day)
 */
export function toStudyClock(instant: Date, rule: StudyDayRule): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new InvalidDateError("instant");
  const t = instant.getTime();
  return new Date(t + readOffset(t, formatterFor(rule.timeZone)) - rule.dayStartHour * HOUR);
}

function studyDate(instant: Date, rule: StudyDayRule): LocalDate {
  const shifted = toStudyClock(instant, rule);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * The student's day that `instant` belongs to (`studyDateKey`), as a whole number: days since
 * 1970-01-01. Differences between two are what the memory model calls elapsed days.
 *
 * @example
 * studyDayNumber(new Date("2026-12-05T06:00:00Z"), { timeZone: "America/New_York", dayStartHour: 4 }); // 20791 (2026-12-04)
 */
export function studyDayNumber(instant: Date, rule: StudyDayRule): number {
  const { year, month, day } = studyDate(instant, rule);
  return Date.UTC(year, month - 1, day) / DAY;
}

/**
 * Elapsed days as the memory model counts them: how many of the student's days lie between the
 * day of `from` and the day of `to` (0 on the same day, negative when `to` is on an earlier day).
 * The fit trains on this count (lib/srs/fit.ts), ts-fsrs schedules on it (its calendar days on the
 * study clock), and so every forecast shown to a teacher or student counts it too: ts-fsrs's own
 * `get_retrievability` counts whole 24-hour periods instead, which reads a card reviewed at 20:00
 * as 1 day old at 16:00 two days later, so its forecasts ran high against the model's own fit.
 * A day is 23 or 25 hours across a DST change; this counts it as one all the same.
 *
 * @example
 * const day = { timeZone: "America/New_York", dayStartHour: 4 };
 * studyDaysBetween(new Date("2026-12-02T01:00:00Z"), new Date("2026-12-03T21:00:00Z"), day); // 2 (20:00 on the 1st to 16:00 on the 3rd)
 */
export function studyDaysBetween(from: Date, to: Date, rule: StudyDayRule): number {
  return studyDayNumber(to, rule) - studyDayNumber(from, rule);
}
