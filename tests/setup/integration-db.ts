import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, inject } from "vitest";
import { databaseUrl, withClient } from "./pg-template";

// Runs before each integration test file is imported, so lib/env and lib/db see this database.
const template = inject("pgTemplate");
const snapshot = inject("pgliteSnapshot");
process.env.CLIO_DEMO_SEED = "0";
if (template) {
  const name = `${template.runId}_${randomBytes(4).toString("hex")}`;
  await withClient(template.serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template.template}"`));
  process.env.DATABASE_URL = databaseUrl(template.serverUrl, name);
} else if (snapshot) {
  delete process.env.DATABASE_URL;
  process.env.CLIO_DATA_DIR = "memory://";
  // lib/db.ts keeps the process's one PGlite on globalThis (for hot reloads). Filling that cache with
  // a copy of the run's migrated snapshot gives this file its own database without migrating it again.
  const pglite = PGlite.create({ loadDataDir: new Blob([await fs.readFile(snapshot)]) });
  (globalThis as { __clioPglite?: Promise<PGlite> }).__clioPglite = pglite;
  const { openEmbeddedDatabase } = await import("@/lib/db");
  if ((await openEmbeddedDatabase()) !== (await pglite))
    throw new Error("lib/db.ts no longer keeps its PGlite in globalThis.__clioPglite: update this setup");
} else {
  throw new Error("tests/setup/integration-global.ts provided no database");
}

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});
