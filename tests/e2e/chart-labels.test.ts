import type { Browser, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { DEMO_CLASS_DECK, DEMO_CLASS_NAME } from "@/lib/demo/classes";
import { auditPage, PHONE } from "./audit";
import { signInAs, useChromium } from "./browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const teacher = DEMO_USERS.find((u) => u.role === "teacher")!;
const student = DEMO_USERS.find((u) => u.role === "student")!;
const PHONE_WIDTHS = [360, 390];

interface LabelProblem {
  chart: string;
  problem: string;
}

/**
 * Every text drawn in the page's SVG charts, as the reader sees it: each at least 10 px high, inside
 * its chart (an SVG clips what falls outside it) and clear of every other label in the same chart.
 */
function chartLabelProblems(page: Page): Promise<LabelProblem[]> {
  return page.evaluate(() => {
    const problems: { chart: string; problem: string }[] = [];
    const charts = [...document.querySelectorAll("main figure svg")] as SVGSVGElement[];
    for (const svg of charts) {
      const chart = (svg.getAttribute("data-testid") ?? svg.getAttribute("aria-label") ?? "chart").slice(0, 40);
      const box = svg.getBoundingClientRect();
      const scale = svg.getScreenCTM()?.a ?? 1;
      const labels = [...svg.querySelectorAll("text")]
        .filter((t) => getComputedStyle(t).display !== "none" && (t.textContent ?? "").trim() !== "")
        .map((t) => ({
          text: t.textContent!.trim(),
          rect: t.getBoundingClientRect(),
          px: parseFloat(getComputedStyle(t).fontSize) * scale,
        }));
      if (labels.length === 0) problems.push({ chart, problem: "no labels" });
      for (const l of labels) {
        if (l.px < 10) problems.push({ chart, problem: `"${l.text}" is ${l.px.toFixed(1)} px` });
        const outside =
          l.rect.left < box.left - 0.5 ||
          l.rect.right > box.right + 0.5 ||
          l.rect.top < box.top - 0.5 ||
          l.rect.bottom > box.bottom + 0.5;
        if (outside) problems.push({ chart, problem: `"${l.text}" is cut off at the chart's edge` });
      }
      labels.forEach((a, i) =>
        labels.slice(i + 1).forEach((b) => {
          // Glyph boxes include the line's leading: a pixel of overlap between rows is not a collision.
          const overlapX = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
          const overlapY = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
          if (overlapX > 0.5 && overlapY > 2) problems.push({ chart, problem: `"${a.text}" overlaps "${b.text}"` });
        }),
      );
    }
    return problems;
  });
}

/** The labels checked at each phone width and at a desktop, where the two-column layout narrows charts. */
async function problemsAtEveryWidth(page: Page): Promise<(LabelProblem & { width: number })[]> {
  const found: (LabelProblem & { width: number })[] = [];
  for (const width of [...PHONE_WIDTHS, 1280]) {
    await page.setViewportSize({ width, height: PHONE.height });
    found.push(...(await chartLabelProblems(page)).map((p) => ({ ...p, width })));
  }
  await page.setViewportSize(PHONE);
  return found;
}

async function signedIn(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  // axe arrives as an inline script, which the app's nonce-based CSP would refuse.
  const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
  const page = await context.newPage();
  await signInAs(page, baseUrl, user.email, user.password);
  return page;
}

describe.runIf(chromiumPath)("charts and study pages on a phone", () => {
  const browser = useChromium();

  it("the progress page's charts have legible labels that neither overlap nor run off the chart at 360 and 390 px", async () => {
    const page = await signedIn(browser(), student);
    await page.goto(`${baseUrl}/progress`);
    // The 30-day forecast, the weekly retention line and the year's heatmap, each with its labels.
    await expect(page.locator("main figure svg").count()).resolves.toBe(3);
    await expect(page.getByTestId("heatmap-legend").innerText()).resolves.toMatch(/^Fewer\s+more reviews/);
    expect(await problemsAtEveryWidth(page)).toEqual([]);
    // The forecast names days on a phone: at least a label a week, so the axis still reads as dates;
    // a desktop, with a smaller font, names more.
    const forecastDays = async (width: number) => {
      await page.setViewportSize({ width, height: PHONE.height });
      return page
        .getByRole("img", { name: /^Cards due per day:/ })
        .locator("[data-testid=x-labels] text")
        .evaluateAll((ts) => ts.filter((t) => getComputedStyle(t).display !== "none").map((t) => t.textContent ?? ""));
    };
    const onPhone = await forecastDays(360);
    expect(onPhone.length).toBeGreaterThanOrEqual(4);
    expect(onPhone.every((d) => /^[A-Z][a-z]{2} \d{1,2}$/.test(d))).toBe(true);
    expect((await forecastDays(1280)).length).toBeGreaterThan(onPhone.length);
    await page.context().close();
  });

  it("a student's study page on a phone: nothing wider than the screen, no serious axe violation", async () => {
    const page = await signedIn(browser(), student);
    await page.goto(`${baseUrl}/study/${DEMO_CLASS_DECK}`);
    await page
      .locator("[data-testid=study-card], [data-testid=session-summary], [data-testid=waiting]")
      .first()
      .waitFor();
    expect(await auditPage(page)).toEqual([]);
    await page.context().close();
  });

  it("a teacher's class page and assignment page on a phone: the calibration and plan charts legible at 360 and 390 px, nothing overflowing", async () => {
    const page = await signedIn(browser(), teacher);
    await page.goto(`${baseUrl}/classes`);
    await page.getByRole("link", { name: DEMO_CLASS_NAME }).first().click();
    await page.waitForURL(/\/classes\/[0-9a-f-]{36}$/);
    await page.getByTestId("calibration-chart").waitFor();
    expect(await problemsAtEveryWidth(page)).toEqual([]);
    expect(await auditPage(page)).toEqual([]);

    await page
      .getByRole("link", { name: /Dashboard/ })
      .first()
      .click();
    await page.waitForURL(/\/assignments\/[0-9a-f-]{36}$/);
    await page.getByTestId("plan-chart").waitFor();
    expect(await problemsAtEveryWidth(page)).toEqual([]);
    expect(await auditPage(page)).toEqual([]);
    await page.context().close();
  });
});
