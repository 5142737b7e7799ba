import { db } from "@/lib/db";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { clearRateLimit, hitRateLimit, peekRateLimit, refundRateLimit } from "@/lib/auth/rate-limit";
import { SignInSchema } from "@/lib/auth/schemas";
import { PUBLIC_USER_FIELDS, type PublicUser } from "@/lib/auth/users";

/**
 * Failed sign-ins allowed per window. Per account, to stop guessing one password; per IP, to stop
 * trying many accounts — generous, because a whole class may sign in from one school address.
 */
export const SIGN_IN_LIMITS = {
  account: { max: 5, windowMs: 15 * 60 * 1000 },
  ip: { max: 50, windowMs: 15 * 60 * 1000 },
} as const;

export type SignInResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

const accountKey = (email: string) => `sign-in:account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `sign-in:ip:${ip}`;

function secondsUntil(resetAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
}

/**
 * Checks an email and password. Every attempt is counted before the password is looked at, so
 * parallel guesses cannot slip past the limit; a success takes its own count back. Wrong email and
 * wrong password give the same answer in about the same time.
 */
export async function authenticate(
  credentials: { email?: unknown; password?: unknown },
  ip: string,
  now: Date,
): Promise<SignInResult> {
  const parsed = SignInSchema.safeParse(credentials);
  const email = parsed.success ? parsed.data.email : String(credentials.email ?? "");
  const [account, address] = await Promise.all([
    hitRateLimit(accountKey(email), SIGN_IN_LIMITS.account.windowMs, now),
    hitRateLimit(ipKey(ip), SIGN_IN_LIMITS.ip.windowMs, now),
  ]);
  const blocked = [
    account.count > SIGN_IN_LIMITS.account.max ? account.resetAt : null,
    address.count > SIGN_IN_LIMITS.ip.max ? address.resetAt : null,
  ].filter((d): d is Date => d !== null);
  if (blocked.length > 0) {
    const latest = new Date(Math.max(...blocked.map((d) => d.getTime())));
    return { ok: false, reason: "rate_limited", retryAfterSeconds: secondsUntil(latest, now) };
  }
  if (!parsed.success) return { ok: false, reason: "invalid" };

  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { ...PUBLIC_USER_FIELDS, passwordHash: true },
  });
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, parsed.data.password)
    : await verifyAgainstDummy(parsed.data.password);
  if (!user || !valid) return { ok: false, reason: "invalid" };

  await Promise.all([clearRateLimit(accountKey(email)), refundRateLimit(ipKey(ip))]);
  const { passwordHash: _, ...publicUser } = user;
  return { ok: true, user: publicUser };
}

/** Seconds until this email or IP may try again (0: it may try now). Reads, never counts. */
export async function signInRetryAfter(email: string, ip: string, now: Date): Promise<number> {
  const [account, address] = await Promise.all([peekRateLimit(accountKey(email), now), peekRateLimit(ipKey(ip), now)]);
  const waits = [
    account.count >= SIGN_IN_LIMITS.account.max ? secondsUntil(account.resetAt, now) : 0,
    address.count >= SIGN_IN_LIMITS.ip.max ? secondsUntil(address.resetAt, now) : 0,
  ];
  return Math.max(...waits);
}
