// Prisma CLI configuration (migrate dev / diff / status), on Prisma 6.19's WebAssembly engines.
// With DATABASE_URL it talks to that PostgreSQL server; without it, to the embedded PGlite directory.
// The app itself never loads this file: it connects through lib/db.ts and migrates with lib/db/migrate.ts.
// Adapted from ../shared/reference/prisma-offline (see its README for the upstream bugs worked around).
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import "./pg-name-fix";

const root = path.resolve(import.meta.dirname, "..");

function serverAdapter(url: string) {
  // Discrete fields, not connectionString: adapter-pg's connectToShadowDb() spreads its config and a
  // connectionString would override the shadow database's name.
  const u = new URL(url);
  const pgConfig = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
  };
  // adapter-pg drops the shadow database before closing its pool ("is being accessed by other
  // users"): create and drop it ourselves, closing the pool first.
  class PrismaPgMigrate extends PrismaPg {
    async connectToShadowDb() {
      const conn = await this.connect();
      const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replace(/-/g, "")}`;
      await conn.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = await new PrismaPg({ ...pgConfig, database }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await conn.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
        await conn.dispose();
      };
      return shadow;
    }
  }
  return new PrismaPgMigrate(pgConfig);
}

// pglite-prisma-adapter 0.6.1 doesn't await exec() in executeScript, and the schema engine sends
// whole multi-statement scripts through executeRaw, which PGlite's extended protocol rejects.
type Script = { executeScript(s: string): Promise<void> };
function fixExec<T extends Script>(adapter: T): T {
  const a = adapter as T & {
    client: PGlite;
    executeRaw(q: { sql: string; args: unknown[] }): Promise<number>;
  };
  a.executeScript = async (s: string) => {
    await a.client.exec(s);
  };
  const executeRaw = a.executeRaw.bind(a);
  a.executeRaw = async (q) => {
    if (q.args?.length) return executeRaw(q);
    const res = await a.client.exec(q.sql);
    return res.reduce((n, r) => n + (r.affectedRows ?? 0), 0);
  };
  return adapter;
}
class PrismaPGliteMigrate extends PrismaPGlite {
  async connect() {
    return fixExec(await super.connect());
  }
  async connectToShadowDb() {
    return fixExec(await super.connectToShadowDb());
  }
}

function embeddedAdapter() {
  // The same place as the app's embedded database (lib/db.ts); never run this while the app runs.
  const dataDir = process.env.CLIO_DATA_DIR ?? ".data";
  const dir = dataDir.startsWith("memory://") ? "memory://" : path.join(path.resolve(root, dataDir), "pglite");
  if (dir !== "memory://") fs.mkdirSync(path.dirname(dir), { recursive: true });
  // The CLI may ask for the adapter twice; two PGlite instances on one directory corrupt it.
  const g = globalThis as { __clioCliPglite?: PGlite };
  g.__clioCliPglite ??= new PGlite(dir);
  return new PrismaPGliteMigrate(g.__clioCliPglite);
}

const serverUrl = process.env.DATABASE_URL;
// The schema's env("DATABASE_URL") must resolve even when the embedded database is used.
process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "prisma/schema.prisma"),
  migrations: { path: path.join(root, "prisma/migrations") },
  adapter: async () => (serverUrl ? serverAdapter(serverUrl) : embeddedAdapter()),
});
