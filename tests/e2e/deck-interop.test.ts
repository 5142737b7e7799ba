import fs from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { readApkg } from "@/lib/interop/anki/read";
import { seriousAxeViolations, sidewaysOverflow } from "./a11y";
import { signInAs, useChromium } from "./browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const teacher = DEMO_USERS.find((u) => u.role === "teacher")!;

const CSV = [
  "Question,Answer,Tags",
  '"Who promised, in 1990, no eastward expansion?",James Baker,nato',
  "{{c1::Kyiv}} is the capital of Ukraine,,geo",
  "A question with no answer,,",
].join("\n");

describe.runIf(chromiumPath)("importing and exporting decks, in Chromium", () => {
  const browser = useChromium();

  it("lets a teacher preview a CSV on New deck, create the deck, and download it as an Anki package", async () => {
    const context = await browser().newContext({
      bypassCSP: true,
      acceptDownloads: true,
      viewport: { width: 360, height: 780 },
    });
    const page = await context.newPage();
    await signInAs(page, baseUrl, teacher.email, teacher.password);
    await page.goto(`${baseUrl}/decks/new`);

    // A CSV without question and answer columns is refused with the columns it has.
    await page
      .getByLabel(/^File/)
      .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("name,age\nAda,36\n") });
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByText(/has no a question column/).waitFor();

    await page
      .getByLabel(/^File/)
      .setInputFiles({ name: "Interop in Chromium.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: /Preview/ });
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toMatch(/2 cards: 1 question & answer, 1 fill the blank/);
    expect(text).toMatch(/Skipped 1: an empty answer/);
    expect(text).toContain("Who promised, in 1990, no eastward expansion?");
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Create deck with 2 cards" }).click();
    await page.waitForURL(/\/decks\/interop-in-chromium(-\d+)?$/);
    await page.getByRole("heading", { level: 1, name: "Interop in Chromium" }).waitFor();
    const slug = new URL(page.url()).pathname.split("/").at(-1)!;

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Anki package (.apkg)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${slug}.apkg`);
    const bytes = new Uint8Array(fs.readFileSync((await download.path())!));
    const deck = await readApkg(bytes, download.suggestedFilename());
    expect(deck.cards.map((c) => [c.kind, c.prompt, c.answer, c.tags])).toEqual([
      ["basic", "Who promised, in 1990, no eastward expansion?", "James Baker", ["nato", "clio::basic"]],
      ["cloze", "____ is the capital of Ukraine", "Kyiv", ["geo", "clio::cloze"]],
    ]);
    await context.close();
  });
});
