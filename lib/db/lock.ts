import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * One process at a time per embedded data directory. PGlite has no locking of its own: two
 * processes on one directory both accept writes, and one overwrites the other's files (reviews
 * lost, or a directory that no longer opens). The lock is a file created with O_EXCL (`wx`), so
 * exactly one creator wins, holding the owner's pid; a lock whose pid is no longer alive (a
 * `kill -9`, a crash) is stale and taken over.
 */
export class DataDirLockedError extends Error {
  readonly name = "DataDirLockedError";
  readonly code = "data_dir_locked";
  constructor(
    readonly dataDir: string,
    readonly holder: LockOwner,
    readonly lockFile: string,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${holder.pid}` +
        `${holder.command ? `: ${holder.command}` : ""}). Only one process at a time may open it: ` +
        `stop that process first (the server, while you run the CLI or a db:* script), or use a ` +
        `PostgreSQL server (DATABASE_URL), which any number of processes can share. ` +
        `If no process ${holder.pid} is running, delete ${lockFile}.`,
    );
  }
}

export interface LockOwner {
  pid: number;
  hostname?: string;
  command?: string;
  since?: string;
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

const LOCK_NAME = "clio.lock";

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LockOwner>;
    return typeof owner.pid === "number" ? (owner as LockOwner) : null;
  } catch {
    return null; // half-written by a process that died in between: stale
  }
}

/**
 * Takes the data directory's lock or throws DataDirLockedError naming the holder. Released by
 * `release()` (lib/db.ts closeDb) and, failing that, when the process exits.
 *
 * @example const lock = lockDataDir(".data"); try { ... } finally { lock.release(); }
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_NAME);
  const me: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    command: process.argv.slice(1).join(" ").slice(0, 200),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      return ownedLock(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(file);
    // Our own pid: a lock this process left behind (a reopen after closeDb, a hot reload).
    if (owner && owner.pid !== process.pid && isAlive(owner.pid)) throw new DataDirLockedError(dir, owner, file);
    // Stale: remove it and race again for the O_EXCL create (another starter may win it).
    fs.rmSync(file, { force: true });
  }
  const owner = readOwner(file);
  throw new DataDirLockedError(dir, owner ?? { pid: -1 }, file);
}

function ownedLock(file: string): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
  process.on("exit", release);
  return { file, release };
}
