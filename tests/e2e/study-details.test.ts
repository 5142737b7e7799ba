import type { Browser, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { auditPage, PHONE } from "./audit";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const DECK = "russia-ukraine-nato";

async function signUpStudent(browser: Browser, touch: boolean): Promise<Page> {
  // hasTouch + isMobile: Chromium then reports a coarse pointer and no hover, as a phone does.
  const context = await browser.newContext({
    viewport: PHONE,
    bypassCSP: true,
    ...(touch ? { hasTouch: true, isMobile: true } : {}),
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Name").fill("Pat Phone");
  await page.getByLabel("Email").fill(`pat.phone-${Date.now()}-${touch}@example.org`);
  await page.getByLabel("Password", { exact: true }).fill("study-details-e2e-2026");
  await page.getByRole("radio", { name: "Student" }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseUrl}/?welcome=1`);
  return page;
}

/** "20 new · 0 learning · 0 due" as numbers. */
async function remaining(page: Page): Promise<{ new: number; learning: number; due: number }> {
  const text = await page.getByTestId("remaining-today").innerText();
  const [, n, l, d] = /(\d+) new · (\d+) learning · (\d+) due/.exec(text)!;
  return { new: Number(n), learning: Number(l), due: Number(d) };
}

/** Key hints (<kbd>) a person can see, besides a timeline's position numbers. */
function visibleKeyHints(page: Page): Promise<number> {
  return page
    .locator("kbd")
    .evaluateAll(
      (ks) =>
        ks.filter((k) => k.getClientRects().length > 0 && !k.closest('[aria-label="Events, in your order"]')).length,
    );
}

/** Answers the card on screen by tapping: Show answer then Good, or the first option then Check and Continue. */
async function answerByTapping(page: Page): Promise<void> {
  const card = page.getByTestId("study-card");
  await card.waitFor();
  const prompt = await page.locator("#prompt").innerText();
  const type = await card.getAttribute("data-card-type");
  const show = page.getByRole("button", { name: /Show answer/ });
  if ((await show.count()) > 0) {
    await show.tap();
    await page.getByRole("group", { name: "Rate your recall" }).waitFor();
    expect(await visibleKeyHints(page)).toBe(0);
    await page.getByRole("group", { name: "Rate your recall" }).getByRole("button", { name: /Good/ }).tap();
  } else {
    if (type === "cloze") await page.getByRole("textbox").fill("no idea");
    else if (type !== "timeline") await page.getByRole("radio").first().tap();
    await page.getByRole("button", { name: /^Check/ }).tap();
    await page.getByTestId("answer-result").waitFor();
    await page.getByRole("button", { name: /Continue/ }).tap();
  }
  await page.waitForFunction(
    (old) =>
      document.querySelector("#prompt")?.textContent !== old ||
      document.querySelector("[data-testid=session-summary], [data-testid=waiting]") !== null,
    prompt,
  );
}

describe.runIf(chromiumPath)("study details, in Chromium", () => {
  const browser = useChromium();

  it("on a touch screen: counters move with each answer, no keyboard hints, and undo says so on screen", async () => {
    const page = await signUpStudent(browser(), true);
    await page.goto(`${baseUrl}/study/${DECK}`);
    await page.getByTestId("study-card").waitFor();
    const before = await remaining(page);
    expect(before.new).toBeGreaterThan(2);

    // No keyboard hints on a touch screen: not in the footer, the buttons or the options.
    await expect(page.getByText(/reveal · /).isVisible()).resolves.toBe(false);
    await expect(page.getByRole("button", { name: /All shortcuts/ }).isVisible()).resolves.toBe(false);
    // A timeline's numbers are positions, not keys: they stay.
    expect(await visibleKeyHints(page)).toBe(0);

    await answerByTapping(page);
    const after = await remaining(page);
    expect(after.new).toBe(before.new - 1);
    await answerByTapping(page);
    await expect(remaining(page)).resolves.toMatchObject({ new: before.new - 2 });

    await page.getByRole("button", { name: "Undo last review" }).tap();
    const notice = page.getByRole("status").filter({ hasText: "Last review undone" });
    await notice.waitFor();
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(remaining(page)).resolves.toMatchObject({ new: before.new - 1 });
    expect(await auditPage(page)).toEqual([]);
    // The notice goes with the next answer.
    await answerByTapping(page);
    await expect(notice.count()).resolves.toBe(0);
    await page.context().close();
  });

  it("with a mouse and keyboard: the keyboard hints are shown", async () => {
    const page = await signUpStudent(browser(), false);
    await page.goto(`${baseUrl}/study/${DECK}`);
    await page.getByTestId("study-card").waitFor();
    await expect(page.getByRole("button", { name: /All shortcuts/ }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});
