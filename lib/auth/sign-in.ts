import { db } from "@/lib/db";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import {
  clearRateLimit,
  hitRateLimit,
  peekRateLimit,
  refundRateLimit,
  secondsUntil,
  type RateLimitResult,
} from "@/lib/auth/rate-limit";
import { SignInSchema } from "@/lib/auth/schemas";
import { PUBLIC_USER_FIELDS, type PublicUser } from "@/lib/auth/users";

/**
 * Failed sign-ins allowed per window, shaped so that nobody can lock the owner out of an account
 * (docs/decisions/008-brute-force-without-lockout.md):
 * - pair: one account from one address, to stop guessing its password there. Strict, and it blocks
 *   only that address, never the owner signing in from another.
 * - ip: one address across all accounts, to stop trying many accounts. Generous: a whole class may
 *   sign in from one school address.
 * - account: from everywhere, the ceiling OWASP ASVS asks for (at most 100 failures an hour), which
 *   only a distributed attack can reach. Attempts already refused by the other two do not count
 *   towards it, so a single attacker cannot fill it.
 */
export const SIGN_IN_LIMITS = {
  pair: { max: 5, windowMs: 15 * 60 * 1000 },
  ip: { max: 50, windowMs: 15 * 60 * 1000 },
  account: { max: 100, windowMs: 60 * 60 * 1000 },
} as const;

export type SignInResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

const normal = (email: string) => email.trim().toLowerCase();
const pairKey = (email: string, ip: string) => `sign-in:pair:${ip}:${normal(email)}`;
const ipKey = (ip: string) => `sign-in:ip:${ip}`;
const accountKey = (email: string) => `sign-in:account:${normal(email)}`;

function latestBlock(now: Date, checks: [RateLimitResult, number][]): number {
  const blocked = checks.filter(([r, max]) => r.count > max).map(([r]) => r.resetAt.getTime());
  return blocked.length ? secondsUntil(new Date(Math.max(...blocked)), now) : 0;
}

/**
 * Checks an email and password. Every attempt is counted before the password is looked at, so
 * parallel guesses cannot slip past the limits; a success takes its own counts back. Wrong email and
 * wrong password give the same answer in about the same time.
 */
export async function authenticate(
  credentials: { email?: unknown; password?: unknown },
  ip: string,
  now: Date,
): Promise<SignInResult> {
  const parsed = SignInSchema.safeParse(credentials);
  const email = parsed.success ? parsed.data.email : String(credentials.email ?? "");
  const [pair, address] = await Promise.all([
    hitRateLimit(pairKey(email, ip), SIGN_IN_LIMITS.pair.windowMs, now),
    hitRateLimit(ipKey(ip), SIGN_IN_LIMITS.ip.windowMs, now),
  ]);
  const local = latestBlock(now, [
    [pair, SIGN_IN_LIMITS.pair.max],
    [address, SIGN_IN_LIMITS.ip.max],
  ]);
  if (local > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: local };
  const account = await hitRateLimit(accountKey(email), SIGN_IN_LIMITS.account.windowMs, now);
  const global = latestBlock(now, [[account, SIGN_IN_LIMITS.account.max]]);
  if (global > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: global };
  if (!parsed.success) return { ok: false, reason: "invalid" };

  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { ...PUBLIC_USER_FIELDS, passwordHash: true },
  });
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, parsed.data.password)
    : await verifyAgainstDummy(parsed.data.password);
  if (!user || !valid) return { ok: false, reason: "invalid" };

  await Promise.all([
    clearRateLimit(pairKey(email, ip)),
    refundRateLimit(ipKey(ip)),
    refundRateLimit(accountKey(email)),
  ]);
  const { passwordHash: _, ...publicUser } = user;
  return { ok: true, user: publicUser };
}

/** Seconds until this email may try again from this address (0: it may try now). Reads, never counts. */
export async function signInRetryAfter(email: string, ip: string, now: Date): Promise<number> {
  const [pair, address, account] = await Promise.all([
    peekRateLimit(pairKey(email, ip), now),
    peekRateLimit(ipKey(ip), now),
    peekRateLimit(accountKey(email), now),
  ]);
  const waits = [
    pair.count >= SIGN_IN_LIMITS.pair.max ? secondsUntil(pair.resetAt, now) : 0,
    address.count >= SIGN_IN_LIMITS.ip.max ? secondsUntil(address.resetAt, now) : 0,
    account.count >= SIGN_IN_LIMITS.account.max ? secondsUntil(account.resetAt, now) : 0,
  ];
  return Math.max(...waits);
}
