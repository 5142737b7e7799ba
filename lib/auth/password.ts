import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// @node-rs/argon2 defaults to argon2id (its Algorithm is a const enum, unusable under
// isolatedModules). Cost: OWASP's recommended minimum for argon2id (19 MiB, 2 passes).
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// The 10,000 most common passwords (zxcvbn's frequency-ranked list), compared case-insensitively.
const COMMON_PASSWORDS = new Set(dictionary["passwords-common"].slice(0, 10_000).map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

export const PasswordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.`, abort: true })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.`, abort: true })
  .refine((p) => !isCommonPassword(p), {
    error: "This password is one of the most common and easy to guess. Choose another.",
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
