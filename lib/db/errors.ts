import { Prisma } from "@/lib/generated/prisma/client";

type AdapterCause = { kind?: string; code?: string; originalCode?: string };

/**
 * Did a write fail on a unique index? The shapes differ by path and adapter: a model write on
 * adapter-pg is P2002; a raw query is P2010 wrapping the driver adapter's error; and
 * pglite-prisma-adapter 0.6 passes PostgreSQL's own error (SQLSTATE 23505) through, sometimes as a
 * bare DriverAdapterError; a statement sent by `queryRows` (lib/db.ts) fails with the driver's own
 * error, SQLSTATE in `code`. All mean the same, so callers ask here.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return true;
    const cause = (error.meta?.driverAdapterError as { cause?: AdapterCause } | undefined)?.cause;
    return isUniqueCause(cause);
  }
  const e = error as { name?: string; code?: unknown; cause?: AdapterCause } | null;
  return (e?.name === "DriverAdapterError" && isUniqueCause(e.cause)) || e?.code === "23505";
}

function isUniqueCause(cause: AdapterCause | undefined): boolean {
  return cause?.kind === "UniqueConstraintViolation" || cause?.code === "23505" || cause?.originalCode === "23505";
}

// Prisma's codes for "the server cannot be reached or stopped answering": can't reach (P1001),
// timed out (P1002, P1008), database missing (P1003), connection closed (P1017), pool timeout (P2024).
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1003", "P1008", "P1017", "P2024"]);
// The driver adapter's kinds for the same, when its error arrives unwrapped or inside P2010 (raw queries).
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
// node-postgres and the OS: refused or dropped sockets; PostgreSQL shutting down or starting (57P0x).
const UNAVAILABLE_SYSTEM_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"]);

/**
 * Is this the database being unreachable (down, restarting, refusing connections) rather than a
 * query's own failure? Such errors are an outage, answered 503 and logged sparingly, not a bug.
 * Looks through `cause` chains (Auth.js and Prisma wrap what they catch).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    meta?: { driverAdapterError?: { cause?: AdapterCause } };
    cause?: unknown;
    err?: unknown;
  };
  if (error instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_PRISMA_CODES.has(error.code)) return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause && isUnavailableCause(adapterCause)) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.code === "string" && (UNAVAILABLE_SYSTEM_CODES.has(e.code) || UNAVAILABLE_SQLSTATES.has(e.code)))
    return true;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.err, depth + 1);
}

function isUnavailableCause(cause: AdapterCause): boolean {
  return (
    (cause.kind !== undefined && UNAVAILABLE_ADAPTER_KINDS.has(cause.kind)) ||
    (cause.originalCode !== undefined && UNAVAILABLE_SQLSTATES.has(cause.originalCode))
  );
}
