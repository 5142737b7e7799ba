import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { seriousAxeViolations } from "./a11y";
import { useChromium } from "./browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const DECK = "russia-ukraine-nato";
const STUDY_PATH = `/study/${DECK}`;

interface SentReview {
  reviewId: string;
  cardId: string;
  answeredAt: string;
}

/** Answers the card on screen with the keyboard, whatever its kind, and waits for the next one. */
async function answerCard(page: Page): Promise<string> {
  const card = page.getByTestId("study-card");
  await card.waitFor();
  const type = (await card.getAttribute("data-card-type"))!;
  const prompt = await page.locator("#prompt").innerText();
  if ((await page.getByRole("button", { name: /Show answer/ }).count()) > 0) {
    await page.keyboard.press("Space");
    await page.getByRole("group", { name: "Rate your recall" }).waitFor();
    await page.keyboard.press("3");
  } else if (type === "cloze") {
    await page.keyboard.type("no idea");
    await page.keyboard.press("Enter");
  } else if (type === "timeline") {
    await page.keyboard.press("Enter");
  } else {
    await page.keyboard.press("1");
    await page.keyboard.press("Enter");
  }
  // Online, an auto-graded card shows its result first; offline it moves on, its answer kept.
  await page.waitForFunction(
    (old) =>
      document.querySelector("#prompt")?.textContent !== old ||
      document.querySelector("[data-testid=answer-result]") !== null,
    prompt,
  );
  if ((await page.getByTestId("answer-result").count()) > 0) {
    await page.keyboard.press("Enter");
    await page.waitForFunction((old) => document.querySelector("#prompt")?.textContent !== old, prompt);
  }
  return prompt;
}

describe.runIf(chromiumPath)("studying offline in Chromium", () => {
  const browser = useChromium();

  it("keeps 10 answers given offline across an offline reload and records each once, in order, at its answered time", async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const email = `offline-${Date.now()}@example.org`;
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel("Name").fill("Offline Student");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("offline-study-password-2026");
    await page.getByRole("radio", { name: "Student" }).check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${baseUrl}/?welcome=1`);

    // Every review the page sends, and the server's answers to them, in the order they came. Each
    // answer is noted when it arrives, by the reviewId its request carried: its body is read later
    // (reading it is asynchronous, and under load one read can finish after later answers arrive).
    const sent: SentReview[] = [];
    const answered: { reviewId: string; status: number; body: Promise<{ reviewedAt: string } | null> }[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url() === `${baseUrl}/api/reviews`)
        sent.push(request.postDataJSON() as SentReview);
    });
    page.on("response", (response) => {
      if (response.request().method() !== "POST" || response.url() !== `${baseUrl}/api/reviews`) return;
      const { reviewId } = response.request().postDataJSON() as SentReview;
      const body = response.json().catch(() => null) as Promise<{ reviewedAt: string } | null>;
      answered.push({ reviewId, status: response.status(), body });
    });

    // The home page's decks are kept ahead: their study page, article and next cards.
    await page.waitForFunction(
      async (path) => {
        const keys = await caches
          .open("clio-pages-v1")
          .then(async (cache) => (await cache.keys()).map((r) => new URL(r.url).pathname));
        return keys.includes(path) && keys.includes(`/api/decks/${path.split("/")[2]}/queue`);
      },
      STUDY_PATH,
      { timeout: 30_000, polling: 250 },
    );

    await page.goto(`${baseUrl}${STUDY_PATH}`);
    // The worker takes the page over and keeps it, its files and its queue (app/_components/service-worker.tsx).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.waitForFunction(
      async (path) => {
        const cache = await caches.open("clio-pages-v1");
        const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
        return (
          keys.includes(path) && keys.some((k) => k.endsWith("/queue")) && keys.some((k) => k.endsWith("/article"))
        );
      },
      STUDY_PATH,
      { timeout: 30_000, polling: 250 },
    );

    // Mid-session: one answer online, recorded.
    const onlinePrompt = await answerCard(page);
    await page.locator("[data-save-status=saved]").waitFor({ timeout: 30_000 });

    await context.setOffline(true);
    const offlinePrompts: string[] = [];
    for (let i = 0; i < 10; i++) offlinePrompts.push(await answerCard(page));
    const status = page.getByRole("status").filter({ hasText: "waiting to sync" });
    await expect(status.innerText({ timeout: 15_000 })).resolves.toBe("10 answers waiting to sync");

    // The worker is offline too, so what it serves below comes from its cache, not the network.
    const [worker] = context.serviceWorkers();
    await expect(
      worker!.evaluate(() =>
        fetch("/sign-in").then(
          () => "network",
          () => "offline",
        ),
      ),
    ).resolves.toBe("offline");

    // Reloaded offline: the service worker serves the page and its queue; the answers wait in IndexedDB.
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await expect(status.innerText({ timeout: 15_000 })).resolves.toBe("10 answers waiting to sync");
    await page.getByTestId("study-card").waitFor();
    // The page resumes from the kept queue without the cards already answered.
    const resumedPrompt = await page.locator("#prompt").innerText();
    expect([onlinePrompt, ...offlinePrompts]).not.toContain(resumedPrompt);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The passages can be read offline too.
    const reader = await context.newPage();
    const article = await reader.goto(`${baseUrl}/decks/${DECK}/article`);
    expect(article?.fromServiceWorker()).toBe(true);
    await reader.getByRole("heading", { level: 1 }).waitFor();
    await reader.close();

    await context.setOffline(false);
    await page.locator("[data-save-status=saved]").waitFor({ timeout: 60_000 });

    // Each of the 11 answers recorded once, the offline ones in the order they were given, each at the
    // time it was given (and the progress page below counts 11).
    const offline = sent.filter((s, i, all) => all.findIndex((t) => t.reviewId === s.reviewId) === i).slice(1);
    expect(offline).toHaveLength(10);
    const answeredTimes = offline.map((s) => Date.parse(s.answeredAt));
    expect([...answeredTimes].sort((a, b) => a - b)).toEqual(answeredTimes);
    // Each review's first success, in the order they came. Usually a 201; but a request sent just as
    // the connection dropped can reach the server while the page sees it fail, and its retry is then
    // answered 200 from the record (CI saw this for the first offline answer). Never a second 201.
    const successes = answered.filter((a) => a.status === 201 || a.status === 200);
    const firstSuccesses = successes.filter((a, i) => successes.findIndex((b) => b.reviewId === a.reviewId) === i);
    const statuses = JSON.stringify(answered.map((a) => `${a.reviewId.slice(0, 8)} ${a.status}`));
    expect(
      firstSuccesses.map((a) => a.reviewId),
      statuses,
    ).toEqual([sent[0]!.reviewId, ...offline.map((s) => s.reviewId)]);
    for (const review of offline) {
      expect(answered.filter((a) => a.reviewId === review.reviewId && a.status === 201).length).toBeLessThanOrEqual(1);
      const answer = firstSuccesses.find((a) => a.reviewId === review.reviewId)!;
      expect((await answer.body)?.reviewedAt).toBe(new Date(review.answeredAt).toISOString());
    }

    // Sent again, each is answered from the record (200, replayed): none counts twice.
    for (const review of offline) {
      const retry = await page.request.post(`${baseUrl}/api/reviews`, {
        data: review,
        headers: { origin: baseUrl },
      });
      expect(retry.status()).toBe(200);
      expect(await retry.json()).toMatchObject({
        replayed: true,
        reviewedAt: new Date(review.answeredAt).toISOString(),
      });
    }
    await page.goto(`${baseUrl}/progress`);
    await expect(page.getByTestId("reviews-total").locator("p").nth(1).innerText()).resolves.toBe("11");
    await context.close();
  });

  it("serves an installable web app: the manifest with PNG and maskable icons, a favicon, and the worker under the CSP", async () => {
    const manifest = await fetch(`${baseUrl}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    const body = (await manifest.json()) as {
      display: string;
      start_url: string;
      icons: { src: string; purpose?: string; sizes: string }[];
    };
    expect(body).toMatchObject({ display: "standalone", start_url: "/" });
    expect(body.icons.filter((i) => i.purpose === "maskable").map((i) => i.sizes)).toEqual(["192x192", "512x512"]);
    for (const icon of body.icons) {
      const res = await fetch(`${baseUrl}${icon.src}`);
      expect(res.status, icon.src).toBe(200);
    }
    await expect(fetch(`${baseUrl}/favicon.ico`).then((r) => r.status)).resolves.toBe(200);
    const worker = await fetch(`${baseUrl}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get("cache-control")).toBe("no-cache");
    const page = await fetch(`${baseUrl}/sign-in`);
    expect(page.headers.get("content-security-policy")).toContain("worker-src 'self'");
    expect(await page.text()).toContain('rel="manifest"');
  });
});
