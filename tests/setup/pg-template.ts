import pg from "pg";
import { applyMigrations, pgSqlRunner } from "@/lib/db/migrate";

/** Set when the integration tests run against a PostgreSQL server (DATABASE_URL given). */
export interface PgTemplate {
  serverUrl: string;
  template: string;
  runId: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: PgTemplate | null;
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated template database for this run; each test file copies it (fast). */
export async function createTemplate(serverUrl: string): Promise<PgTemplate> {
  const runId = `clio_test_${Date.now().toString(36)}_${process.pid}`;
  const template = `${runId}_template`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${template}"`));
  await withClient(databaseUrl(serverUrl, template), (c) => applyMigrations(pgSqlRunner(c)));
  return { serverUrl, template, runId };
}

export async function dropRunDatabases(t: PgTemplate): Promise<void> {
  await withClient(t.serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${t.runId}%`,
    ]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
