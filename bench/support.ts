// Shared by the benchmarks: a fresh PostgreSQL database per run, percentiles, and the app served
// by `next start` against that database. Benchmarks print figures; they assert nothing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations, pgSqlRunner } from "@/lib/db/migrate";
import { freePort } from "../tests/setup/free-port";

export const SERVER_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates and migrates a database of its own for this run; returns its URL and a dropper. */
export async function createBenchDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = `clio_bench_${name}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = databaseUrl(database);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await applyMigrations(pgSqlRunner(client));
  await client.end();
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: SERVER_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs a benchmark on a database of its own, dropped afterwards even when the run fails. */
export async function withBenchDatabase(name: string, run: (url: string) => Promise<void>): Promise<void> {
  const bench = await createBenchDatabase(name);
  try {
    await run(bench.url);
  } finally {
    await bench.drop();
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), n: sorted.length };
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/**
 * Serves the production build against `databaseUrl`, or, given null, on the embedded database in
 * `options.dataDir` (building first when there is no build).
 */
export async function startApp(
  databaseUrl: string | null,
  options: { dataDir?: string } = {},
): Promise<{ baseUrl: string; stop: () => Promise<void>; cpuMs: () => number }> {
  const root = process.cwd();
  const next = path.join(root, "node_modules/.bin/next");
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.log("bench: no production build yet, running next build…");
    const build = spawnSync(next, ["build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "clio-bench-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CLIO_DATA_DIR: dataDir,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  // To profile the server under a benchmark's load: BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const server: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, next, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env,
    },
  );
  let log = "";
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${log}`);
    try {
      if ((await fetch(baseUrl)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    // The server process's CPU time so far (user + system, ms), from /proc: per-request cost = the
    // difference over a run / its requests.
    cpuMs: () => processCpuMs(server.pid!),
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A process's CPU time (user + system) in ms, from /proc/<pid>/stat (Linux); NaN elsewhere. */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces, inside parentheses): utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}
/** Linux's USER_HZ, the unit of /proc's CPU times (100 on every mainstream kernel). */
const CLOCK_TICKS_PER_SECOND = 100;

/** Signs in over HTTP as the browser would; returns the Cookie header for the session. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  keep(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }),
  });
  keep(res);
  const token = jar.get("authjs.session-token");
  if (!token) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return `authjs.session-token=${token}`;
}
