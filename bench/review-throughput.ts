// bench/review-throughput: reviews submitted over HTTP (POST /api/reviews, through Next.js, the
// session check, zod and Prisma) against THE FRAMEWORK FLOOR, GET /api/session in the same server (an
// authenticated route that does nothing but check the session), at concurrency 1, 16 and 64, on a
// PostgreSQL server and on the embedded database (PGlite, in a child process: one process owns its
// data directory). On PostgreSQL the same transaction issued directly with node-postgres is kept as
// a second reference, the ceiling. Prints a table; the last line is JSON for concurrency 16 on
// PostgreSQL, with the PGlite figures beside it.
//
//   npx tsx bench/review-throughput.ts          (BENCH_SECONDS=8 by default; DATABASE_URL or 127.0.0.1:5432)
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { withBenchDatabase, machine, round, signInCookie, startApp, summarize } from "./support";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const LEVELS = [1, 16, 64];
// Every app run gets students of its own (their cards' versions start at 0); the ceiling reads
// versions from the database, so its students are reused.
const APP_USERS = LEVELS.reduce((a, b) => a + b, 0);
const CEILING_USERS = Math.max(...LEVELS);
const PASSWORD = "bench-password-123";
/** Set in the child process that measures the embedded database. */
const PGLITE_PART = process.env.BENCH_PART === "pglite";

interface Row {
  database: "PostgreSQL" | "PGlite";
  concurrency: number;
  appRps: number;
  floorRps: number;
  floorRatio: number;
  p50Ms: number;
  p99Ms: number;
  floorP99Ms: number;
  ceilingRps: number | null;
  ceilingP99Ms: number | null;
  /** The server process's CPU per request (ms), reviews and floor: what the ratio is made of. */
  appCpuMs: number;
  floorCpuMs: number;
}

/** `url` null: the embedded database, in a data directory of its own. */
async function run(url: string | null): Promise<Row[]> {
  const dataDir = url ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), "clio-bench-reviews-"));
  if (url) process.env.DATABASE_URL = url;
  else {
    delete process.env.DATABASE_URL;
    process.env.CLIO_DATA_DIR = dataDir;
    process.env.CLIO_DEMO_SEED = "0";
  }
  const { db, closeDb } = await import("@/lib/db");
  const { syncContentDecks } = await import("@/lib/demo/seed");
  const { hashPassword } = await import("@/lib/auth/password");
  const { gradeCard, newMemoryState } = await import("@/lib/srs");
  const { memoryStateOf } = await import("@/lib/study/memory");
  const { insertCardStateSql, insertReviewLogSql, setCardStateSql } = await import("@/lib/study/rows");
  const { Prisma } = await import("@/lib/generated/prisma/client");
  const { deckSrsSettings } = await import("@/lib/study/settings");

  const database = url ? "PostgreSQL" : "PGlite";
  console.log(
    `review-throughput on ${machine()}; ${url ? `PostgreSQL ${new URL(url).host}` : `PGlite in ${dataDir}`}; ${SECONDS}s per run`,
  );
  const [report] = await syncContentDecks(new Date());
  const deck = await db.deck.findUniqueOrThrow({ where: { id: report!.deckId } });
  // Self-graded cards: the request carries a rating, as most reviews of a basic card do.
  const cards = await db.card.findMany({
    where: { deckId: deck.id, OR: [{ type: "basic" }, { type: "viewpoint", options: { isEmpty: true } }] },
    select: { id: true },
  });
  const passwordHash = await hashPassword(PASSWORD);
  await db.user.createMany({
    data: Array.from({ length: APP_USERS + CEILING_USERS }, (_, i) => ({
      email: `bench${i}@example.org`,
      name: `Bench ${i}`,
      role: "student" as const,
      passwordHash,
    })),
  });
  const users = await db.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true } });
  users.sort((a, b) => Number(a.email.match(/\d+/)![0]) - Number(b.email.match(/\d+/)![0]));

  // The embedded directory is locked by whoever opens it: the server takes it over from here.
  if (!url) await closeDb();
  const app = await startApp(url, { dataDir });
  const cookies = await Promise.all(users.slice(0, APP_USERS).map((u) => signInCookie(app.baseUrl, u.email, PASSWORD)));
  let firstAppUser = 0;

  const settings = deckSrsSettings(deck);
  const pool = url ? new pg.Pool({ connectionString: url, max: CEILING_USERS }) : null;

  /** The review transaction as lib/study/review.ts issues it, in raw SQL: the ceiling. */
  async function rawReview(client: pg.PoolClient, userId: string, cardId: string): Promise<void> {
    const now = new Date();
    await client.query("BEGIN");
    try {
      const { rows } = await client.query('SELECT * FROM "CardState" WHERE "userId" = $1 AND "cardId" = $2', [
        userId,
        cardId,
      ]);
      const row = rows[0];
      const before = row ? memoryStateOf(row) : newMemoryState(now);
      const g = gradeCard(before, "good", now, settings);
      const s = g.state;
      const after = { ...s, suspended: false, leech: false, version: (row?.version ?? 0) + 1 };
      if (row) {
        const update = Prisma.sql`UPDATE "CardState" SET ${setCardStateSql(after, now)} WHERE "userId" = ${userId}::uuid AND "cardId" = ${cardId}::uuid AND version = ${row.version}`;
        const r = await client.query(update.text, update.values);
        if (r.rowCount !== 1) throw new Error("conflict");
      } else {
        const insert = insertCardStateSql({
          ...after,
          userId,
          cardId,
          deckId: deck.id,
          createdAt: now,
          updatedAt: now,
        });
        await client.query(insert.text, insert.values);
      }
      const log = insertReviewLogSql({
        clientReviewId: randomUUID(),
        userId,
        cardId,
        deckId: deck.id,
        rating: "good",
        stateBefore: g.review.stateBefore,
        stateAfter: g.review.stateAfter,
        elapsedDays: g.review.elapsedDays,
        scheduledDays: g.review.scheduledDays,
        dueAfter: s.due,
        stabilityAfter: s.stability,
        difficultyAfter: s.difficulty,
        lapsesAfter: s.lapses,
        leech: false,
        previous: row ? { ...before, suspended: false, leech: false, version: row.version } : null,
        answerMs: null,
        correct: null,
        reviewedAt: now,
        createdAt: now,
      });
      await client.query(log.text, log.values);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  }

  async function runCeiling(concurrency: number) {
    const latencies: number[] = [];
    const until = Date.now() + SECONDS * 1000;
    let errors = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        const user = users[APP_USERS + w]!;
        const client = await pool!.connect();
        let i = 0;
        try {
          while (Date.now() < until) {
            const t = performance.now();
            try {
              await rawReview(client, user.id, cards[i++ % cards.length]!.id);
              latencies.push(performance.now() - t);
            } catch {
              errors++;
            }
          }
        } finally {
          client.release();
        }
      }),
    );
    return { rps: latencies.length / SECONDS, ...summarize(latencies), errors };
  }

  let reportedFailure = false;
  async function runApp(concurrency: number) {
    // Each connection is one student, who reviews the cards in turn and sends the version the last
    // answer returned. autocannon keeps a connection's context until its request list starts over,
    // so the list is long enough never to start over within a run.
    let nextUser = firstAppUser;
    firstAppUser += concurrency;
    type Context = { user?: number; n?: number; versions?: Record<string, number> };
    const request: autocannon.Request = {
      method: "POST",
      path: "/api/reviews",
      setupRequest: (req, context) => {
        const ctx = context as Context;
        ctx.user ??= nextUser++;
        ctx.n ??= 0;
        ctx.versions ??= {};
        const cardId = cards[ctx.n++ % cards.length]!.id;
        return {
          ...req,
          // A client outside a browser names the site in Origin (the API's CSRF check).
          headers: { "content-type": "application/json", origin: app.baseUrl, cookie: cookies[ctx.user]! },
          body: JSON.stringify({
            reviewId: randomUUID(),
            cardId,
            version: ctx.versions[cardId] ?? 0,
            rating: "good",
            answerMs: 3000,
          }),
        };
      },
      onResponse: (status, body, context) => {
        if (status >= 300) {
          if (!reportedFailure) console.log(`first failed request: ${status} ${body.slice(0, 300)}`);
          reportedFailure = true;
          return;
        }
        const parsed = JSON.parse(body) as { cardId: string; state: { version: number } };
        (context as Required<Context>).versions[parsed.cardId] = parsed.state.version;
      },
    };
    const result = await autocannon({
      url: app.baseUrl,
      connections: concurrency,
      duration: SECONDS,
      // Distinct objects: autocannon keeps each request's built buffer on the request object itself.
      requests: Array.from({ length: 20_000 }, () => ({ ...request })),
    });
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    };
  }

  /** The floor: the same connections, signed in the same way, asking only who they are. */
  async function runFloor(concurrency: number) {
    let next = 0;
    const result = await autocannon({
      url: app.baseUrl,
      connections: concurrency,
      duration: SECONDS,
      requests: [
        {
          method: "GET",
          path: "/api/session",
          setupRequest: (req, context) => {
            const ctx = context as { user?: number };
            ctx.user ??= next++ % cookies.length;
            return { ...req, headers: { cookie: cookies[ctx.user]! } };
          },
        },
      ],
    });
    return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
  }

  const rows: Row[] = [];
  /** `run`, and the server's CPU time per request it made. */
  async function withServerCpu<T extends { rps: number }>(run: () => Promise<T>): Promise<T & { cpuMs: number }> {
    const before = app.cpuMs();
    const result = await run();
    return { ...result, cpuMs: (app.cpuMs() - before) / (result.rps * SECONDS) };
  }

  for (const c of LEVELS) {
    const floor = await withServerCpu(() => runFloor(c));
    const appRun = await withServerCpu(() => runApp(c));
    const ceiling = pool ? await runCeiling(c) : null;
    const row: Row = {
      database,
      concurrency: c,
      appRps: round(appRun.rps, 1),
      floorRps: round(floor.rps, 1),
      floorRatio: round(appRun.rps / floor.rps),
      p50Ms: appRun.p50,
      p99Ms: appRun.p99,
      floorP99Ms: floor.p99,
      ceilingRps: ceiling ? round(ceiling.rps, 1) : null,
      ceilingP99Ms: ceiling ? round(ceiling.p99) : null,
      appCpuMs: round(appRun.cpuMs),
      floorCpuMs: round(floor.cpuMs),
    };
    rows.push(row);
    console.log(
      `${database} c=${String(c).padStart(2)}  app ${row.appRps.toFixed(1).padStart(7)} req/s  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms  (non-2xx ${appRun.non2xx}, errors ${appRun.errors})` +
        `  |  floor ${row.floorRps.toFixed(1).padStart(7)} req/s  p99 ${row.floorP99Ms} ms  (non-2xx ${floor.non2xx})  |  app/floor ${row.floorRatio}  |  server CPU per request: app ${row.appCpuMs} ms, floor ${row.floorCpuMs} ms` +
        (ceiling
          ? `  |  ceiling ${row.ceilingRps!.toFixed(1).padStart(7)} tx/s  p99 ${row.ceilingP99Ms} ms  (errors ${ceiling.errors})`
          : ""),
    );
  }

  await pool?.end();
  await app.stop();
  if (url) {
    console.log(`review log rows written: ${await db.reviewLog.count()}`);
    await closeDb();
  } else {
    fs.rmSync(dataDir!, { recursive: true, force: true });
  }
  return rows;
}

/** The PGlite half, in a process of its own (lib/db and lib/env read the environment once). */
function runPgliteChild(): Row[] {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!], {
    env: { ...process.env, BENCH_PART: "pglite" },
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(child.stdout.split("\n").slice(0, -2).join("\n") + "\n");
  if (child.status !== 0) throw new Error(`the PGlite run failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Row[];
}

async function main() {
  if (PGLITE_PART) {
    console.log(JSON.stringify(await run(null)));
    return;
  }
  let postgres: Row[] = [];
  await withBenchDatabase("reviews", async (url) => {
    postgres = await run(url);
  });
  const pglite = runPgliteChild();

  console.log(
    "\n| database | concurrency | app req/s | app p50 | app p99 | floor req/s | floor p99 | app/floor | server CPU per review / per floor request | ceiling tx/s | ceiling p99 |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of [...postgres, ...pglite])
    console.log(
      `| ${r.database} | ${r.concurrency} | ${r.appRps} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.floorRps} | ${r.floorP99Ms} ms | ${r.floorRatio} | ${r.appCpuMs} / ${r.floorCpuMs} ms | ${r.ceilingRps ?? "–"} | ${r.ceilingP99Ms === null ? "–" : `${r.ceilingP99Ms} ms`} |`,
    );
  const at16 = postgres.find((r) => r.concurrency === 16)!;
  const pglite16 = pglite.find((r) => r.concurrency === 16)!;
  console.log(
    JSON.stringify({
      bench: "review-throughput",
      concurrency: 16,
      appRps: at16.appRps,
      floorRps: at16.floorRps,
      floorRatio: at16.floorRatio,
      ceilingRps: at16.ceilingRps,
      p99Ms: at16.p99Ms,
      appCpuMs: at16.appCpuMs,
      floorCpuMs: at16.floorCpuMs,
      pgliteAppRps: pglite16.appRps,
      pgliteFloorRps: pglite16.floorRps,
      pgliteFloorRatio: pglite16.floorRatio,
      pgliteP99Ms: pglite16.p99Ms,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
