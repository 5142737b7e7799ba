import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { hashPassword } from "@/lib/auth/password";
import { SignUpSchema, StudyDaySettingsSchema, type SignUpInput } from "@/lib/auth/schemas";
import { countAttempt } from "@/lib/auth/rate-limit";

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists. Sign in instead.");
    this.name = "EmailTakenError";
  }
}

/** The fields of a user that the app shows and authorizes with (never the password hash). */
export const PUBLIC_USER_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  timezone: true,
  dayStartHour: true,
} as const;
export type PublicUser = Prisma.UserGetPayload<{ select: typeof PUBLIC_USER_FIELDS }>;

/**
 * Sign-ups per address: each costs an argon2 hash, and each "already exists" answer tells whether
 * an email has an account (docs/decisions/008-brute-force-without-lockout.md). Generous, because a
 * whole class may sign up at once from one school address.
 */
export const SIGN_UP_LIMIT = { max: 100, windowMs: 60 * 60 * 1000 } as const;

/** Counts a sign-up from this address; RateLimitedError once over SIGN_UP_LIMIT. */
export function throttleSignUp(ip: string, now: Date): Promise<void> {
  return countAttempt(
    `sign-up:ip:${ip}`,
    SIGN_UP_LIMIT,
    now,
    (wait) => `Too many new accounts from your network. Try again in ${wait}.`,
  );
}

/** Creates an account; throws ZodError for bad input and EmailTakenError for a duplicate email. */
export async function createUser(input: SignUpInput): Promise<PublicUser> {
  const data = SignUpSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.user.create({
      data: { email: data.email, name: data.name, role: data.role, timezone: data.timezone, passwordHash },
      select: PUBLIC_USER_FIELDS,
    });
  } catch (error) {
    // The unique index decides, so two sign-ups racing for one email cannot both succeed.
    if (isUniqueViolation(error)) throw new EmailTakenError();
    throw error;
  }
}

export class GithubEmailTakenError extends Error {
  constructor() {
    super("An account with your GitHub email already exists. Sign in with your email and password.");
    this.name = "GithubEmailTakenError";
  }
}

/** The Clio account for a GitHub identity, created (as a student) on first sign-in. */
export async function findOrCreateGithubUser(profile: {
  githubId: string;
  email: string;
  name: string;
}): Promise<PublicUser> {
  const existing = await db.user.findUnique({ where: { githubId: profile.githubId }, select: PUBLIC_USER_FIELDS });
  if (existing) return existing;
  // Not linked by email automatically: that would let whoever controls a GitHub email take over
  // a password account.
  const email = profile.email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new GithubEmailTakenError();
  return db.user.create({
    data: { email, name: profile.name || email, role: "student", githubId: profile.githubId },
    select: PUBLIC_USER_FIELDS,
  });
}

/**
 * Saves where the student is and when their day starts (the account page). Scoped to the signed-in
 * user by id; throws ZodError for a bad zone or hour.
 *
 * @example await updateStudyDay(user.id, { timezone: "America/New_York", dayStartHour: "4" });
 */
export async function updateStudyDay(userId: string, input: unknown): Promise<PublicUser> {
  const data = StudyDaySettingsSchema.parse(input);
  return db.user.update({
    where: { id: userId },
    data: { timezone: data.timezone, dayStartHour: data.dayStartHour },
    select: PUBLIC_USER_FIELDS,
  });
}
