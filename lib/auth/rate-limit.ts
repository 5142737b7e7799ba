import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { RateLimitedError } from "@/lib/errors";
import { formatWait } from "@/lib/auth/format-wait";

/**
 * Fixed-window counters in the database: one atomic upsert per hit, so concurrent attempts are all
 * counted and limits hold across restarts and server instances.
 */
export interface RateLimitResult {
  count: number;
  resetAt: Date;
}

export async function hitRateLimit(key: string, windowMs: number, now: Date): Promise<RateLimitResult> {
  const resetAt = new Date(now.getTime() + windowMs);
  // queryRows, not $queryRaw: Prisma's $queryRaw on PGlite reads the returned timestamp in the
  // process's zone (hours off on a machine not in UTC).
  const rows = await queryRows<RateLimitResult>(Prisma.sql`
    INSERT INTO "RateLimit" (key, count, "resetAt") VALUES (${key}, 1, ${resetAt})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit".count + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN ${resetAt} ELSE "RateLimit"."resetAt" END
    RETURNING count, "resetAt"`);
  return rows[0]!;
}

/** The current count of an unexpired window (0 when none). */
export async function peekRateLimit(key: string, now: Date): Promise<RateLimitResult> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.resetAt <= now) return { count: 0, resetAt: now };
  return { count: row.count, resetAt: row.resetAt };
}

export async function clearRateLimit(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** Takes back one hit (a successful attempt should not count against a shared IP). */
export async function refundRateLimit(key: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimit" SET count = GREATEST(count - 1, 0) WHERE key = ${key}`;
}

export interface Limit {
  max: number;
  windowMs: number;
}

/** Whole seconds from `now` until `resetAt` (at least 1). */
export function secondsUntil(resetAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
}

/**
 * Counts one attempt against `key` before the work it guards, so parallel attempts cannot slip past,
 * and throws RateLimitedError (with the wait) once over `limit.max`. The caller refunds attempts that
 * turn out fine (`refundRateLimit(key)`) when only failures should count.
 *
 * @example await countAttempt(`join:user:${user.id}`, JOIN_CODE_LIMIT, now, (wait) => `Try again in ${wait}.`);
 */
export async function countAttempt(
  key: string,
  limit: Limit,
  now: Date,
  message: (wait: string) => string,
): Promise<void> {
  const { count, resetAt } = await hitRateLimit(key, limit.windowMs, now);
  if (count <= limit.max) return;
  const retryAfterSeconds = secondsUntil(resetAt, now);
  throw new RateLimitedError(message(formatWait(retryAfterSeconds)), "rate_limited", { retryAfterSeconds });
}
