import fs from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { signInAs, useChromium } from "./browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const student = DEMO_USERS.find((u) => u.role === "student")!;
const deckFile = JSON.parse(fs.readFileSync("content/decks/russia-ukraine-nato.json", "utf8")) as {
  slug: string;
  cards: { id: string; type: string; prompt: string; quote: string }[];
};

describe.runIf(chromiumPath)("the article reader in Chromium", () => {
  const browser = useChromium();

  it("shows the deck's cards by type, highlights passages, and each passage leads to its cards", async () => {
    const page = await browser().newPage();
    await signInAs(page, baseUrl, student.email, student.password);
    await page.goto(`${baseUrl}/decks/${deckFile.slug}`);
    const types = await page.getByTestId("card-types").innerText();
    const multipleChoice = deckFile.cards.filter((c) => c.type === "multiple_choice").length;
    expect(types).toMatch(new RegExp(`Multiple choice\\s+${multipleChoice}`));
    await page.getByRole("link", { name: "Read the article" }).click();
    await page.waitForURL(/\/article$/);

    const marks = page.locator("[data-passage]");
    expect(await marks.count()).toBeGreaterThan(10);
    // Every highlighted passage lists at least one card whose quote lies inside it.
    const numbers = [...new Set(await marks.evaluateAll((els) => els.map((e) => e.getAttribute("data-passage"))))];
    for (const n of numbers.slice(0, 8)) {
      const mark = page.locator(`[data-passage="${n}"]`).first();
      await mark.click();
      const panel = page.getByTestId("passage-cards");
      await panel.getByText(`Passage ${n} ·`).waitFor();
      const ids = await panel.locator("[data-card]").evaluateAll((els) => els.map((e) => e.getAttribute("data-card")!));
      expect(ids.length).toBeGreaterThan(0);
      const passageText = (await page.locator(`[data-passage="${n}"]`).allTextContents()).join("");
      for (const id of ids) {
        const card = deckFile.cards.find((c) => c.id === id)!;
        expect(passageText.replace(/\s+/g, " ")).toContain(card.quote.replace(/\s+/g, " ").slice(0, 40));
        await expect(panel.locator(`[data-card="${id}"]`).innerText()).resolves.toContain(card.prompt);
      }
    }
    // And with the keyboard alone.
    await page.locator('[data-passage="1"]').first().focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("passage-cards").getByText("Passage 1 ·").waitFor();
    await page.close();
  });

  it("opens on a card's passage when linked from that card", async () => {
    const page = await browser().newPage();
    await signInAs(page, baseUrl, student.email, student.password);
    const card = deckFile.cards[Math.floor(deckFile.cards.length / 2)]!;
    await page.goto(`${baseUrl}/decks/${deckFile.slug}/article?card=${card.id}`);
    const panel = page.getByTestId("passage-cards");
    await panel.locator(`[data-card="${card.id}"]`).waitFor();
    await expect(page.locator('[aria-pressed="true"]').first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("answers 404 for a deck that does not exist", async () => {
    const page = await browser().newPage();
    await signInAs(page, baseUrl, student.email, student.password);
    const response = await page.goto(`${baseUrl}/decks/no-such-deck/article`);
    expect(response?.status()).toBe(404);
    await page.close();
  });
});
