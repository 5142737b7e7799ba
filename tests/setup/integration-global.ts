import type { TestProject } from "vitest/node";
import { createTemplate, dropRunDatabases } from "./pg-template";

// Integration tests run on PGlite (in memory, one per test file) unless DATABASE_URL names a
// PostgreSQL server: then this run gets a migrated template database and each file a copy of it.
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    project.provide("pgTemplate", null);
    return;
  }
  const template = await createTemplate(serverUrl);
  project.provide("pgTemplate", template);
  return () => dropRunDatabases(template);
}
