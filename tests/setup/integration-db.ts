import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { databaseUrl, withClient } from "./pg-template";

// Runs before each integration test file is imported, so lib/env and lib/db see this database.
const template = inject("pgTemplate");
if (template) {
  const name = `${template.runId}_${randomBytes(4).toString("hex")}`;
  await withClient(template.serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template.template}"`));
  process.env.DATABASE_URL = databaseUrl(template.serverUrl, name);
} else {
  delete process.env.DATABASE_URL;
  process.env.CLIO_DATA_DIR = "memory://";
}
process.env.CLIO_DEMO_SEED = "0";

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
});
