import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrate";
import { createTemplate, dropRunDatabases } from "./pg-template";

declare module "vitest" {
  export interface ProvidedContext {
    /** Without DATABASE_URL: a tarball of a migrated PGlite data directory; each test file loads a copy. */
    pgliteSnapshot: string | null;
  }
}

// Migrations run once per run, not once per file. On a PostgreSQL server (DATABASE_URL set) this run
// gets a migrated template database and each file a copy of it; on PGlite, a migrated data directory
// dumped to a file that each file loads into its own in-memory PGlite (tests/setup/integration-db.ts).
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const template = await createTemplate(serverUrl);
    project.provide("pgTemplate", template);
    project.provide("pgliteSnapshot", null);
    return () => dropRunDatabases(template);
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "clio-integration-"));
  const snapshot = path.join(dir, "pgdata.tar");
  const pglite = await PGlite.create();
  try {
    await applyMigrations(pglite);
    // Uncompressed: loading it is faster than a gzipped one, and it never leaves the temp directory.
    await fs.writeFile(snapshot, new Uint8Array(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  } finally {
    await pglite.close();
  }
  project.provide("pgTemplate", null);
  project.provide("pgliteSnapshot", snapshot);
  return () => fs.rm(dir, { recursive: true, force: true });
}
