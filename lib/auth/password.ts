import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// @node-rs/argon2 defaults to argon2id (its Algorithm is a const enum, unusable under
// isolatedModules). Cost: OWASP's recommended minimum for argon2id (19 MiB, 2 passes).
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// A strength check over zxcvbn-ts's dictionaries. Its estimator (@zxcvbn-ts/core) is not a
// dependency, so these rules catch what it would score lowest: common passwords, a common word or
// password with a few characters added or swapped (Password1!, p@ssw0rd), too few distinct
// characters, runs (abcd, 4321), passwords published in the README, and the user's own email.
const COMMON_PASSWORDS = new Set(dictionary["passwords-common"].slice(0, 10_000).map((p) => p.toLowerCase()));
const COMMON_WORDS = new Set(dictionary["diceware-common"].map((w) => w.toLowerCase()));

/** Passwords printed in the README (the demo accounts): anyone may try them. */
export const PUBLISHED_PASSWORDS = new Set(["clio-demo-teacher", "clio-demo-student"]);

const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
};

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** The password with digits and symbols trimmed from both ends and common swaps undone (P@ssw0rd1! -> password). */
function baseWord(password: string): string {
  const trimmed = password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, "");
  return [...trimmed].map((c) => LEET[c] ?? c).join("");
}

function isRun(password: string): boolean {
  const codes = [...password.toLowerCase()].map((c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((c, i) => c - codes[i]!));
  return steps.size === 1 && Math.abs([...steps][0]!) <= 1;
}

/**
 * Why a password is too easy to guess, as advice a person can act on; null when it is not.
 * `email` (the account's) is refused as the password or inside it.
 *
 * @example passwordWeakness("Password1!") // "A common word or password with a few characters added ..."
 */
export function passwordWeakness(password: string, email?: string): string | null {
  const lower = password.toLowerCase();
  const local = email?.trim().toLowerCase().split("@")[0] ?? "";
  if (PUBLISHED_PASSWORDS.has(lower))
    return "This password is printed in Clio's README, so anyone may try it. Choose your own.";
  if (isCommonPassword(password)) return "This password is one of the most common and easy to guess. Choose another.";
  if (email && (lower === email.trim().toLowerCase() || (local.length >= 3 && lower.includes(local))))
    return "Don't use your email address (or its name part) in your password.";
  const base = baseWord(password);
  if (base.length >= 3 && (COMMON_PASSWORDS.has(base) || COMMON_WORDS.has(base)) && password.length - base.length <= 4)
    return "A common word or password with a few characters added or swapped is easy to guess. Try three or four unrelated words.";
  if (new Set(lower).size < 5)
    return "This password repeats too few different characters. Try three or four unrelated words.";
  if (isRun(password))
    return "A run of letters or digits (abcd, 1234) is easy to guess. Try three or four unrelated words.";
  return null;
}

export const PasswordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.`, abort: true })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.`, abort: true })
  .check((ctx) => {
    const weakness = passwordWeakness(ctx.value);
    if (weakness) ctx.issues.push({ code: "custom", message: weakness, input: ctx.value });
  });

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed check, not a crash
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the same time as a real check, for sign-ins with an unknown email, so response time does
 * not reveal which accounts exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("clio-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
