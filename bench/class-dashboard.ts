// bench/class-dashboard: the teacher's dashboard for a class of 300 students × a deck of 100 cards
// with up to four weeks of simulated review history each (lib/demo/classes simulateStudy, so card
// states and logs are what the app itself would have written), on PostgreSQL and on PGlite. p50/p95
// of computeAssignmentDashboard, the call the assignment page (and its CSV route) makes for its data,
// against its aggregate statement alone as the baseline (fetchDashboardAggregates: the database's
// share), measured interleaved so that neither gets a quieter machine. The last line is JSON.
//
//   npx tsx bench/class-dashboard.ts    (both: a scratch database on the server at DATABASE_URL, or
//                                        postgresql://postgres@127.0.0.1:5432, then in-memory PGlite)
//
// Each database runs in a child process of its own (lib/db picks its database when it loads);
// DATABASE_URL is read here, not through lib/env: the database must be chosen before lib/db loads.
import { spawnSync } from "node:child_process";
import { createBenchDatabase, machine, round, summarize, SERVER_URL } from "./support";

const STUDENTS = 300;
const CARDS = 100;
const WARMUP = 3;
const RUNS = 25;
const TARGET_MS = 150;
const NOW = new Date("2026-11-27T09:00:00Z");
const DAY = 86_400_000;

type Engine = "postgresql" | "pglite";
const engine = process.env.CLIO_BENCH_ENGINE as Engine | undefined;

if (engine === undefined) {
  // The parent: one child per database, then the table and the JSON line of both.
  const results: Record<Engine, Record<string, number | string | boolean>> = {} as never;
  for (const which of ["postgresql", "pglite"] as const) {
    const { DATABASE_URL: _unused, ...env } = process.env;
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename], {
      env: { ...env, CLIO_BENCH_ENGINE: which, ...(which === "postgresql" ? { DATABASE_URL: SERVER_URL } : {}) },
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
    });
    process.stdout.write(child.stdout);
    if (child.status !== 0) throw new Error(`class-dashboard on ${which} failed (exit ${child.status})`);
    results[which] = JSON.parse(child.stdout.trim().split("\n").at(-1)!);
  }
  const pg = results.postgresql;
  const lite = results.pglite;
  console.log(`\n| database | dashboard p50 | dashboard p95 | aggregate SQL alone p95 | ratio |`);
  console.log(`|---|---|---|---|---|`);
  for (const [name, r] of [
    ["PostgreSQL", pg],
    ["PGlite", lite],
  ] as const) {
    console.log(`| ${name} | ${r.p50Ms} ms | ${r.p95Ms} ms | ${r.baselineP95Ms} ms | ${r.ratio} |`);
  }
  console.log(
    JSON.stringify({
      bench: "class-dashboard",
      students: STUDENTS,
      cards: CARDS,
      cardStates: pg.cardStates,
      reviews: pg.reviews,
      p50Ms: pg.p50Ms,
      p95Ms: pg.p95Ms,
      baselineP95Ms: pg.baselineP95Ms,
      ratio: pg.ratio,
      p50MsPglite: lite.p50Ms,
      p95MsPglite: lite.p95Ms,
      baselineP95MsPglite: lite.baselineP95Ms,
      ratioPglite: lite.ratio,
      targetMs: TARGET_MS,
      pass: Number(pg.p95Ms) < TARGET_MS && Number(lite.p95Ms) < TARGET_MS,
    }),
  );
  process.exit(0);
}

const onServer = engine === "postgresql";
const scratch = onServer ? await createBenchDatabase("dashboard") : null;
if (scratch) process.env.DATABASE_URL = scratch.url;
else process.env.CLIO_DATA_DIR = "memory://";
process.env.CLIO_DEMO_SEED = "0";

const { db } = await import("@/lib/db");
const { computeAssignmentDashboard, fetchDashboardAggregates } = await import("@/lib/classes/dashboard");
const { simulateStudy } = await import("@/lib/demo/classes");
const { seededRandom } = await import("@/lib/seeded-random");
const { deckSrsSettings, studyDayOf } = await import("@/lib/study/settings");
const { insertCardStates, insertReviewLogs } = await import("@/lib/study/rows");
const { forgettingCurveOf } = await import("@/lib/srs");

type Simulated = ReturnType<typeof simulateStudy>;

/** Bulk inserts through lib/study/rows (unnest: createMany would take PGlite minutes for 100,000 reviews). */
async function insertHistories(deckId: string, students: { id: string; history: Simulated }[]) {
  await insertCardStates(
    db,
    students.flatMap((s) =>
      s.history.states.map((st) => ({ ...st, userId: s.id, deckId, createdAt: NOW, updatedAt: NOW })),
    ),
  );
  await insertReviewLogs(
    db,
    students.flatMap((s) => s.history.reviews.map((r) => ({ ...r, userId: s.id, deckId, createdAt: r.reviewedAt }))),
  );
}

async function setUp() {
  const teacher = await db.user.create({
    data: { email: "bench-teacher@example.org", name: "Bench Teacher", role: "teacher" },
  });
  const body = Array.from(
    { length: CARDS },
    (_, i) => `Fact number ${i + 1} of the bench article is stated in this sentence.`,
  ).join("\n\n");
  const article = await db.article.create({
    data: { slug: "bench-article", title: "Bench article", body, bodyHash: "bench" },
  });
  const deck = await db.deck.create({
    data: { slug: "bench-deck", title: "Bench deck", articleId: article.id, ownerId: teacher.id },
  });
  let offset = 0;
  await db.card.createMany({
    data: Array.from({ length: CARDS }, (_, i) => {
      const quote = `Fact number ${i + 1} of the bench article is stated in this sentence.`;
      const start = body.indexOf(quote, offset);
      offset = start + quote.length;
      return {
        deckId: deck.id,
        externalId: `fact-${i + 1}`,
        type: i % 3 === 0 ? ("basic" as const) : ("multiple_choice" as const),
        prompt: `What does fact ${i + 1} say?`,
        answer: `Answer ${i + 1}`,
        options: i % 3 === 0 ? [] : [`Answer ${i + 1}`, "Something else"],
        explanation: "",
        quote,
        quoteStart: start,
        quoteEnd: start + quote.length,
        position: i,
      };
    }),
  });
  const cards = await db.card.findMany({
    where: { deckId: deck.id },
    orderBy: { position: "asc" },
    select: { id: true, type: true },
  });
  const cls = await db.class.create({ data: { name: "Bench class", ownerId: teacher.id, joinCode: "BENCH234" } });
  const assignment = await db.assignment.create({
    data: { classId: cls.id, deckId: deck.id, dueAt: new Date(NOW.getTime() + 10 * DAY) },
  });

  const settings = { ...deckSrsSettings(deck), newCardsPerDay: deck.newCardsPerDay };
  const simCards = cards.map((c) => ({ id: c.id, autoGraded: c.type !== "basic" }));
  const profileRandom = seededRandom(300_100);
  let reviews = 0;
  for (let batch = 0; batch < STUDENTS; batch += 25) {
    const students = Array.from({ length: Math.min(25, STUDENTS - batch) }, (_, j) => {
      const i = batch + j;
      const profile = {
        startDaysAgo: 5 + Math.floor(profileRandom() * 20),
        stopDaysAgo: profileRandom() < 0.15 ? Math.floor(profileRandom() * 5) : 0,
        sessionChance: 0.4 + profileRandom() * 0.55,
        recallBias: -0.15 + profileRandom() * 0.25,
        newPerSession: 5 + Math.floor(profileRandom() * 11),
      };
      return {
        id: crypto.randomUUID(),
        i,
        history: simulateStudy(simCards, profile, settings, NOW, seededRandom(i + 1)),
      };
    });
    await db.user.createMany({
      data: students.map((s) => ({
        id: s.id,
        email: `bench-student-${s.i}@example.org`,
        name: `Student ${String(s.i).padStart(3, "0")}`,
        role: "student" as const,
      })),
    });
    await db.membership.createMany({ data: students.map((s) => ({ classId: cls.id, userId: s.id })) });
    await insertHistories(deck.id, students);
    const logs = students.flatMap((s) => s.history.reviews);
    reviews += logs.length;
  }
  return { teacher, cls, deck, assignment, cardIds: cards.map((c) => c.id), reviews };
}

try {
  console.log(`class-dashboard on ${machine()}; ${onServer ? "PostgreSQL (scratch database)" : "PGlite (in memory)"}`);
  const setupStart = performance.now();
  const { teacher, cls, deck, assignment, cardIds, reviews } = await setUp();
  // A server's autovacuum vacuums and analyzes a table after enough inserts (PostgreSQL 13+), which
  // sets the visibility map the wrong-answer index's index-only scan relies on; PGlite has no
  // autovacuum, so its planner keeps no statistics and every index scan visits the heap.
  if (onServer) await db.$executeRawUnsafe("VACUUM ANALYZE");
  const states = await db.cardState.count({ where: { deckId: deck.id } });
  console.log(
    `set up ${STUDENTS} students × ${CARDS} cards: ${states} card states, ${reviews} reviews in ${round((performance.now() - setupStart) / 1000, 1)} s`,
  );

  const ref = { classId: cls.id, assignmentId: assignment.id };
  const sample = await computeAssignmentDashboard(teacher, ref, NOW);
  console.log(
    `class-wide predicted recall ${(sample.classRecall! * 100).toFixed(1)}%, statuses ${JSON.stringify(sample.statusCounts)}`,
  );
  // The baseline: the same aggregate statement with the same inputs (every student on the defaults).
  const curve = forgettingCurveOf(deckSrsSettings(deck));
  const days = await db.user.findMany({
    where: { id: { in: sample.students.map((s) => s.userId) } },
    select: { id: true, timezone: true, dayStartHour: true },
  });
  const curves = days.map((u) => ({ userId: u.id, ...curve, day: studyDayOf(u) }));
  const baseline = () =>
    fetchDashboardAggregates({ id: deck.id, hasRetiredCards: false }, curves, cardIds, {
      forecastAt: sample.forecastAt,
      overdueBefore: new Date(NOW.getTime() - DAY),
    });
  for (let i = 0; i < WARMUP; i++) {
    await computeAssignmentDashboard(teacher, ref, NOW);
    await baseline();
  }
  const app: number[] = [];
  const sql: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    await computeAssignmentDashboard(teacher, ref, NOW);
    app.push(performance.now() - t);
    t = performance.now();
    await baseline();
    sql.push(performance.now() - t);
  }
  const a = summarize(app);
  const b = summarize(sql);
  console.log(
    `dashboard data:       p50 ${round(a.p50, 1)} ms, p95 ${round(a.p95, 1)} ms over ${RUNS} runs (target: p95 < ${TARGET_MS} ms)`,
  );
  console.log(`baseline (aggregate SQL alone): p50 ${round(b.p50, 1)} ms, p95 ${round(b.p95, 1)} ms`);
  console.log(
    JSON.stringify({
      bench: "class-dashboard",
      database: engine,
      students: STUDENTS,
      cards: CARDS,
      cardStates: states,
      reviews,
      p50Ms: round(a.p50, 1),
      p95Ms: round(a.p95, 1),
      baselineP50Ms: round(b.p50, 1),
      baselineP95Ms: round(b.p95, 1),
      ratio: round(a.p95 / b.p95, 2),
      targetMs: TARGET_MS,
      pass: a.p95 < TARGET_MS,
    }),
  );
} finally {
  await db.$disconnect();
  await scratch?.drop();
}
