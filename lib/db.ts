import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
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

function createClient(): Db {
  const adapter = env.DATABASE_URL
    ? new PrismaPg({ connectionString: env.DATABASE_URL, max: 20 })
    : new EmbeddedAdapterFactory();
  return new PrismaClient({ adapter });
}

// Cached on globalThis so that hot reloads in development reuse one client (and one PGlite).
const g = globalThis as { __clioDb?: Db };
export const db: Db = (g.__clioDb ??= createClient());

/**
 * Ends a script's use of the database: disconnects Prisma and closes PGlite if this process opened
 * it. `db.$disconnect()` alone leaves PGlite open, and its backend keeps re-arming a timer
 * (Postgres' setitimer, emulated with setTimeout) that holds the event loop open forever.
 *
 *   try { await work(); } finally { await closeDb(); }
 */
export async function closeDb(): Promise<void> {
  await db.$disconnect();
  const cached = globalThis as EmbeddedCache;
  const pglite = cached.__clioPglite;
  if (!pglite) return;
  cached.__clioPglite = undefined;
  const opened = await pglite.catch(() => null);
  if (opened && !opened.closed) await opened.close();
  cached.__clioDataDirLock?.release();
  cached.__clioDataDirLock = undefined;
}
