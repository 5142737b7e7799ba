import { Prisma } from "@/lib/generated/prisma/client";

/**
 * lib/srs `studyDayNumber` in SQL, for statements that count a student's days over many rows (the
 * class dashboard's forecast, the calibration chart): the student's day that `utcTimestamp` belongs
 * to, as days since 1970-01-01. Differences between two are lib/srs `studyDaysBetween`.
 *
 * The same rule as local-day.ts's study clock: the local wall time in `timeZone` (PostgreSQL's zone
 * data, `AT TIME ZONE`), minus `dayStartHour` hours, then its date. `utcTimestamp` is a
 * timestamp(3) without zone holding UTC, as every column here does. The two zone databases (the
 * server's and Node's ICU) are checked against each other across DST changes by
 * tests/integration/classes/study-day-forecast.test.ts; a zone PostgreSQL does not know fails the
 * statement: sign-up and the account page accept any zone Intl knows, and the same test checks
 * that PostgreSQL and PGlite know each of Intl's canonical zones (not its aliases, e.g. US/Eastern).
 *
 * @example
 * Prisma.sql`${studyDayNumberSql(Prisma.sql`cs."lastReview"`, Prisma.sql`u.timezone`, Prisma.sql`u."dayStartHour"`)}`
 */
export function studyDayNumberSql(
  utcTimestamp: Prisma.Sql,
  timeZone: Prisma.Sql,
  dayStartHour: Prisma.Sql,
): Prisma.Sql {
  return Prisma.sql`((((${utcTimestamp}) AT TIME ZONE 'UTC') AT TIME ZONE (${timeZone}) - (${dayStartHour}) * interval '1 hour')::date - DATE '1970-01-01')`;
}
