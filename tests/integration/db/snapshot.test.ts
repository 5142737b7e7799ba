import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEmbeddedPglite, writeSnapshot } from "@/lib/db/snapshot";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";

// A first start opens a new data directory from the migrated snapshot `npm run build` writes
// (bench/first-start.ts measures the time it saves); a bad snapshot must cost only that time.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clio-snapshot-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const migrations = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((d) => fs.statSync(path.join(MIGRATIONS_DIR, d)).isDirectory());

/** A data directory's path in a parent that exists, as lib/db.ts makes it. */
function newDataDir(name: string): string {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  return path.join(dir, name, "pglite");
}

async function appliedMigrations(dataDir: string, snapshot: string) {
  const pglite = await createEmbeddedPglite(dataDir, snapshot);
  try {
    const { rows } = await pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    return rows[0]!.n;
  } finally {
    await pglite.close();
  }
}

describe("the embedded database's snapshot", () => {
  it("starts a new data directory migrated, and leaves an existing one as it is", async () => {
    const snapshot = await writeSnapshot(path.join(dir, "snapshot.tar"));
    const dataDir = newDataDir("fresh");
    expect(await appliedMigrations(dataDir, snapshot)).toBe(migrations.length);
    // Reopened: the directory exists now, and loading a tar into it would fail.
    expect(await appliedMigrations(dataDir, snapshot)).toBe(migrations.length);
  }, 120_000);

  it("starts from scratch when the snapshot cannot be read", async () => {
    const broken = path.join(dir, "broken.tar");
    fs.writeFileSync(broken, "not a tar");
    const pglite = await createEmbeddedPglite(newDataDir("from-scratch"), broken);
    try {
      expect((await pglite.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one).toBe(1);
    } finally {
      await pglite.close();
    }
  }, 120_000);
});
