// `npm run screenshots`: the README's screenshots, taken in Chromium against a fresh embedded
// database with the demo data, where the demo student has three weeks of simulated study (made by
// lib/demo's simulator, so that the progress charts have something to draw). Build first
// (npm run build). Writes docs/screenshots/*.png.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findChromium, launchChromium, signInAs } from "../tests/e2e/browser";

const OUT = path.join(process.cwd(), "docs/screenshots");
const PORT = 3917;

async function main() {
  const chromium = findChromium();
  if (!chromium) throw new Error("Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clio-shots-"));
  await stageDemoStudent(dataDir);
  const env: NodeJS.ProcessEnv = { ...process.env, CLIO_DATA_DIR: dataDir, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  const server = spawn(path.join(process.cwd(), "node_modules/.bin/next"), ["start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: "ignore" });
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      if (i > 240) throw new Error("the app did not start");
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const browser = await launchChromium(chromium);
  try {
    fs.mkdirSync(OUT, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1100, height: 820 }, deviceScaleFactor: 1 });
    await signInAs(page, base, "student@clio.example", "clio-demo-student");

    await page.goto(`${base}/study/russia-ukraine-nato`);
    // Answer until a multiple-choice card is on screen, then answer it and show the result.
    for (let i = 0; i < 40; i++) {
      const card = page.getByTestId("study-card");
      await card.waitFor();
      const type = await card.getAttribute("data-card-type");
      if (type === "multiple_choice") break;
      if ((await page.getByRole("button", { name: /Show answer/ }).count()) > 0) {
        await page.keyboard.press("Space");
        await page.keyboard.press("3");
      } else {
        if (type === "cloze") await page.keyboard.type("x");
        else if (type !== "timeline") await page.keyboard.press("1");
        await page.keyboard.press("Enter");
        await page.getByTestId("answer-result").waitFor();
        await page.keyboard.press("Enter");
      }
      await page.waitForTimeout(150);
    }
    await page.keyboard.press("2");
    await page.keyboard.press("Enter");
    await page.getByTestId("answer-result").waitFor();
    await page.screenshot({ path: path.join(OUT, "study.png"), fullPage: true });

    await page.goto(`${base}/progress`);
    await page.screenshot({ path: path.join(OUT, "progress.png"), fullPage: true });
    console.log(`wrote ${path.relative(process.cwd(), OUT)}/study.png and progress.png`);
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Seeds the embedded database in `dataDir`, then gives the demo student a simulated history. */
async function stageDemoStudent(dataDir: string) {
  process.env.CLIO_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  const { db, openEmbeddedDatabase } = await import("@/lib/db");
  const { seedDemo, DEMO_USERS } = await import("@/lib/demo/seed");
  const { simulateStudy, seededRandom, DEMO_CLASS_DECK } = await import("@/lib/demo/classes");
  const { isAutoGraded } = await import("@/lib/study/grading");
  const { deckSrsSettings } = await import("@/lib/study/settings");
  const now = new Date();
  await seedDemo(now);
  const student = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.find((u) => u.role === "student")!.email } });
  const deck = await db.deck.findUniqueOrThrow({ where: { slug: DEMO_CLASS_DECK }, include: { cards: { where: { retiredAt: null }, orderBy: { position: "asc" } } } });
  const cards = deck.cards.map((c) => ({ id: c.id, autoGraded: isAutoGraded({ type: c.type, answer: c.answer, options: c.options, extra: (c.extra ?? {}) as Record<string, unknown> }) }));
  const profile = { startDaysAgo: 24, stopDaysAgo: 1, sessionChance: 0.85, recallBias: 0.05, newPerSession: 5 };
  const history = simulateStudy(cards, profile, { ...deckSrsSettings(deck), newCardsPerDay: deck.newCardsPerDay }, now, seededRandom(2026));
  await db.cardState.createMany({ data: history.states.map(({ cardId, ...state }) => ({ ...state, userId: student.id, cardId, deckId: deck.id })) });
  await db.reviewLog.createMany({ data: history.reviews.map((r) => ({ ...r, userId: student.id, deckId: deck.id })) });
  await db.$disconnect();
  await (await openEmbeddedDatabase()).close(); // the server opens the directory next
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
