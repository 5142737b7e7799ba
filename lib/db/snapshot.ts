import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations } from "@/lib/db/migrate";

// A fresh embedded database starts from a snapshot instead of from scratch: creating a PGlite data
// directory runs PostgreSQL's initdb in WebAssembly, 5–15 s of CPU, most of a first start
// (bench/first-start.ts). `npm run build` writes the snapshot (scripts/pglite-snapshot.ts): an empty
// database with every migration applied, dumped as a tar. It holds no data: the demo data depends on
// the day it is loaded, so it is still seeded at start. A snapshot from another PGlite version is
// never used (its file name carries the version), and migrations newer than the snapshot are applied
// as the database opens, as always.

const CACHE_DIR = path.join(process.cwd(), "node_modules", ".cache", "clio");

function pgliteVersion(): string | null {
  try {
    const file = path.join(process.cwd(), "node_modules", "@electric-sql", "pglite", "package.json");
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return null;
  }
}

/** Where this PGlite version's snapshot lives (null when the version cannot be told). */
export function snapshotFile(): string | null {
  const version = pgliteVersion();
  return version ? path.join(CACHE_DIR, `pglite-${version}-migrated.tar`) : null;
}

/** Opens PGlite in `dataDir`; a directory that does not exist yet starts from the snapshot when there is one. */
export async function createEmbeddedPglite(dataDir: string, file = snapshotFile()): Promise<PGlite> {
  if (!fs.existsSync(dataDir) && file && fs.existsSync(file)) {
    try {
      return await PGlite.create(dataDir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    } catch {
      // An unreadable snapshot costs only the time it saves: start from scratch.
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return PGlite.create(dataDir);
}

/** Writes the snapshot: a new in-memory database, migrated, dumped. Returns its path. */
export async function writeSnapshot(file = snapshotFile()): Promise<string> {
  if (!file) throw new Error("Cannot tell the installed PGlite version (node_modules/@electric-sql/pglite).");
  const pglite = await PGlite.create();
  try {
    await applyMigrations(pglite);
    const tar = new Uint8Array(await (await pglite.dumpDataDir("none")).arrayBuffer());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Renamed into place: a server starting meanwhile never reads half a file.
    fs.writeFileSync(`${file}.${process.pid}.tmp`, tar);
    fs.renameSync(`${file}.${process.pid}.tmp`, file);
    return file;
  } finally {
    await pglite.close();
  }
}
