import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { db } from "@/lib/db";

const run = promisify(execFile);

describe("migrations", () => {
  it("apply in full to an empty database, and a second run applies nothing", async () => {
    const empty = await PGlite.create();
    try {
      const all = (await readMigrations()).map((m) => m.name);
      expect(await applyMigrations(empty)).toEqual(all);
      expect(await applyMigrations(empty)).toEqual([]);
      const { rows } = await empty.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining([
          "User",
          "Session",
          "Article",
          "Deck",
          "Card",
          "CardState",
          "ReviewLog",
          "Class",
          "Membership",
          "Assignment",
          "_prisma_migrations",
        ]),
      );
    } finally {
      await empty.close();
    }
  });

  it("refuse to run when an applied migration was edited", async () => {
    const pg = await PGlite.create();
    try {
      await applyMigrations(pg);
      await pg.query(`UPDATE "_prisma_migrations" SET checksum = 'edited'`);
      await expect(applyMigrations(pg)).rejects.toThrow(/was edited after it was applied/);
    } finally {
      await pg.close();
    }
  });

  it("leave this test's database (PGlite or the server) where the Prisma client works", async () => {
    const user = await db.user.create({ data: { email: "m@example.org", name: "M", role: "teacher" } });
    expect(user.role).toBe("teacher");
    expect(user.timezone).toBe("UTC");
  });

  it("match schema.prisma exactly: no drift between the migrations and the schema", async () => {
    // Prisma diffs the migrations (replayed on a shadow database) against the schema; exit code 2 = drift.
    const root = process.cwd();
    const result = await run(
      path.join(root, "node_modules/.bin/prisma"),
      [
        "migrate",
        "diff",
        "--config",
        "prisma/prisma.config.ts",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      { cwd: root, env: { ...process.env, CHECKPOINT_DISABLE: "1", CLIO_DATA_DIR: "memory://" } },
    ).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    expect(result.out).toMatch(/empty migration|No difference/i);
    expect(result.code).toBe(0);
    // Prisma's CLI starts its WebAssembly engines and replays every migration on a shadow database:
    // 10–20 s alone, nearer 30 on a busy 2-core machine, so this one test gets more than the default.
  }, 90_000);
});
