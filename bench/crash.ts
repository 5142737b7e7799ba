// bench/crash: kills the server (kill -9) in the middle of a review load, restarts it, and checks
// that every review the server acknowledged (a 200 or 201 to POST /api/reviews) is in the database
// exactly once — on PostgreSQL and on the embedded database. Workers retry a review that got no
// answer with the same reviewId, as the study page does, so a review recorded just before the kill
// is acknowledged by its replay, never written twice. Prints acknowledged / found / duplicated per
// database and exits 1 on any loss or duplicate.
//
//   npm run bench:crash          (CRASH_KILLS=3, CRASH_WORKERS=6; PostgreSQL from DATABASE_URL or 127.0.0.1:5432)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { DEMO_USERS } from "@/lib/demo/seed";
import { freePort } from "../tests/setup/free-port";
import { createBenchDatabase, machine, signInCookie } from "./support";

const KILLS = Number(process.env.CRASH_KILLS ?? 3);
const WORKERS = Number(process.env.CRASH_WORKERS ?? 6);
const DECK = "russia-ukraine-nato";
const student = DEMO_USERS.find((u) => u.role === "student")!;
const root = process.cwd();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  baseUrl: string;
  start: () => Promise<void>;
  kill: () => Promise<void>;
}

/** `next start` on `port` with `env` over this process's (a key set to undefined is left out). */
function serverOn(port: number, env: Record<string, string | undefined>): Server {
  let child: ChildProcess | null = null;
  let log = "";
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    async start() {
      log = "";
      const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
      for (const [key, value] of Object.entries(env)) {
        if (value === undefined) delete childEnv[key];
        else childEnv[key] = value;
      }
      child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
        env: childEnv,
      });
      child.stdout?.on("data", (d) => (log += d));
      child.stderr?.on("data", (d) => (log += d));
      const deadline = Date.now() + 120_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`next start exited:\n${log}`);
        if (
          await fetch(`${baseUrl}/sign-in`, { signal: AbortSignal.timeout(5000) }).then(
            (r) => r.ok,
            () => false,
          )
        )
          return;
        if (Date.now() > deadline) throw new Error(`next start did not answer:\n${log}`);
        await sleep(200);
      }
    },
    async kill() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once("exit", r));
      c.kill("SIGKILL");
      await exited;
    },
  };
}

interface Tally {
  acknowledged: Set<string>;
  requests: number;
  failures: number;
}

/** One worker reviews one card over and over ("again" keeps it in learning), retrying unanswered reviews. */
async function worker(
  server: Server,
  cookie: string,
  cardId: string,
  version: number,
  tally: Tally,
  stop: () => boolean,
) {
  let pending: string | null = null;
  while (!stop()) {
    const reviewId: string = pending ?? randomUUID();
    let status: number;
    let body: { state?: { version: number } } = {};
    try {
      tally.requests += 1;
      const res = await fetch(`${server.baseUrl}/api/reviews`, {
        method: "POST",
        headers: { cookie, origin: server.baseUrl, "content-type": "application/json" },
        body: JSON.stringify({ reviewId, cardId, version, rating: "again" }),
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      // Read whole: a server killed after the status line has not acknowledged anything yet.
      body = (await res.json().catch((error: unknown) => (status < 300 ? Promise.reject(error) : {}))) as typeof body;
    } catch {
      tally.failures += 1;
      pending = reviewId; // no (complete) answer: retry the same review, as the study page does
      await sleep(100);
      continue;
    }
    if ((status === 200 || status === 201) && body.state) {
      tally.acknowledged.add(reviewId);
      version = body.state.version;
      pending = null;
    } else {
      tally.failures += 1;
      pending = status >= 500 ? reviewId : null;
      if (status === 409) version = await currentVersion(server, cookie, cardId, version);
      await sleep(100);
    }
  }
}

async function currentVersion(server: Server, cookie: string, cardId: string, fallback: number): Promise<number> {
  const res = await fetch(`${server.baseUrl}/api/decks/${DECK}/queue`, {
    headers: { cookie },
    signal: AbortSignal.timeout(5000),
  }).catch(() => null);
  if (!res?.ok) return fallback;
  const queue = (await res.json()) as { cards: { cardId: string; version: number }[] };
  return queue.cards.find((c) => c.cardId === cardId)?.version ?? fallback;
}

/** Runs the load, killing and restarting the server KILLS times; returns what was acknowledged. */
async function crashRun(server: Server): Promise<Tally> {
  await server.start();
  const cookie = await signInCookie(server.baseUrl, student.email, student.password);
  const queue = (await (await fetch(`${server.baseUrl}/api/decks/${DECK}/queue`, { headers: { cookie } })).json()) as {
    cards: { cardId: string; version: number; autoGraded: boolean }[];
  };
  const cards = queue.cards.filter((c) => !c.autoGraded).slice(0, WORKERS);
  const tally: Tally = { acknowledged: new Set(), requests: 0, failures: 0 };
  let stopped = false;
  const workers = cards.map((c) => worker(server, cookie, c.cardId, c.version, tally, () => stopped));
  for (let i = 0; i < KILLS; i++) {
    await sleep(1500 + Math.random() * 1500);
    await server.kill();
    const killedAt = Date.now();
    await server.start();
    console.log(
      `  kill ${i + 1}: back in ${((Date.now() - killedAt) / 1000).toFixed(1)} s, ${tally.acknowledged.size} acknowledged so far`,
    );
  }
  await sleep(2000);
  stopped = true;
  await Promise.all(workers);
  await server.kill();
  return tally;
}

function report(name: string, tally: Tally, counts: Map<string, number>) {
  const found = [...tally.acknowledged].filter((id) => (counts.get(id) ?? 0) >= 1).length;
  const duplicated = [...counts.values()].filter((n) => n > 1).length;
  const lost = tally.acknowledged.size - found;
  console.log(
    `${name.padEnd(10)} acknowledged ${tally.acknowledged.size}, found ${found}, lost ${lost}, duplicated ${duplicated}` +
      ` (${KILLS} kills, ${tally.requests} requests, ${tally.failures} without an answer or refused)`,
  );
  return lost === 0 && duplicated === 0 && tally.acknowledged.size > 0;
}

async function countsFrom(query: (sql: string) => Promise<{ id: string; n: number }[]>) {
  const rows = await query(`SELECT "clientReviewId"::text AS id, count(*)::int AS n FROM "ReviewLog" GROUP BY 1`);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

async function postgres(): Promise<boolean> {
  const database = await createBenchDatabase("crash");
  try {
    const seed = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/db-seed.ts"], {
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: "utf8",
    });
    if (seed.status !== 0) throw new Error(`db:seed failed:\n${seed.stderr}`);
    const server = serverOn(await freePort(), {
      DATABASE_URL: database.url,
      AUTH_SECRET: "crash-bench-secret-crash-bench-secret-01",
    });
    const tally = await crashRun(server);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return report("PostgreSQL", tally, await countsFrom(async (sql) => (await client.query(sql)).rows));
    } finally {
      await client.end();
    }
  } finally {
    await database.drop();
  }
}

async function embedded(): Promise<boolean> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clio-crash-"));
  try {
    // DATABASE_URL left out: the embedded database is the point.
    const server = serverOn(await freePort(), { CLIO_DATA_DIR: dataDir, CLIO_DEMO_SEED: "1", DATABASE_URL: undefined });
    const tally = await crashRun(server);
    // The server is gone (its lock is stale): open the directory directly to count.
    const pglite = await PGlite.create(path.join(dataDir, "pglite"));
    try {
      return report(
        "embedded",
        tally,
        await countsFrom(async (sql) => (await pglite.query<{ id: string; n: number }>(sql)).rows),
      );
    } finally {
      await pglite.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) throw new Error("Run `npm run build` first.");
  console.log(`crash on ${machine()}; ${WORKERS} workers, kill -9 of the server ${KILLS} times per database`);
  const ok = [await postgres(), await embedded()];
  if (!ok.every(Boolean)) {
    console.log("FAILED: an acknowledged review was lost or recorded twice (or none was acknowledged).");
    process.exit(1);
  }
}

await main();
