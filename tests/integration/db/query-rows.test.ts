import { describe, expect, it, onTestFinished } from "vitest";
import { queryRows } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { stateFromSqlJson, type SqlStateJson } from "@/lib/study/memory";

// queryRows (lib/db.ts) sends the per-request statements without Prisma's engine: it must read
// columns as Prisma's $queryRaw did, on PGlite and on a server, or the hot path would read dates an
// offset off or counts as strings.

/** Runs the rest of the test with the process in `timeZone`, and puts the zone back after it. */
function inZone(timeZone: string) {
  const zone = process.env.TZ;
  process.env.TZ = timeZone;
  onTestFinished(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
}

describe("queryRows", () => {
  it("reads timestamps as UTC instants, counts and numerics as numbers, arrays and JSON as values", async () => {
    // In a zone other than UTC, node-postgres's own reading of a zone-less timestamp is hours off.
    inZone("America/New_York");
    const at = new Date("2026-03-08T07:30:15.123Z");
    const [row] = await queryRows<{ at: Date; n: number; x: number; tags: string[]; w: number[]; j: { a: number } }>(
      Prisma.sql`SELECT ${at.toISOString()}::timestamp(3) AS at, count(*) AS n, 1.25::numeric AS x,
                        ARRAY['a', 'b,c'] AS tags, ARRAY[0.5, 2]::float8[] AS w, '{"a": 1}'::jsonb AS j
                 FROM generate_series(1, 3)`,
    );
    // (Prisma's own $queryRaw on PGlite reads this one in the process's zone, hours off here; its
    // model queries do not. queryRows reads it right in any zone.)
    expect(row).toEqual({ at, n: 3, x: 1.25, tags: ["a", "b,c"], w: [0.5, 2], j: { a: 1 } });
  });

  it("reads a state built by json_build_object with its timestamps as UTC instants, in any zone", async () => {
    // json_build_object writes a zone-less timestamp as text without a zone: the queue and the
    // review's card read (lib/study/queue-sql.ts, lib/study/review.ts) read states this way.
    inZone("America/New_York");
    const due = new Date("2026-03-08T07:30:15.123Z");
    const lastReview = new Date("2026-03-01T23:59:59.999Z");
    const [row] = await queryRows<{ fresh: SqlStateJson; seen: SqlStateJson }>(
      Prisma.sql`SELECT json_build_object('due', ${due.toISOString()}::timestamp(3), 'lastReview', NULL::timestamp, 'reps', 0) AS fresh,
                        json_build_object('due', ${due.toISOString()}::timestamp(3), 'lastReview', ${lastReview.toISOString()}::timestamp(3), 'reps', 2) AS seen`,
    );
    expect(stateFromSqlJson(row!.fresh)).toMatchObject({ due, lastReview: null, reps: 0 });
    expect(stateFromSqlJson(row!.seen)).toMatchObject({ due, lastReview, reps: 2 });
  });

  it("writes a Date parameter as the same instant in any zone", async () => {
    inZone("Asia/Kolkata");
    const at = new Date("2026-03-08T07:30:15.123Z");
    const [row] = await queryRows<{ iso: string }>(
      Prisma.sql`SELECT to_char(${at}::timestamp(3), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS iso`,
    );
    expect(row!.iso).toBe(at.toISOString());
  });

  it("runs one statement with new values each time, and many different statements", async () => {
    for (const n of [1, 2, 3])
      expect(await queryRows<{ n: number }>(Prisma.sql`SELECT ${n}::int AS n`)).toEqual([{ n }]);
    // More texts than are ever prepared (200): past the bound they run unprepared, still correct.
    for (let i = 0; i < 210; i++) {
      const [row] = await queryRows<{ i: number }>(Prisma.sql`SELECT ${i}::int AS i, ${Prisma.raw(String(i))} AS k`);
      expect(row!.i).toBe(i);
    }
  });

  it("fails on a unique index with an error isUniqueViolation recognizes", async () => {
    const email = `query-rows-${Date.now()}@example.org`;
    const insert = Prisma.sql`INSERT INTO "User" (id, email, name, role, "updatedAt")
      VALUES (gen_random_uuid(), ${email}, 'Q', 'student', now())`;
    await queryRows(insert);
    const error = await queryRows(insert).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });
});
