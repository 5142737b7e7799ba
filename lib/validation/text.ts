import { z } from "zod";

// NUL cannot be stored in a PostgreSQL text column, and a lone UTF-16 surrogate cannot be encoded
// as UTF-8 at all: either reached the database as a 500. Text is refused at the edge instead.
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE =
  "This text contains a character that cannot be stored (a NUL byte or a broken Unicode character). Remove it and try again.";

/** Whether a string holds a NUL or a lone surrogate. */
export function isUnsafeText(value: string): boolean {
  return UNSAFE.test(value);
}

/** The first unsafe string anywhere in a JSON value, as a path ("cards.3.prompt"); null when none. */
export function findUnsafeText(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return isUnsafeText(value) ? path.join(".") : null;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    if (isUnsafeText(key)) return [...path, key].join(".");
    const found = findUnsafeText(child, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The one schema for free text a person types: a string with no NUL and no lone surrogate. Build
 * every text field on it (`TextSchema.trim().min(1)...`) so none can reach the database unchecked.
 *
 * @example export const ClassNameSchema = TextSchema.trim().min(1).max(80);
 */
export const TextSchema = z.string().refine((value) => !isUnsafeText(value), { error: UNSAFE_TEXT_MESSAGE });

/** TextSchema with the `error` for a missing value. */
export const textSchema = (error: string) =>
  z.string({ error }).refine((value) => !isUnsafeText(value), { error: UNSAFE_TEXT_MESSAGE });
