import { describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import type { Locator, Page } from "playwright-core";
import { SCIENCE_ARTICLE, SEED_ARTICLE_MD } from "../integration/drafts/articles";
import { seriousAxeViolations, sidewaysOverflow } from "./a11y";
import { signInAs, useChromium } from "./browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const teacher = DEMO_USERS.find((u) => u.role === "teacher")!;
const student = DEMO_USERS.find((u) => u.role === "student")!;

/** The id of the focused element, or its tag when it has none. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
const saved = (page: Page) => page.locator("[data-testid=save-status][data-state=saved]").waitFor();
/** Opens a card of the draft editor for editing (its line's button toggles: a second click closes it). */
async function openCard(row: Locator): Promise<void> {
  const line = row.locator("[data-card-line]");
  if ((await line.getAttribute("aria-expanded")) !== "true") await line.click();
  await row.getByTestId("draft-card-editor").waitFor();
}

describe.runIf(chromiumPath)("a new deck from an article, in Chromium", () => {
  const browser = useChromium();

  it("lets a teacher paste an article, edit a draft card, publish the deck and find it in their list", async () => {
    const page = await browser().newPage();
    await signInAs(page, baseUrl, teacher.email, teacher.password);
    await page.goto(`${baseUrl}/decks/new`);
    await expect(page.getByText(/Up to 100,000 characters/).isVisible()).resolves.toBe(true);

    // Bad input first: no article at all gets a clear message, and no draft.
    await page.getByLabel("Deck title").fill("Penicillin in Chromium");
    await page.getByRole("button", { name: "Draft the cards" }).click();
    await page.getByText(/The article is empty/).waitFor();
    expect(page.url()).toBe(`${baseUrl}/decks/new`);

    await page.getByLabel("Published by").fill("Science Weekly");
    await page.getByLabel("Article text").fill(SCIENCE_ARTICLE);
    await page.getByRole("button", { name: "Draft the cards" }).click();
    await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
    const draftUrl = page.url();
    await page.getByTestId("draft-card").first().waitFor();
    await expect(page.getByTestId("save-status").getAttribute("data-state")).resolves.toBe("saved");

    // Edit one card; it is saved as it changes and is there after a reload.
    const first = page.locator("[data-testid=draft-card]:not([data-discarded])").first();
    const firstId = (await first.getAttribute("data-card-id"))!;
    const edited = "Edited in Chromium: who first noticed what the mould did to the bacteria?";
    await openCard(first);
    await first.getByLabel(/Question|Statement/).fill(edited);
    await page.locator("[data-testid=save-status][data-state=saved]").waitFor();
    await page.reload();
    const reloaded = page.locator(`[data-card-id="${firstId}"]`);
    await expect(reloaded.locator("[data-card-line]").innerText()).resolves.toContain(edited);
    await openCard(reloaded);
    await expect(reloaded.getByLabel(/Question|Statement/).inputValue()).resolves.toBe(edited);

    // Publishing checks every card: an answer no longer among its options is named, and nothing is published.
    const mc = page.locator("[data-testid=draft-card][data-card-type=multiple_choice]").first();
    await openCard(mc);
    const answer = mc.getByLabel("Answer", { exact: true });
    const original = await answer.inputValue();
    await answer.fill("Marie Curie");
    await page.locator("[data-testid=save-status][data-state=saved]").waitFor();
    await page.getByRole("button", { name: "Publish deck" }).click();
    const problems = page.getByTestId("publish-problems");
    await problems.waitFor();
    await expect(problems.innerText()).resolves.toMatch(
      /Multiple choice card “.+” \(paragraph \d+\): the answer "Marie Curie" is not among the options/,
    );
    expect(page.url()).toBe(draftUrl);

    await answer.fill(original);
    await page.locator("[data-testid=save-status][data-state=saved]").waitFor();
    await page.getByRole("button", { name: "Publish deck" }).click();
    await page.waitForURL(/\/decks\/penicillin-in-chromium(-\d+)?$/);
    await page.getByRole("heading", { level: 1, name: "Penicillin in Chromium" }).waitFor();

    await page.goto(`${baseUrl}/`);
    const deckCard = page.getByTestId("deck-card").filter({ hasText: "Penicillin in Chromium" });
    await deckCard.waitFor();
    await expect(deckCard.innerText()).resolves.toMatch(/\d+ cards/);

    // The draft remembers where it was published.
    await page.goto(draftUrl);
    await page.getByRole("button", { name: "Publish changes" }).waitFor();

    // A tab still holding an old version is refused, and the draft keeps the newer edit.
    // As the tab's own fetch would, it names its origin (the API refuses writes that do not).
    const stale = await page.request.put(`${draftUrl.replace("/drafts/", "/api/drafts/")}`, {
      headers: { origin: new URL(draftUrl).origin },
      data: { version: 0, title: "From a stale tab", outlet: "", sourceUrl: "", cards: [] },
    });
    expect(stale.status()).toBe(409);
    await expect(stale.json()).resolves.toMatchObject({
      code: "stale_draft",
      error: expect.stringMatching(/changed in another tab/),
    });
    await page.reload();
    await expect(page.getByLabel("Deck title").inputValue()).resolves.toBe("Penicillin in Chromium");
    await page.close();
  });

  it("lets a teacher review a long draft fast: filter by kind, bulk-discard, edit one by keyboard, publish", async () => {
    // axe arrives as an inline script, which the app's nonce-based CSP would refuse.
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    await signInAs(page, baseUrl, teacher.email, teacher.password);
    await page.goto(`${baseUrl}/decks/new`);
    await page.getByLabel("Deck title").fill("NATO reviewed in Chromium");
    await page.getByLabel("Article text").fill(SEED_ARTICLE_MD);
    // The server action is held back a moment, so that the pending state can be seen for sure.
    const newDeckUrl = `${baseUrl}/decks/new`;
    await page.route(newDeckUrl, async (route) => {
      if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByRole("button", { name: "Draft the cards" }).click();
    await page
      .getByTestId("drafting-progress")
      .getByText(/Drafting cards from [\d,]+ words/)
      .waitFor();
    await expect(page.getByRole("button", { name: "Drafting cards…" }).isDisabled()).resolves.toBe(true);
    await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
    await page.unroute(newDeckUrl);
    const rows = page.locator("[data-testid=draft-card]");
    await rows.first().waitFor();
    const total = await rows.count();
    // The generator drafts up to 30; the bound leaves room for its rules to keep fewer.
    expect(total).toBeGreaterThanOrEqual(15);

    // One line per card: the whole draft fits in a few screens, on a laptop and on a phone.
    const height = () => page.evaluate(() => document.documentElement.scrollHeight);
    expect(await height()).toBeLessThan(total * 60 + 1500);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await height()).toBeLessThan(total * 70 + 2000);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The coverage strip has a button per paragraph; one opens that paragraph with its cards only.
    const strip = page.getByTestId("coverage").getByRole("button");
    expect(await strip.count()).toBeGreaterThan(5);
    await strip.nth(1).click();
    await page.getByTestId("paragraph-panel").getByRole("heading", { name: "Paragraph 2" }).waitFor();
    for (const row of await rows.all()) {
      await expect(row.innerText()).resolves.toMatch(/¶\s*2$/m);
    }
    await strip.nth(1).click();
    await page.getByTestId("paragraph-panel").waitFor({ state: "detached" });

    // Filter by the kind with the most cards, select all shown, discard them in one go.
    const kinds = await page.locator("#filter-kind option").evaluateAll((options) =>
      options
        .map((o) => ({
          value: (o as HTMLOptionElement).value,
          count: Number(/\((\d+)\)$/.exec(o.textContent ?? "")?.[1]),
        }))
        .filter((o) => o.value !== "all"),
    );
    const kind = kinds.sort((a, b) => b.count - a.count)[0]!;
    expect(kind.count).toBeGreaterThanOrEqual(2);
    await page.getByLabel("Kind").selectOption(kind.value);
    await expect(rows.count()).resolves.toBe(kind.count);
    await expect(page.locator(`[data-testid=draft-card]:not([data-card-type=${kind.value}])`).count()).resolves.toBe(0);
    await page.getByLabel(/Select all shown/).check();
    await page.getByText(`${kind.count} selected`).waitFor();
    await page.getByRole("button", { name: "Discard selected" }).click();
    await expect(page.locator("[data-testid=draft-card][data-discarded]").count()).resolves.toBe(kind.count);
    await saved(page);
    await page.getByLabel("Kind").selectOption("all");
    await expect(rows.count()).resolves.toBe(total);

    // The keyboard: j moves, x selects, ? lists the keys, Enter on a card's line opens it.
    const kept = page.locator("[data-testid=draft-card]:not([data-discarded])");
    const firstKept = kept.first();
    const secondKept = kept.nth(1);
    const secondId = (await secondKept.getAttribute("data-card-id"))!;
    await firstKept.locator("[data-card-line]").focus();
    await page.keyboard.press("j");
    const nextRow = rows.nth(
      (await rows.evaluateAll(
        (all, id) => all.findIndex((r) => r.getAttribute("data-card-id") === id),
        (await firstKept.getAttribute("data-card-id"))!,
      )) + 1,
    );
    await expect(focusedId(page)).resolves.toBe(`card-${await nextRow.getAttribute("data-card-id")}-line`);
    await secondKept.locator("[data-card-line]").focus();
    await page.keyboard.press("x");
    await expect(secondKept.getByRole("checkbox").isChecked()).resolves.toBe(true);
    await page.keyboard.press("x");
    await expect(secondKept.getByRole("checkbox").isChecked()).resolves.toBe(false);
    await page.keyboard.press("?");
    await page.getByTestId("shortcut-help").getByText("Next card").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByTestId("shortcut-help").waitFor({ state: "hidden" });
    await page.keyboard.press("Enter");
    const prompt = secondKept.getByLabel(/Question|Statement/);
    await prompt.waitFor();
    await expect(focusedId(page)).resolves.toBe(`card-${secondId}-prompt`);
    // Typing in a field is typing: "j" and "x" go into the prompt, not to the list.
    const edited = "Edited by keyboard: what did the memorandum offer Ukraine, assurances or guarantees?";
    await prompt.fill("");
    await page.keyboard.type(edited);
    await expect(prompt.inputValue()).resolves.toBe(edited);
    await expect(secondKept.getByRole("checkbox").isChecked()).resolves.toBe(false);
    // An open card, on a phone, light and dark.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    // Buttons fade their colours (transition-colors): let them finish before measuring contrast.
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.keyboard.press("Escape");
    await expect(focusedId(page)).resolves.toBe(`card-${secondId}-line`);
    await expect(secondKept.locator("[data-card-line]").getAttribute("aria-expanded")).resolves.toBe("false");
    await saved(page);

    await page.reload();
    await expect(page.locator(`[data-card-id="${secondId}"] [data-card-line]`).innerText()).resolves.toContain(edited);
    await expect(page.locator("[data-testid=draft-card][data-discarded]").count()).resolves.toBe(kind.count);

    await page.getByRole("button", { name: "Publish deck" }).click();
    await page.waitForURL(/\/decks\/nato-reviewed-in-chromium(-\d+)?$/);
    await page.getByRole("heading", { level: 1, name: "NATO reviewed in Chromium" }).waitFor();
    await page.getByRole("heading", { level: 2, name: `${total - kind.count} cards` }).waitFor();
    await expect(page.getByTestId("card-list").textContent()).resolves.toContain(edited);
    await context.close();
  });

  it("keeps students out of the deck maker", async () => {
    const page = await browser().newPage();
    await signInAs(page, baseUrl, student.email, student.password);
    await page.goto(`${baseUrl}/decks/new`);
    await page.waitForURL(`${baseUrl}/?error=teachers-only`);
    const res = await page.request.put(`${baseUrl}/api/drafts/00000000-0000-4000-8000-000000000000`, {
      headers: { origin: baseUrl },
      data: { version: 0, title: "", outlet: "", sourceUrl: "", cards: [] },
    });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe("teacher_only");
    await page.close();
  });
});
