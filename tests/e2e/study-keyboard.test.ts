import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const DECK = "russia-ukraine-nato";

/** A fresh student, so these reviews touch no one else's queue. */
async function signUpStudent(page: Page, name: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.org`);
  await page.getByLabel("Password", { exact: true }).fill("keys-and-more-keys-2026");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/\?welcome=1$/);
}

/** Answers cards by keyboard until one with answer options is on screen. */
async function studyUntilChoiceCard(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const card = page.getByTestId("study-card");
    await card.waitFor();
    if ((await page.getByRole("radiogroup", { name: "Options" }).count()) > 0) return;
    const prompt = await page.locator("#prompt").innerText();
    if ((await page.getByRole("button", { name: /Show answer/ }).count()) > 0) {
      await page.keyboard.press("Space");
      await page.getByRole("group", { name: "Rate your recall" }).waitFor();
      await page.keyboard.press("3");
    } else {
      if ((await page.locator("#cloze-answer").count()) > 0) await page.keyboard.type("no idea");
      await page.keyboard.press("Enter");
      await page.getByTestId("answer-result").waitFor();
      await page.keyboard.press("Enter");
    }
    await page.waitForFunction((old) => document.querySelector("#prompt")?.textContent !== old, prompt);
  }
  throw new Error("no card with options came up in 40 cards");
}

describe.runIf(chromiumPath)("the study page by keyboard", () => {
  const browser = useChromium();

  it("lets Enter on a focused header link navigate instead of revealing the card", async () => {
    const page = await browser().newPage();
    await signUpStudent(page, "Kim Keys");
    await page.goto(`${baseUrl}/study/${DECK}`);
    await page.getByTestId("study-card").waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Progress" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseUrl}/progress`);
    await page.close();
  });

  it("moves through the options with the arrows from one Tab stop, rates Hard with Enter on Hard, and continues once on a double Enter", async () => {
    const page = await browser().newPage();
    await signUpStudent(page, "Ola Options");
    const queueLoads: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes(`/api/decks/${DECK}/queue`)) queueLoads.push(r.url());
    });
    await page.goto(`${baseUrl}/study/${DECK}`);
    await studyUntilChoiceCard(page);

    const radios = page.getByRole("radiogroup", { name: "Options" }).getByRole("radio");
    const count = await radios.count();
    expect(count).toBeGreaterThan(1);
    // One Tab stop for the group.
    const tabStops = await radios.evaluateAll((els) => els.filter((e) => e.getAttribute("tabindex") === "0").length);
    expect(tabStops).toBe(1);
    await radios.first().focus();
    await page.keyboard.press("ArrowDown");
    await expect(radios.nth(1).getAttribute("aria-checked")).resolves.toBe("true");
    await expect(radios.nth(1).evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("ArrowUp");
    await expect(radios.first().getAttribute("aria-checked")).resolves.toBe("true");
    await page.keyboard.press("ArrowUp"); // wraps to the last
    await expect(radios.nth(count - 1).getAttribute("aria-checked")).resolves.toBe("true");
    // Enter on the selected option checks the answer.
    await page.keyboard.press("Enter");
    const result = page.getByTestId("answer-result");
    await result.waitFor();
    // A wrong answer shows what was chosen beside the right one.
    if ((await result.getByText("Not quite").count()) > 0) await result.getByTestId("your-answer").waitFor();
    const prompt = await page.locator("#prompt").innerText();

    // Enter on a focused Hard button chooses Hard, and stays on this card.
    const hard = result.getByRole("button", { name: /Hard/ });
    await hard.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => hard.getAttribute("aria-pressed")).toBe("true");
    await expect(page.locator("#prompt").innerText()).resolves.toBe(prompt);

    // A double Enter on Continue moves on once: the next card (held locally, so at most one refill
    // of the queue) stands untouched, its answer neither revealed nor checked by the second Enter.
    const loadsBefore = queueLoads.length;
    await result.getByRole("button", { name: /Continue/ }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.waitForFunction((old) => document.querySelector("#prompt")?.textContent !== old, prompt);
    await page.waitForLoadState("networkidle");
    expect(queueLoads.length - loadsBefore).toBeLessThanOrEqual(1);
    expect(await page.getByTestId("answer-result").count()).toBe(0);
    expect(await page.getByRole("group", { name: "Rate your recall" }).count()).toBe(0);
    await page.close();
  });

  it("opens the shortcut list with ? and closes it with Escape, keys not reaching the card behind", async () => {
    const page = await browser().newPage();
    await signUpStudent(page, "Quinn Question");
    await page.goto(`${baseUrl}/study/${DECK}`);
    await page.getByTestId("study-card").waitFor();
    await page.locator("body").click({ position: { x: 2, y: 300 } });
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    await page.keyboard.press("1");
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });
    await expect(page.getByTestId("answer-result").count()).resolves.toBe(0);
    await page.close();
  });
});
