import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { SCIENCE_ARTICLE } from "../integration/drafts/articles";
import { useChromium } from "./browser";
import { auditPage, PHONE } from "./audit";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");

/** Reveals or answers the card on screen (wrongly where it is checked), so the rating buttons show. */
async function reachRatingButtons(page: Page): Promise<void> {
  const card = page.getByTestId("study-card");
  await card.waitFor();
  const type = (await card.getAttribute("data-card-type"))!;
  const show = page.getByRole("button", { name: /Show answer/ });
  if ((await show.count()) > 0) await show.click();
  else {
    if (type === "cloze") await page.keyboard.type("no idea at all");
    else if (type !== "timeline") await page.keyboard.press("1");
    await page.keyboard.press("Enter");
    await page.getByTestId("answer-result").waitFor();
  }
}

describe.runIf(chromiumPath)("deck settings, in Chromium", () => {
  const browser = useChromium();

  it("lets the deck's owner save its settings, which the next review follows", async () => {
    const context = await browser().newContext({ viewport: PHONE, bypassCSP: true });
    const page = await context.newPage();
    const email = `settings-${Date.now()}@example.org`;
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel("Name").fill("Sam Settings");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("deck-settings-e2e-2026");
    await page.getByRole("radio", { name: "Teacher" }).check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${baseUrl}/?welcome=1`);

    await page.goto(`${baseUrl}/decks/new`);
    await page.getByLabel("Deck title").fill("Settings in Chromium");
    await page.getByLabel("Article text").fill(SCIENCE_ARTICLE);
    await page.getByRole("button", { name: "Draft the cards" }).click();
    await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
    await page.locator("[data-testid=save-status][data-state=saved]").waitFor();
    await page.getByRole("button", { name: "Publish deck" }).click();
    await page.waitForURL(/\/decks\/settings-in-chromium(-\d+)?$/);
    const deckPath = new URL(page.url()).pathname;
    const slug = deckPath.split("/").pop()!;

    const form = page.getByTestId("deck-settings-form");
    await expect(form.getByLabel("Desired retention").inputValue()).resolves.toBe("0.9");
    await expect(form.getByLabel("Learning steps", { exact: true }).inputValue()).resolves.toBe("1m 10m");
    // Each setting says what it does.
    await expect(form.getByText(/meets for the first time each day/).isVisible()).resolves.toBe(true);
    expect(await auditPage(page)).toEqual([]);

    // A bad value is refused beside its field, with the schema's message, and nothing is saved.
    await form.getByLabel("Desired retention").fill("0.5");
    await form.getByLabel("Learning steps", { exact: true }).fill("1m 1.5m");
    await form.getByRole("button", { name: "Save settings" }).click();
    await form.getByText("Desired retention must be at least 0.7 (70%).").waitFor();
    await expect(form.getByText(/whole number above 0/).isVisible()).resolves.toBe(true);
    await expect(form.getByLabel("Desired retention").getAttribute("aria-invalid")).resolves.toBe("true");
    expect(await auditPage(page)).toEqual([]);

    await form.getByLabel("Desired retention").fill("0.85");
    await form.getByLabel("New cards per day").fill("2");
    await form.getByLabel("Learning steps", { exact: true }).fill("7m 3h");
    await form.getByRole("button", { name: "Save settings" }).click();
    await form.getByRole("status").getByText(/Saved/).waitFor();
    await page.reload();
    await expect(form.getByLabel("Desired retention").inputValue()).resolves.toBe("0.85");
    await expect(form.getByLabel("New cards per day").inputValue()).resolves.toBe("2");
    await expect(form.getByLabel("Learning steps", { exact: true }).inputValue()).resolves.toBe("7m 3h");

    // The study page follows them: two new cards today, and "Again" on a new card waits 7 minutes.
    await page.goto(`${baseUrl}/study/${slug}`);
    await page.getByText("2 new").waitFor();
    await reachRatingButtons(page);
    await expect(page.getByRole("button", { name: /^Again/ }).innerText()).resolves.toMatch(/7m/);
    const queue = await page.request.get(`${baseUrl}/api/decks/${slug}/queue`);
    expect(((await queue.json()) as { remaining: { new: number } }).remaining.new).toBeLessThanOrEqual(2);
    await context.close();
  });
});
