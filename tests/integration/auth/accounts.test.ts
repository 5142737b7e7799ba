import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { EmailTakenError, createUser } from "@/lib/auth/users";
import { SIGN_IN_LIMITS, authenticate, signInRetryAfter } from "@/lib/auth/sign-in";
import {
  createSession,
  findSessionUser,
  revokeAllSessions,
  revokeSession,
  SESSION_MAX_AGE_SECONDS,
} from "@/lib/auth/sessions";

const NOW = new Date("2026-11-27T09:00:00Z");
const PASSWORD = "the-analytical-engine";
let n = 0;
const uniqueEmail = () => `user${++n}-${Math.random().toString(36).slice(2, 8)}@example.org`;
const signUp = (overrides: Partial<{ email: string; role: "student" | "teacher" }> = {}) =>
  createUser({
    name: "Test User",
    email: overrides.email ?? uniqueEmail(),
    password: PASSWORD,
    role: overrides.role ?? "student",
    timezone: "Asia/Tokyo",
  });

describe("sign-up", () => {
  it("records the chosen role and time zone, and stores an argon2id hash, never the password", async () => {
    const teacher = await signUp({ role: "teacher" });
    const row = await db.user.findUniqueOrThrow({ where: { id: teacher.id } });
    expect(row.role).toBe("teacher");
    expect(row.timezone).toBe("Asia/Tokyo");
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    const email = uniqueEmail();
    await signUp({ email });
    await expect(signUp({ email: email.toUpperCase() })).rejects.toThrow(EmailTakenError);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("lets only one of two racing sign-ups for one email succeed", async () => {
    const email = uniqueEmail();
    const results = await Promise.allSettled([signUp({ email }), signUp({ email })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")?.reason).toBeInstanceOf(EmailTakenError);
  });

  it("rejects invalid input with a validation error and writes nothing", async () => {
    const email = uniqueEmail();
    await expect(
      createUser({ name: "X", email, password: "password", role: "student", timezone: "UTC" }),
    ).rejects.toThrow(ZodError);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("sign-in", () => {
  it("accepts the right password, ignoring the email's case and spaces", async () => {
    const user = await signUp();
    const result = await authenticate(
      { email: ` ${user.email.toUpperCase()} `, password: PASSWORD },
      "198.51.100.1",
      NOW,
    );
    expect(result).toEqual({ ok: true, user });
  });

  it("gives the same answer for a wrong password and for an unknown email", async () => {
    const user = await signUp();
    const wrongPassword = await authenticate({ email: user.email, password: "not-the-password" }, "198.51.100.2", NOW);
    const unknownEmail = await authenticate({ email: uniqueEmail(), password: PASSWORD }, "198.51.100.2", NOW);
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("blocks an account from one address after repeated failures there, even the right password, until the window passes", async () => {
    const user = await signUp();
    const ip = "198.51.100.3";
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max; i++) {
      expect(await authenticate({ email: user.email, password: "wrong-password" }, ip, NOW)).toMatchObject({
        reason: "invalid",
      });
    }
    expect(await signInRetryAfter(user.email, ip, NOW)).toBe(SIGN_IN_LIMITS.pair.windowMs / 1000);
    const locked = await authenticate({ email: user.email, password: PASSWORD }, ip, NOW);
    expect(locked).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: SIGN_IN_LIMITS.pair.windowMs / 1000,
    });
    // Not from the owner's own address: an attacker elsewhere cannot lock the owner out.
    expect(await authenticate({ email: user.email, password: PASSWORD }, "198.51.100.99", NOW)).toMatchObject({
      ok: true,
    });

    const later = new Date(NOW.getTime() + SIGN_IN_LIMITS.pair.windowMs + 1000);
    expect(await signInRetryAfter(user.email, ip, later)).toBe(0);
    expect(await authenticate({ email: user.email, password: PASSWORD }, ip, later)).toMatchObject({ ok: true });
  });

  it("lets the owner in from their own address however long an attacker elsewhere keeps guessing", async () => {
    const user = await signUp();
    const attacker = "203.0.113.66";
    const results = [];
    for (let i = 0; i < 120; i++)
      results.push(await authenticate({ email: user.email, password: `guess-${i}-guess` }, attacker, NOW));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(SIGN_IN_LIMITS.pair.max);
    expect(await signInRetryAfter(user.email, "198.51.100.42", NOW)).toBe(0);
    expect(await authenticate({ email: user.email, password: PASSWORD }, "198.51.100.42", NOW)).toMatchObject({
      ok: true,
    });
  });

  it("caps failures per account from everywhere at OWASP ASVS's 100 an hour (a distributed attack)", async () => {
    const user = await signUp();
    for (let i = 0; i < SIGN_IN_LIMITS.account.max; i++)
      expect(
        await authenticate({ email: user.email, password: "wrong-password" }, `10.1.${i >> 8}.${i & 255}`, NOW),
      ).toMatchObject({ reason: "invalid" });
    expect(await authenticate({ email: user.email, password: PASSWORD }, "10.2.0.1", NOW)).toMatchObject({
      reason: "rate_limited",
    });
    const later = new Date(NOW.getTime() + SIGN_IN_LIMITS.account.windowMs + 1000);
    expect(await authenticate({ email: user.email, password: PASSWORD }, "10.2.0.1", later)).toMatchObject({
      ok: true,
    });
  });

  it("counts parallel guesses, so a burst cannot slip past the limit", async () => {
    const user = await signUp();
    const burst = await Promise.all(
      Array.from({ length: 12 }, () =>
        authenticate({ email: user.email, password: "guess-guess" }, "198.51.100.4", NOW),
      ),
    );
    expect(burst.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(SIGN_IN_LIMITS.pair.max);
    expect(burst.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(12 - SIGN_IN_LIMITS.pair.max);
  });

  it("limits failures per IP across many accounts, and a success does not count against the IP", async () => {
    const ip = "198.51.100.5";
    const user = await signUp();
    for (let i = 0; i < 3; i++)
      expect(await authenticate({ email: user.email, password: PASSWORD }, ip, NOW)).toMatchObject({ ok: true });
    for (let i = 0; i < SIGN_IN_LIMITS.ip.max; i++) {
      expect(await authenticate({ email: uniqueEmail(), password: "whatever-1" }, ip, NOW)).toMatchObject({
        reason: "invalid",
      });
    }
    expect(await authenticate({ email: user.email, password: PASSWORD }, ip, NOW)).toMatchObject({
      reason: "rate_limited",
    });
  });

  it("resets an account's failure count after a successful sign-in", async () => {
    const user = await signUp();
    const ip = "198.51.100.6";
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max - 1; i++)
      await authenticate({ email: user.email, password: "nope-nope" }, ip, NOW);
    expect(await authenticate({ email: user.email, password: PASSWORD }, ip, NOW)).toMatchObject({ ok: true });
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max - 1; i++) {
      expect(await authenticate({ email: user.email, password: "nope-nope" }, ip, NOW)).toMatchObject({
        reason: "invalid",
      });
    }
  });
});

describe("sessions", () => {
  it("are live until signed out, and sign-out ends only that browser's session", async () => {
    const user = await signUp();
    const laptop = await createSession(user.id, NOW);
    const phone = await createSession(user.id, NOW);
    expect(await findSessionUser(laptop, NOW)).toEqual(user);
    await revokeSession(laptop, NOW);
    expect(await findSessionUser(laptop, NOW)).toBeNull();
    expect(await findSessionUser(phone, NOW)).toEqual(user);
  });

  it("are all refused after signing out everywhere", async () => {
    const user = await signUp();
    const other = await signUp();
    const sessions = await Promise.all([
      createSession(user.id, NOW),
      createSession(user.id, NOW),
      createSession(user.id, NOW),
    ]);
    const othersSession = await createSession(other.id, NOW);
    expect(await revokeAllSessions(user.id, NOW)).toBe(3);
    for (const s of sessions) expect(await findSessionUser(s, NOW)).toBeNull();
    expect(await findSessionUser(othersSession, NOW)).toEqual(other);
  });

  it("expire after their maximum age", async () => {
    const user = await signUp();
    const sid = await createSession(user.id, NOW);
    const justBefore = new Date(NOW.getTime() + SESSION_MAX_AGE_SECONDS * 1000 - 1000);
    expect(await findSessionUser(sid, justBefore)).toEqual(user);
    expect(await findSessionUser(sid, new Date(NOW.getTime() + SESSION_MAX_AGE_SECONDS * 1000))).toBeNull();
  });
});
