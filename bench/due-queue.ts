// bench/due-queue: 1,000 users × 1,000 cards (one million card states) on a PostgreSQL server;
// p50 and p95 of fetching one user's next 50 due cards through the app's query (lib/study/queue.ts
// fetchDueCards, via Prisma), against the same SQL sent with node-postgres as the baseline, and the
// query plan (EXPLAIN ANALYZE) to show it is an index scan. The last line is JSON.
//
//   npx tsx bench/due-queue.ts     (DATABASE_URL or 127.0.0.1:5432; BENCH_USERS / BENCH_CARDS to scale)
import pg from "pg";
import { withBenchDatabase, machine, round, summarize } from "./support";

const USERS = Number(process.env.BENCH_USERS ?? 1000);
const CARDS = Number(process.env.BENCH_CARDS ?? 1000);
const SAMPLES = 500;
const DAY = 86_400_000;

async function run(url: string) {
  process.env.DATABASE_URL = url;
  const { db } = await import("@/lib/db");
  const { fetchDueCards } = await import("@/lib/study/queue");
  const { insertCardStatesSql } = await import("@/lib/study/rows");
  console.log(`due-queue on ${machine()}; ${USERS} users × ${CARDS} cards`);

  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const t0 = performance.now();
  await pool.query(`
    WITH a AS (INSERT INTO "Article" (id, slug, title, body, "bodyHash", "updatedAt") VALUES (gen_random_uuid(), 'bench', 'Bench', 'x', 'x', now()) RETURNING id)
    INSERT INTO "Deck" (id, slug, title, "articleId", "isPublic", "updatedAt") SELECT gen_random_uuid(), 'bench', 'Bench', a.id, true, now() FROM a`);
  await pool.query(
    `
    INSERT INTO "Card" (id, "deckId", "externalId", type, prompt, answer, explanation, quote, "quoteStart", "quoteEnd", position, "updatedAt")
    SELECT gen_random_uuid(), d.id, 'card-' || i, 'basic', 'Q' || i, 'A' || i, 'E', 'x', 0, 1, i, now()
    FROM "Deck" d, generate_series(1, $1) AS i`,
    [CARDS],
  );
  await pool.query(
    `
    INSERT INTO "User" (id, email, name, role, "updatedAt")
    SELECT gen_random_uuid(), 'user' || i || '@example.org', 'User ' || i, 'student', now() FROM generate_series(1, $1) AS i`,
    [USERS],
  );
  // Every user has studied every card; due dates spread from 60 days ago to 90 days ahead. Written
  // through lib/study/rows, a few hundred thousand rows per statement.
  const cards = (await pool.query<{ id: string; deckId: string }>(`SELECT id, "deckId" FROM "Card"`)).rows;
  const userIds = (await pool.query<{ id: string }>(`SELECT id FROM "User"`)).rows.map((r) => r.id);
  const seededAt = new Date();
  const lastReview = new Date(seededAt.getTime() - 10 * DAY);
  const perBatch = Math.max(1, Math.floor(200_000 / CARDS));
  for (let i = 0; i < userIds.length; i += perBatch) {
    const rows = userIds.slice(i, i + perBatch).flatMap((userId) =>
      cards.map((c) => ({
        userId,
        cardId: c.id,
        deckId: c.deckId,
        due: new Date(seededAt.getTime() + (Math.random() * 150 - 60) * DAY),
        stability: 1 + Math.random() * 50,
        difficulty: 1 + Math.random() * 9,
        elapsedDays: 0,
        scheduledDays: 0,
        learningSteps: 0,
        reps: 3,
        lapses: 0,
        state: "review" as const,
        lastReview,
        suspended: Math.random() < 0.01,
        leech: false,
        version: 3,
        createdAt: seededAt,
        updatedAt: seededAt,
      })),
    );
    const insert = insertCardStatesSql(rows);
    await pool.query(insert.text, insert.values);
  }
  await pool.query(`VACUUM ANALYZE "CardState"`);
  const n = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "CardState"`)).rows[0]!.n;
  console.log(`seeded ${Number(n).toLocaleString("en")} card states in ${round((performance.now() - t0) / 1000, 1)} s`);

  const users = (
    await pool.query<{ id: string }>(`SELECT id FROM "User" ORDER BY random() LIMIT $1`, [SAMPLES])
  ).rows.map((r) => r.id);
  const now = new Date();
  const sql = `SELECT "cardId", "deckId", due, state, stability, difficulty, version FROM "CardState"
               WHERE "userId" = $1 AND due <= $2 AND suspended = false ORDER BY due ASC LIMIT 50`;

  // Warm both paths, then measure them interleaved so that neither gets a quieter machine.
  for (const id of users.slice(0, 50)) {
    await fetchDueCards(id, now);
    await pool.query(sql, [id, now]);
  }
  const app: number[] = [];
  const raw: number[] = [];
  let returned = 0;
  for (const id of users) {
    let t = performance.now();
    returned += (await fetchDueCards(id, now)).length;
    app.push(performance.now() - t);
    t = performance.now();
    await pool.query(sql, [id, now]);
    raw.push(performance.now() - t);
  }
  const a = summarize(app);
  const r = summarize(raw);
  console.log(
    `app (Prisma)  p50 ${round(a.p50)} ms  p95 ${round(a.p95)} ms  (${SAMPLES} users, ${round(returned / SAMPLES, 1)} cards each)`,
  );
  console.log(`raw (pg)      p50 ${round(r.p50)} ms  p95 ${round(r.p95)} ms`);
  console.log(`ratio app/raw at p95: ${round(a.p95 / r.p95)}`);

  const plan = (
    await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [users[0], now])
  ).rows.map((x) => x["QUERY PLAN"]);
  console.log("EXPLAIN ANALYZE:\n  " + plan.join("\n  "));
  const indexScan = plan.some((line) => /Index (Only )?Scan using "?CardState_userId_due_idx"?/.test(line));
  console.log(`index scan on CardState(userId, due): ${indexScan ? "yes" : "NO"}`);

  await pool.end();
  await db.$disconnect();
  console.log(
    JSON.stringify({
      bench: "due-queue",
      users: USERS,
      cards: CARDS,
      p50Ms: round(a.p50),
      p95Ms: round(a.p95),
      rawP95Ms: round(r.p95),
      ratio: round(a.p95 / r.p95),
      indexScan,
    }),
  );
}

withBenchDatabase("due", run).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
