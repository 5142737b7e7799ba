import { Prisma } from "@/lib/generated/prisma/client";

type AdapterCause = { kind?: string; code?: string; originalCode?: string };

/**
 * Did a write fail on a unique index? The shapes differ by path and adapter: a model write on
 * adapter-pg is P2002; a raw query is P2010 wrapping the driver adapter's error; and
 * pglite-prisma-adapter 0.6 passes PostgreSQL's own error (SQLSTATE 23505) through, sometimes as a
 * bare DriverAdapterError. All mean the same, so callers ask here.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return true;
    const cause = (error.meta?.driverAdapterError as { cause?: AdapterCause } | undefined)?.cause;
    return isUniqueCause(cause);
  }
  const e = error as { name?: string; cause?: AdapterCause } | null;
  return e?.name === "DriverAdapterError" && isUniqueCause(e.cause);
}

function isUniqueCause(cause: AdapterCause | undefined): boolean {
  return cause?.kind === "UniqueConstraintViolation" || cause?.code === "23505" || cause?.originalCode === "23505";
}
