import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PublicUser } from "@/lib/auth/users";
import { isUuid } from "@/lib/validation/uuid";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
// lastSeenAt is for the user's own view of their sessions; minute precision is plenty.
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export async function createSession(userId: string, now: Date, userAgent?: string | null): Promise<string> {
  const session = await db.session.create({
    data: {
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: userAgent?.slice(0, 300) ?? null,
    },
    select: { id: true },
  });
  return session.id;
}

/**
 * The user of a live session (not revoked, not expired), or null. Runs on every authenticated
 * request, so it is one raw query: Prisma's query compiler costs more than the lookup itself.
 */
export async function findSessionUser(sessionId: string, now: Date): Promise<PublicUser | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await queryRows<PublicUser & { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date }>(Prisma.sql`
    SELECT s."revokedAt", s."expiresAt", s."lastSeenAt", u.id::text AS id, u.email, u.name, u.role::text AS role, u.timezone, u."dayStartHour"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}::uuid`);
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    timezone: row.timezone,
    dayStartHour: row.dayStartHour,
  };
}

export async function revokeSession(sessionId: string, now: Date): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** "Sign out everywhere": every session of the user, on every device, stops working. */
export async function revokeAllSessions(userId: string, now: Date): Promise<number> {
  const { count } = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/** The user's live sessions, newest first (for the account page). */
export async function listSessions(userId: string, now: Date) {
  return db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true },
  });
}
