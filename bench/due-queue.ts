// bench/due-queue: the study page's queue, `GET /api/decks/:slug/queue?limit=50` over HTTP (next
// start, Auth.js session, Prisma, the queue statement of lib/study/queue-sql.ts, card content and
// interval previews), for students with 5,000 card states in one deck and for students with 100,
// among BENCH_STATES card states in all (1,000,000 by default). The baseline, measured interleaved
// in the same run: the same queue statement sent by node-postgres. Prints p50/p95 of each, the
// query plan (EXPLAIN ANALYZE), and a last line of JSON.
//
//   npx tsx bench/due-queue.ts     (DATABASE_URL or 127.0.0.1:5432; BENCH_STATES, BENCH_SAMPLES to scale)
import pg from "pg";
import { withBenchDatabase, machine, round, signInCookie, startApp, summarize } from "./support";

const STATES = Number(process.env.BENCH_STATES ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
/** Requests per student before measuring (BENCH_WARM_ROUNDS). */
const WARM_ROUNDS = Number(process.env.BENCH_WARM_ROUNDS ?? 25);
const BIG = 5000;
const SMALL = 100;
/** Students measured per deck size. */
const MEASURED = 10;
const PASSWORD = "bench-password-123";
const DAY = 86_400_000;

async function run(url: string) {
  process.env.DATABASE_URL = url;
  const { db } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/password");
  const { insertCardStatesSql } = await import("@/lib/study/rows");
  const { queueSql } = await import("@/lib/study/queue-sql");
  const { nextStudyDay, startOfStudyDay } = await import("@/lib/srs");
  console.log(`due-queue on ${machine()}; ${STATES.toLocaleString("en")} card states in all`);

  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const t0 = performance.now();
  const deckIds: Record<number, string> = {};
  for (const size of [BIG, SMALL]) {
    const { rows } = await pool.query<{ id: string }>(
      `WITH a AS (INSERT INTO "Article" (id, slug, title, body, "bodyHash", "updatedAt")
                  VALUES (gen_random_uuid(), $1, 'Bench', 'x', 'x', now()) RETURNING id)
       INSERT INTO "Deck" (id, slug, title, "articleId", "isPublic", "updatedAt")
       SELECT gen_random_uuid(), $1, 'Bench ' || $2, a.id, true, now() FROM a RETURNING id`,
      [`bench-${size}`, size],
    );
    deckIds[size] = rows[0]!.id;
    await pool.query(
      `INSERT INTO "Card" (id, "deckId", "externalId", type, prompt, answer, explanation, quote, "quoteStart", "quoteEnd", position, "updatedAt")
       SELECT gen_random_uuid(), $1, 'card-' || i, 'basic', 'Q' || i, 'A' || i, 'E', 'x', 0, 1, i, now()
       FROM generate_series(1, $2) AS i`,
      [deckIds[size], size],
    );
  }
  // Students: MEASURED with 100 states in the small deck; the rest with 5,000 in the big deck (the
  // first MEASURED of them measured), as many as make up STATES.
  const bigStudents = Math.max(MEASURED, Math.round((STATES - MEASURED * SMALL) / BIG));
  const passwordHash = await hashPassword(PASSWORD);
  await pool.query(
    `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
     SELECT gen_random_uuid(), 'user' || i || '@example.org', 'User ' || i, 'student', $2, now() FROM generate_series(1, $1) AS i`,
    [bigStudents + MEASURED, passwordHash],
  );
  const users = (await pool.query<{ id: string; email: string }>(`SELECT id, email FROM "User" ORDER BY email`)).rows;
  const smallUsers = users.slice(0, MEASURED);
  const bigUsers = users.slice(MEASURED);
  // Due dates from 60 days ago to 90 days ahead, last reviews 1–60 days ago, a few learning cards.
  const seededAt = new Date();
  async function seed(userIds: string[], size: number) {
    const cards = (
      await pool.query<{ id: string }>(`SELECT id FROM "Card" WHERE "deckId" = $1 ORDER BY position`, [deckIds[size]])
    ).rows;
    const perBatch = Math.max(1, Math.floor(100_000 / size));
    for (let i = 0; i < userIds.length; i += perBatch) {
      const rows = userIds.slice(i, i + perBatch).flatMap((userId) =>
        cards.map((c) => {
          const learning = Math.random() < 0.02;
          return {
            userId,
            cardId: c.id,
            deckId: deckIds[size]!,
            due: new Date(seededAt.getTime() + (learning ? Math.random() * 2 - 1 : Math.random() * 150 - 60) * DAY),
            stability: 1 + Math.random() * 50,
            difficulty: 1 + Math.random() * 9,
            elapsedDays: 0,
            scheduledDays: 0,
            learningSteps: 0,
            reps: 3,
            lapses: 0,
            state: learning ? ("learning" as const) : ("review" as const),
            lastReview: new Date(seededAt.getTime() - (1 + Math.random() * 59) * DAY),
            suspended: Math.random() < 0.01,
            leech: false,
            version: 3,
            createdAt: seededAt,
            updatedAt: seededAt,
          };
        }),
      );
      const insert = insertCardStatesSql(rows);
      await pool.query(insert.text, insert.values);
    }
  }
  await seed(
    smallUsers.map((u) => u.id),
    SMALL,
  );
  await seed(
    bigUsers.map((u) => u.id),
    BIG,
  );
  await pool.query(`VACUUM ANALYZE`);
  const n = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "CardState"`)).rows[0]!.n;
  console.log(`seeded ${Number(n).toLocaleString("en")} card states in ${round((performance.now() - t0) / 1000, 1)} s`);

  const app = await startApp(url);
  type Student = { id: string; email: string; size: number; cookie: string };
  const students: Student[] = [];
  for (const [list, size] of [
    [smallUsers, SMALL],
    [bigUsers.slice(0, MEASURED), BIG],
  ] as const) {
    for (const u of list) students.push({ ...u, size, cookie: await signInCookie(app.baseUrl, u.email, PASSWORD) });
  }

  /** The statement fetchQueue sends, for this student now (UTC days, 4 am start: the default). */
  function statement(s: Student) {
    const now = new Date();
    const day = { timeZone: "UTC", dayStartHour: 4 };
    return queueSql({
      userId: s.id,
      deckId: deckIds[s.size]!,
      now,
      dayStart: startOfStudyDay(now, day),
      dayEnd: nextStudyDay(now, day),
      newCardsPerDay: 20,
      maxReviewsPerDay: 200,
      limit: 50,
    });
  }
  async function viaHttp(s: Student): Promise<number> {
    const res = await fetch(`${app.baseUrl}/api/decks/bench-${s.size}/queue?limit=50`, {
      headers: { cookie: s.cookie },
    });
    if (!res.ok) throw new Error(`queue answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { cards: unknown[] }).cards.length;
  }

  const results: Record<number, { app: number[]; raw: number[]; cards: number }> = {
    [SMALL]: { app: [], raw: [], cards: 0 },
    [BIG]: { app: [], raw: [], cards: 0 },
  };
  // Warm both paths, then measure them interleaved so that neither gets a quieter machine. The
  // server is warmed as one that has been up a while is (WARM_ROUNDS requests per student): the
  // first few hundred requests after a start run before V8 has optimised the hot code.
  for (let round = 0; round < WARM_ROUNDS; round++) {
    for (const s of students) {
      await viaHttp(s);
      const q = statement(s);
      await pool.query(q.text, q.values);
    }
  }
  const serverCpu: Record<number, number> = { [SMALL]: 0, [BIG]: 0 };
  for (let i = 0; i < SAMPLES; i++) {
    for (const size of [SMALL, BIG]) {
      const s = students.filter((x) => x.size === size)[i % MEASURED]!;
      const cpu = app.cpuMs();
      let t = performance.now();
      results[size]!.cards = await viaHttp(s);
      results[size]!.app.push(performance.now() - t);
      serverCpu[size]! += app.cpuMs() - cpu;
      const q = statement(s);
      t = performance.now();
      await pool.query(q.text, q.values);
      results[size]!.raw.push(performance.now() - t);
    }
  }
  await app.stop();

  console.log(
    `\n| states in the deck | app p50 | app p95 | raw p50 | raw p95 | server CPU per request | cards returned |`,
  );
  console.log(`|---|---|---|---|---|---|---|`);
  const figures: Record<number, { app: ReturnType<typeof summarize>; raw: ReturnType<typeof summarize> }> = {};
  for (const size of [SMALL, BIG]) {
    const a = summarize(results[size]!.app);
    const r = summarize(results[size]!.raw);
    figures[size] = { app: a, raw: r };
    console.log(
      `| ${size} | ${round(a.p50)} ms | ${round(a.p95)} ms | ${round(r.p50)} ms | ${round(r.p95)} ms | ${round(serverCpu[size]! / SAMPLES)} ms | ${results[size]!.cards} |`,
    );
  }

  const q = statement(students.find((s) => s.size === BIG)!);
  const plan = (await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values)).rows.map(
    (x) => x["QUERY PLAN"],
  );
  console.log("\nEXPLAIN ANALYZE (a student with 5,000 states):\n  " + plan.join("\n  "));
  const indexScan = plan.some((line) => /Index (Only )?Scan using "?CardState_queue_idx"?/.test(line));
  const indexOnly = plan.some((line) => /Index Only Scan using "?CardState_queue_idx"?/.test(line));
  console.log(`scans of CardState_queue_idx: ${indexScan ? "yes" : "NO"}; index-only: ${indexOnly ? "yes" : "NO"}`);

  await pool.end();
  await db.$disconnect();
  const big = figures[BIG]!;
  const small = figures[SMALL]!;
  console.log(
    JSON.stringify({
      bench: "due-queue",
      states: Number(n),
      p95Ms: round(big.app.p95),
      rawP95Ms: round(big.raw.p95),
      ratio: round(big.app.p95 / big.raw.p95),
      p95MsAt100: round(small.app.p95),
      p95MsAt5000: round(big.app.p95),
      rawP95MsAt100: round(small.raw.p95),
      rawP95MsAt5000: round(big.raw.p95),
      serverCpuMsPerRequestAt5000: round(serverCpu[BIG]! / SAMPLES),
      indexScan,
      indexOnly,
    }),
  );
}

withBenchDatabase("due", run).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
