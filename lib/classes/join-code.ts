import { randomInt } from "node:crypto";
import { z } from "zod";

/**
 * Join codes: 8 characters from an alphabet without 0, O, 1 or I, so a code read off a projector
 * or dictated in class cannot be mistyped into another one. 32 symbols × 8 places ≈ 1.1 × 10¹²
 * codes: guessing one is hopeless even without a rate limit, and collisions are rare enough that
 * one retry on the unique index settles them.
 */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 8;

/** A fresh random code (crypto-grade, unbiased), stored as 8 upper-case characters without a dash. */
export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * How a code is shown and spoken: two groups of four, e.g. "K7QM-4XTP".
 *
 * @example
 * formatJoinCode("K7QM4XTP"); // "K7QM-4XTP"
 */
export function formatJoinCode(code: string): string {
  return code.length === JOIN_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

const AMBIGUOUS = /[01OI]/;
const VALID = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/**
 * A code as a student types it: any case, with or without the dash, spaces around or inside.
 * Parses to the stored form, or fails with a message that says what is wrong with it.
 *
 * @example
 * JoinCodeSchema.parse(" k7qm-4xtp "); // "K7QM4XTP"
 */
export const JoinCodeSchema = z
  .string({ error: "Enter the class code your teacher gave you." })
  .transform((raw) => raw.toUpperCase().replace(/[\s-]+/g, ""))
  .superRefine((code, ctx) => {
    if (code === "") ctx.addIssue({ code: "custom", message: "Enter the class code your teacher gave you." });
    else if (AMBIGUOUS.test(code)) {
      ctx.addIssue({
        code: "custom",
        message: "Class codes never contain 0, O, 1 or I. Check the code with your teacher.",
      });
    } else if (code.length !== JOIN_CODE_LENGTH) {
      ctx.addIssue({
        code: "custom",
        message: `A class code has ${JOIN_CODE_LENGTH} letters and digits, like K7QM-4XTP. This one has ${code.length}.`,
      });
    } else if (!VALID.test(code)) {
      ctx.addIssue({ code: "custom", message: "A class code has only letters and digits, like K7QM-4XTP." });
    }
  });
