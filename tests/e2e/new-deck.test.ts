import { describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { SCIENCE_ARTICLE } from "../integration/drafts/articles";
import { signInAs, useChromium } from "./browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const teacher = DEMO_USERS.find((u) => u.role === "teacher")!;
const student = DEMO_USERS.find((u) => u.role === "student")!;

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
    await first.getByLabel(/Question|Statement/).fill(edited);
    await page.locator("[data-testid=save-status][data-state=saved]").waitFor();
    await page.reload();
    await expect(
      page
        .locator(`[data-card-id="${firstId}"]`)
        .getByLabel(/Question|Statement/)
        .inputValue(),
    ).resolves.toBe(edited);

    // Publishing checks every card: an answer no longer among its options is named, and nothing is published.
    const mc = page.locator("[data-testid=draft-card][data-card-type=multiple_choice]").first();
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
