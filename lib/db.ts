import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { applyMigrations } from "@/lib/db/migrate";
import { lockDataDir, type DataDirLock } from "@/lib/db/lock";
import { createEmbeddedPglite } from "@/lib/db/snapshot";

/**
 * The one Prisma client. With DATABASE_URL it talks to that PostgreSQL server; without it, to
 * PGlite (PostgreSQL in WebAssembly) in CLIO_DATA_DIR, migrated on first use. Nothing is opened at
 * import: `next build` imports this module from several processes, and a PGlite directory opened by
 * two processes is corrupted.
 */
export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const isEmbedded = env.DATABASE_URL === undefined;

type EmbeddedCache = { __clioPglite?: Promise<PGlite>; __clioDataDirLock?: DataDirLock };

/**
 * Opens (once per process) the embedded database and applies pending migrations. A directory on
 * disk is locked first (lib/db/lock.ts): a second process stops with DataDirLockedError, naming
 * the one that holds it, before PGlite touches a file.
 */
export function openEmbeddedDatabase(): Promise<PGlite> {
  const g = globalThis as EmbeddedCache;
  if (g.__clioPglite) return g.__clioPglite;
  const opening = (async () => {
    const inMemory = env.CLIO_DATA_DIR.startsWith("memory://");
    const dataDir = inMemory ? undefined : path.resolve(env.CLIO_DATA_DIR, "pglite");
    if (!dataDir) return migrated(await PGlite.create());
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    const lock = lockDataDir(path.dirname(dataDir));
    try {
      const pglite = await migrated(await createEmbeddedPglite(dataDir));
      g.__clioDataDirLock = lock;
      return pglite;
    } catch (error) {
      lock.release();
      throw error;
    }
  })();
  // A failed open (the directory locked by another process) is not kept: the next query retries.
  opening.catch(() => {
    if (g.__clioPglite === opening) g.__clioPglite = undefined;
  });
  g.__clioPglite = opening;
  return opening;
}

async function migrated(pglite: PGlite): Promise<PGlite> {
  await applyMigrations(pglite);
  return pglite;
}

/** Defers opening PGlite until Prisma's first query. */
class EmbeddedAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pglite-prisma-adapter";
  async connect() {
    return new PrismaPGlite(await openEmbeddedDatabase()).connect();
  }
}

// Cached on globalThis so that hot reloads in development reuse one client (and one PGlite, one pool).
const g = globalThis as { __clioDb?: Db; __clioPools?: Map<string, pg.Pool> };

/** The server's connection pool (one per URL), shared by Prisma and `queryRows`. */
function serverPool(url: string): pg.Pool {
  const pools = (g.__clioPools ??= new Map());
  let pool = pools.get(url);
  if (!pool) {
    // allowExitOnIdle: idle connections do not keep a script's process alive.
    pool = new pg.Pool({ connectionString: url, max: 20, allowExitOnIdle: true });
    // An idle connection the server drops (a restart) must not crash the process; the next query reconnects.
    pool.on("error", (error: Error) => console.warn(`[clio] idle database connection lost: ${error.message}`));
    pools.set(url, pool);
  }
  return pool;
}

function createClient(): Db {
  const adapter = env.DATABASE_URL ? new PrismaPg(serverPool(env.DATABASE_URL)) : new EmbeddedAdapterFactory();
  return new PrismaClient({ adapter });
}

export const db: Db = (g.__clioDb ??= createClient());

// How `queryRows` reads the column types whose drivers' defaults differ from Prisma's: timestamps
// without a zone hold UTC (node-postgres would read them as local time), and counts (bigint) and
// numerics come back as numbers. Enum arrays come back as PostgreSQL's text: cast them to text[].
const TIMESTAMP = 1114;
const INT8 = 20;
const NUMERIC = 1700;
const parseUtcTimestamp = (text: string) => (/^\d/.test(text) ? new Date(`${text.replace(" ", "T")}Z`) : text);
const PARSERS: Record<number, (text: string) => unknown> = {
  [TIMESTAMP]: parseUtcTimestamp,
  [INT8]: Number,
  [NUMERIC]: Number,
};
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: string) =>
    PARSERS[oid] ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** Statements prepared so far, by text: each connection prepares one once, when it first runs it. */
const preparedNames = new Map<string, string>();
/** A bound on them: a statement whose text varied with its values would otherwise prepare without end. */
const MAX_PREPARED = 200;

/**
 * A name for a statement's text, so that PostgreSQL plans it once per connection: planning the
 * review's statements took longer than running them (0.7 ms against 0.3 ms for the card lookup).
 * Past MAX_PREPARED texts, new ones run unnamed, planned each time, as before.
 */
function preparedName(text: string): string | undefined {
  const known = preparedNames.get(text);
  if (known || preparedNames.size >= MAX_PREPARED) return known;
  const name = `clio_${createHash("sha1").update(text).digest("hex")}`;
  preparedNames.set(text, name);
  return name;
}

/**
 * Runs one statement (built with `Prisma.sql`) on the app's own connection, node-postgres's pool
 * or PGlite, without Prisma's query engine: a `$queryRaw` costs about 0.8 ms of CPU in the engine,
 * this about 0.1 ms (docs/decisions/015-hot-path-sql.md); on a server, each statement is prepared once
 * per connection (`preparedName`). For the statements every request runs
 * (the session, the queue, a review); everything else keeps Prisma. Not for use inside
 * `db.$transaction`: it runs outside the transaction (on PGlite, it would wait for it to end).
 *
 * @example
 * const rows = await queryRows<{ id: string }>(Prisma.sql`SELECT id::text AS id FROM "Deck" WHERE slug = ${slug}`);
 */
export async function queryRows<T>(statement: Prisma.Sql): Promise<T[]> {
  if (env.DATABASE_URL) {
    const result = await serverPool(env.DATABASE_URL).query({
      text: statement.text,
      // node-postgres would send a Date in the process's zone, which a zone-less timestamp column
      // takes as written: ISO text in UTC instead, as Prisma sends it.
      values: statement.values.map((value) => (value instanceof Date ? value.toISOString() : value)),
      name: preparedName(statement.text),
      types: PG_TYPES,
    });
    return result.rows as T[];
  }
  const pglite = await openEmbeddedDatabase();
  const result = await pglite.query<T>(statement.text, statement.values, { parsers: PARSERS });
  return result.rows;
}

/**
 * Ends a script's use of the database: disconnects Prisma and closes PGlite if this process opened
 * it. `db.$disconnect()` alone leaves PGlite open, and its backend keeps re-arming a timer
 * (Postgres' setitimer, emulated with setTimeout) that holds the event loop open forever.
 *
 *   try { await work(); } finally { await closeDb(); }
 */
export async function closeDb(): Promise<void> {
  await db.$disconnect();
  const pools = [...(g.__clioPools?.values() ?? [])];
  g.__clioPools = undefined;
  await Promise.all(pools.map((pool) => pool.end()));
  const cached = globalThis as EmbeddedCache;
  const pglite = cached.__clioPglite;
  if (!pglite) return;
  cached.__clioPglite = undefined;
  const opened = await pglite.catch(() => null);
  if (opened && !opened.closed) await opened.close();
  cached.__clioDataDirLock?.release();
  cached.__clioDataDirLock = undefined;
}
