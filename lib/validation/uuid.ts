import { z } from "zod";

const UuidSchema = z.uuid();

/**
 * Whether `value` is a UUID, checked before it reaches a `::uuid` cast or a Prisma uuid column,
 * where a malformed id is a database error (a 500) instead of "not found".
 *
 * @example isUuid("not-a-class") // false
 */
export function isUuid(value: unknown): value is string {
  return UuidSchema.safeParse(value).success;
}
