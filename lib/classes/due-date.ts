import { z } from "zod";
import { instantOfWallTime } from "@/lib/srs";

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
  return instantOfWallTime({ year, month, day }, hours, minutes, timeZone);
}
