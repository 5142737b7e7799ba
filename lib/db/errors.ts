import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Did a write fail on a unique index? adapter-pg reports it as P2002; pglite-prisma-adapter 0.6
 * passes the raw PostgreSQL error (SQLSTATE 23505) through as a DriverAdapterError. Both mean the
 * same, so callers check here rather than for either shape.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  const cause = (error as { name?: string; cause?: { code?: string } } | null)?.cause;
  return (error as { name?: string } | null)?.name === "DriverAdapterError" && cause?.code === "23505";
}
