// `npx tsx bench/class-dashboard.ts`: the teacher's dashboard for a class of 300 students × a deck of
// 100 cards with three weeks of review history each. Runs on a fresh in-memory PGlite, or, with
// DATABASE_URL set, on a scratch database created (and dropped) on that server. Like the test setup,
// this harness reads DATABASE_URL itself: it must choose the database before lib/env is loaded.
//
// Prints p50/p95 of computing the dashboard's data, and of its two SQL queries alone (the
// baseline: the database's share), then one JSON line.
import { randomBytes } from "node:crypto";
import pg from "pg";

const STUDENTS = 300;
const CARDS = 100;
const WARMUP = 3;
const RUNS = 20;
const TARGET_MS = 300;
const NOW = new Date("2026-11-27T09:00:00Z");
const DAY = 86_400_000;

const serverUrl = process.env.DATABASE_URL;
let scratch: { serverUrl: string; name: string } | null = null;
async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
if (serverUrl) {
  const name = `clio_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  scratch = { serverUrl, name };
  const { applyMigrations, pgSqlRunner } = await import("@/lib/db/migrate");
  await withClient(url.toString(), (c) => applyMigrations(pgSqlRunner(c)));
} else {
  process.env.CLIO_DATA_DIR = "memory://";
}
process.env.CLIO_DEMO_SEED = "0";

const { db } = await import("@/lib/db");
const { computeAssignmentDashboard, fetchDashboardRows } = await import("@/lib/classes/dashboard");
const { simulateStudy, seededRandom } = await import("@/lib/demo/classes");
const { deckSrsSettings } = await import("@/lib/study/settings");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  return { p50: percentile(runs, 50), p95: percentile(runs, 95) };
}
const round = (ms: number) => Math.round(ms * 10) / 10;

async function setUp() {
  const teacher = await db.user.create({ data: { email: "bench-teacher@example.org", name: "Bench Teacher", role: "teacher" } });
  const body = Array.from({ length: CARDS }, (_, i) => `Fact number ${i + 1} of the bench article is stated in this sentence.`).join("\n\n");
  const article = await db.article.create({ data: { slug: "bench-article", title: "Bench article", body, bodyHash: "bench" } });
  const deck = await db.deck.create({ data: { slug: "bench-deck", title: "Bench deck", articleId: article.id, ownerId: teacher.id } });
  let offset = 0;
  await db.card.createMany({
    data: Array.from({ length: CARDS }, (_, i) => {
      const quote = `Fact number ${i + 1} of the bench article is stated in this sentence.`;
      const start = body.indexOf(quote, offset);
      offset = start + quote.length;
      return {
        deckId: deck.id, externalId: `fact-${i + 1}`, type: i % 3 === 0 ? ("basic" as const) : ("multiple_choice" as const),
        prompt: `What does fact ${i + 1} say?`, answer: `Answer ${i + 1}`, options: i % 3 === 0 ? [] : [`Answer ${i + 1}`, "Something else"],
        explanation: "", quote, quoteStart: start, quoteEnd: start + quote.length, position: i,
      };
    }),
  });
  const cards = await db.card.findMany({ where: { deckId: deck.id }, orderBy: { position: "asc" }, select: { id: true, type: true } });
  const cls = await db.class.create({ data: { name: "Bench class", ownerId: teacher.id, joinCode: "BENCH234" } });
  const assignment = await db.assignment.create({ data: { classId: cls.id, deckId: deck.id, dueAt: new Date(NOW.getTime() + 10 * DAY) } });

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
      return { id: crypto.randomUUID(), i, history: simulateStudy(simCards, profile, settings, NOW, seededRandom(i + 1)) };
    });
    await db.user.createMany({ data: students.map((s) => ({ id: s.id, email: `bench-student-${s.i}@example.org`, name: `Student ${String(s.i).padStart(3, "0")}`, role: "student" as const })) });
    await db.membership.createMany({ data: students.map((s) => ({ classId: cls.id, userId: s.id })) });
    await db.cardState.createMany({ data: students.flatMap((s) => s.history.states.map(({ cardId, ...st }) => ({ ...st, cardId, userId: s.id, deckId: deck.id }))) });
    const logs = students.flatMap((s) => s.history.reviews.map((r) => ({ ...r, userId: s.id, deckId: deck.id })));
    for (let k = 0; k < logs.length; k += 5000) await db.reviewLog.createMany({ data: logs.slice(k, k + 5000) });
    reviews += logs.length;
  }
  return { teacher, cls, deck, assignment, cardIds: cards.map((c) => c.id), reviews };
}

try {
  const setupStart = performance.now();
  const { teacher, cls, deck, assignment, cardIds, reviews } = await setUp();
  const states = await db.cardState.count({ where: { deckId: deck.id } });
  console.log(`database: ${serverUrl ? "PostgreSQL (scratch database)" : "PGlite (in memory)"}`);
  console.log(`set up ${STUDENTS} students × ${CARDS} cards: ${states} card states, ${reviews} reviews in ${round((performance.now() - setupStart) / 1000)} s`);

  const ref = { classId: cls.id, assignmentId: assignment.id };
  const sample = await computeAssignmentDashboard(teacher, ref, NOW);
  console.log(`class-wide predicted recall ${(sample.classRecall! * 100).toFixed(1)}%, statuses ${JSON.stringify(sample.statusCounts)}`);

  const dashboard = await time(() => computeAssignmentDashboard(teacher, ref, NOW));
  const studentIds = sample.students.map((s) => s.userId);
  const baseline = await time(() => fetchDashboardRows(deck.id, studentIds, cardIds));
  console.log(`dashboard data:        p50 ${round(dashboard.p50)} ms, p95 ${round(dashboard.p95)} ms (target < ${TARGET_MS} ms) over ${RUNS} runs`);
  console.log(`baseline (SQL alone):  p50 ${round(baseline.p50)} ms, p95 ${round(baseline.p95)} ms`);
  console.log(
    JSON.stringify({
      bench: "class-dashboard",
      database: serverUrl ? "postgresql" : "pglite",
      students: STUDENTS,
      cards: CARDS,
      cardStates: states,
      reviews,
      p50Ms: round(dashboard.p50),
      p95Ms: round(dashboard.p95),
      baselineP95Ms: round(baseline.p95),
      ratio: Math.round((dashboard.p95 / baseline.p95) * 100) / 100,
      targetMs: TARGET_MS,
      pass: dashboard.p95 < TARGET_MS,
    }),
  );
} finally {
  await db.$disconnect();
  if (scratch) {
    const { serverUrl: url, name } = scratch;
    await withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
