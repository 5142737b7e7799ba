// bench/study-loop: what a student feels in Chromium. The demo deck studied through the real page
// (next start on PostgreSQL, Playwright driving Debian's Chromium with the keyboard): the time from
// the key that answers to the next card's prompt in the DOM, per card kind — a self-graded card's
// rating, an auto-graded card's "Continue" after its result — with the server answering at once,
// and with 300 ms added to every API request (Playwright route delay). The same run counts the
// reviews the database recorded against the answers given (lostReviews). The last line is JSON.
//
//   npx tsx bench/study-loop.ts     (DATABASE_URL or 127.0.0.1:5432; CHROMIUM_PATH; BENCH_CARDS, default 40)
import type { Page } from "playwright-core";
import { findChromium, launchChromium } from "../tests/e2e/browser";
import { machine, round, signInCookie, startApp, summarize, withBenchDatabase } from "./support";

const CARDS = Number(process.env.BENCH_CARDS ?? 40);
const LATENCY_MS = 300;
const PASSWORD = "bench-password-123";

declare global {
  interface Window {
    __answered?: Promise<number>;
  }
}

/** Arms a timer from the next answering key press to the moment #prompt no longer reads `old`. */
async function armTimer(page: Page, old: string): Promise<void> {
  await page.evaluate((previous) => {
    window.__answered = new Promise<number>((resolve) => {
      let t0 = 0;
      window.addEventListener("keydown", () => (t0 = performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (t0 && document.querySelector("#prompt")?.textContent !== previous) {
          observer.disconnect();
          resolve(performance.now() - t0);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }, old);
}

/** Studies up to CARDS cards; returns the times per kind and the number of answers given. */
async function study(page: Page, baseUrl: string) {
  const times: Record<"self" | "auto", number[]> = { self: [], auto: [] };
  await page.goto(`${baseUrl}/study/russia-ukraine-nato`);
  let answers = 0;
  for (let i = 0; i < CARDS; i++) {
    const card = page.getByTestId("study-card");
    const end = page.locator("[data-testid=session-summary], [data-testid=waiting]");
    await Promise.race([card.waitFor(), end.waitFor()]);
    if ((await end.count()) > 0) break;
    const prompt = await page.locator("#prompt").innerText();
    if ((await page.getByRole("button", { name: /Show answer/ }).count()) > 0) {
      await page.keyboard.press("Space");
      await page.getByRole("group", { name: "Rate your recall" }).waitFor();
      await armTimer(page, prompt);
      await page.keyboard.press("3");
      times.self.push(await page.evaluate(() => window.__answered!));
    } else {
      await page.getByRole("button", { name: /I don.t know/ }).click();
      await page.getByTestId("answer-result").waitFor();
      await armTimer(page, prompt);
      await page.keyboard.press("Enter");
      times.auto.push(await page.evaluate(() => window.__answered!));
    }
    answers++;
  }
  await page.locator("[data-save-status=saved]").waitFor({ timeout: 60_000 });
  return { times, answers };
}

async function run(url: string) {
  process.env.DATABASE_URL = url;
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error("no Chromium (set CHROMIUM_PATH)");
  const { db } = await import("@/lib/db");
  const { syncContentDecks } = await import("@/lib/demo/seed");
  const { hashPassword } = await import("@/lib/auth/password");
  console.log(`study-loop on ${machine()}; up to ${CARDS} cards per run; +${LATENCY_MS} ms on the slow network`);

  const [report] = await syncContentDecks(new Date());
  await db.deck.update({ where: { id: report!.deckId }, data: { newCardsPerDay: 500 } });
  const passwordHash = await hashPassword(PASSWORD);
  const emails = ["fast@example.org", "slow@example.org"];
  await db.user.createMany({
    data: emails.map((email) => ({ email, name: email, role: "student" as const, passwordHash })),
  });

  const app = await startApp(url);
  const browser = await launchChromium(chromiumPath);
  const results: Record<string, { self: number[]; auto: number[]; lost: number }> = {};
  try {
    for (const [i, email] of emails.entries()) {
      const slow = i === 1;
      const context = await browser.newContext();
      const cookie = await signInCookie(app.baseUrl, email, PASSWORD);
      const [name, value] = cookie.split("=");
      await context.addCookies([{ name: name!, value: value!, url: app.baseUrl }]);
      const page = await context.newPage();
      if (slow)
        await page.route("**/api/**", async (route) => {
          await new Promise((r) => setTimeout(r, LATENCY_MS));
          await route.continue();
        });
      const { times, answers } = await study(page, app.baseUrl);
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      const recorded = await db.reviewLog.count({ where: { userId: user.id } });
      results[slow ? "slow" : "fast"] = { ...times, lost: answers - recorded };
      await context.close();
    }
  } finally {
    await browser.close();
    await app.stop();
    await db.$disconnect();
  }

  const median = (xs: number[]) => (xs.length ? summarize(xs).p50 : NaN);
  console.log(
    `\n| network | self-graded: rate → next card (median, n) | auto-graded: Continue → next card | all, median | p95 | lost |`,
  );
  console.log(`|---|---|---|---|---|---|`);
  for (const [label, r] of Object.entries(results)) {
    const all = [...r.self, ...r.auto];
    console.log(
      `| ${label === "slow" ? `+${LATENCY_MS} ms` : "local"} | ${round(median(r.self))} ms (${r.self.length}) | ${round(median(r.auto))} ms (${r.auto.length}) | ${round(median(all))} ms | ${round(summarize(all).p95)} ms | ${r.lost} |`,
    );
  }
  const fast = results.fast!;
  const slow = results.slow!;
  console.log(
    JSON.stringify({
      bench: "study-loop",
      medianMs: round(median([...fast.self, ...fast.auto])),
      medianMsSlowNetwork: round(median([...slow.self, ...slow.auto])),
      medianMsSelfGraded: round(median(fast.self)),
      medianMsAutoGraded: round(median(fast.auto)),
      lostReviews: fast.lost + slow.lost,
    }),
  );
}

withBenchDatabase("loop", run).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
