// bench/review-throughput: reviews submitted over HTTP (POST /api/reviews, through Next.js, Auth.js
// and Prisma) at concurrency 1, 16 and 64, against a PostgreSQL server; and, in the same run, the
// same transaction issued directly with node-postgres as the ceiling. Prints requests/s, p50 and
// p99 latency and the ratio app/ceiling; the last line is JSON for concurrency 16.
//
//   npx tsx bench/review-throughput.ts          (BENCH_SECONDS=8 by default; DATABASE_URL or 127.0.0.1:5432)
import { randomUUID } from "node:crypto";
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

async function run(url: string) {
  process.env.DATABASE_URL = url;
  const { db } = await import("@/lib/db");
  const { syncContentDecks } = await import("@/lib/demo/seed");
  const { hashPassword } = await import("@/lib/auth/password");
  const { gradeCard, newMemoryState } = await import("@/lib/srs");
  const { memoryStateOf } = await import("@/lib/study/memory");
  const { insertCardStateSql, insertReviewLogSql, setCardStateSql } = await import("@/lib/study/rows");
  const { Prisma } = await import("@/lib/generated/prisma/client");
  const { deckSrsSettings } = await import("@/lib/study/settings");

  console.log(`review-throughput on ${machine()}; PostgreSQL ${new URL(url).host}; ${SECONDS}s per run`);
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

  const app = await startApp(url);
  const cookies = await Promise.all(users.slice(0, APP_USERS).map((u) => signInCookie(app.baseUrl, u.email, PASSWORD)));
  let firstAppUser = 0;

  const settings = deckSrsSettings(deck);
  const pool = new pg.Pool({ connectionString: url, max: CEILING_USERS });

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
        const client = await pool.connect();
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
          headers: { "content-type": "application/json", cookie: cookies[ctx.user]! },
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

  const rows: {
    concurrency: number;
    appRps: number;
    ceilingRps: number;
    ratio: number;
    p50Ms: number;
    p99Ms: number;
    ceilingP99Ms: number;
  }[] = [];
  for (const c of LEVELS) {
    const appRun = await runApp(c);
    const ceiling = await runCeiling(c);
    const row = {
      concurrency: c,
      appRps: round(appRun.rps, 1),
      ceilingRps: round(ceiling.rps, 1),
      ratio: round(appRun.rps / ceiling.rps),
      p50Ms: appRun.p50,
      p99Ms: appRun.p99,
      ceilingP99Ms: round(ceiling.p99),
    };
    rows.push(row);
    console.log(
      `c=${String(c).padStart(2)}  app ${row.appRps.toFixed(1).padStart(7)} req/s  p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms  (non-2xx ${appRun.non2xx}, errors ${appRun.errors})` +
        `  |  ceiling ${row.ceilingRps.toFixed(1).padStart(7)} tx/s  p99 ${row.ceilingP99Ms} ms  (errors ${ceiling.errors})  |  ratio ${row.ratio}`,
    );
  }
  const logRows = await db.reviewLog.count();
  console.log(`review log rows written: ${logRows}`);

  await pool.end();
  await app.stop();
  await db.$disconnect();
  const at16 = rows.find((r) => r.concurrency === 16)!;
  console.log(
    JSON.stringify({
      bench: "review-throughput",
      concurrency: 16,
      appRps: at16.appRps,
      ceilingRps: at16.ceilingRps,
      ratio: at16.ratio,
      p99Ms: at16.p99Ms,
    }),
  );
}

withBenchDatabase("reviews", run).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
