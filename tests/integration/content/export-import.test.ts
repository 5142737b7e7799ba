import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportDeck, DeckNotFoundError } from "@/lib/content/export";
import { importDeck } from "@/lib/content/import";
import { ContentError } from "@/lib/content/problems";

const NOW = new Date("2026-11-27T08:00:00Z");
const seedText = fs.readFileSync("content/decks/russia-ukraine-nato.json", "utf8");

describe("deck export and import", () => {
  it("gives the same deck when an export is imported again", async () => {
    await importDeck(seedText, { file: "content/decks/russia-ukraine-nato.json", contentDir: "content", isPublic: true }, NOW);
    const exported = await exportDeck("russia-ukraine-nato");
    expect(exported.cards).toHaveLength(JSON.parse(seedText).cards.length);
    for (const card of exported.cards) {
      expect(card).toHaveProperty("type");
      expect(card).toHaveProperty("prompt");
      expect(card).toHaveProperty("answer");
      expect(card).toHaveProperty("options");
      expect(card).toHaveProperty("explanation");
      expect(exported.article.body).toContain(card.quote);
    }

    // Import under a new slug (and article slug), then export that: same deck apart from the slugs.
    const renamed = { ...exported, slug: "round-trip", article: { ...exported.article, slug: "round-trip-article" } };
    const report = await importDeck(JSON.stringify(renamed), { file: "export.json", contentDir: "content" }, NOW);
    expect(report).toMatchObject({ slug: "round-trip", created: exported.cards.length });
    expect(await exportDeck("round-trip")).toEqual(renamed);
  });

  it("refuses a broken deck file with messages naming the card and the fix, and writes nothing", async () => {
    const broken = JSON.parse(seedText);
    broken.slug = "broken-import";
    broken.cards[0].quote = "A sentence the article never said.";
    const mc = broken.cards.find((c: { type: string }) => c.type === "multiple_choice");
    mc.options = mc.options.map((o: string) => (o === mc.answer ? "Somebody else entirely" : o));
    const error = await importDeck(JSON.stringify(broken), { file: "upload.json", contentDir: "content" }, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const message = (error as ContentError).message;
    expect(message).toContain(`upload.json › card "${broken.cards[0].id}": quote not found in the article`);
    expect(message).toContain(`upload.json › card "${mc.id}": the answer "${mc.answer}" is not among the options`);
    expect(await db.deck.count({ where: { slug: "broken-import" } })).toBe(0);
  });

  it("refuses a deck file whose settings the scheduler could not use, naming the setting, as content:check does", async () => {
    const deck = { ...JSON.parse(seedText), slug: "bad-settings-import", settings: { learningSteps: Array.from({ length: 11 }, (_, i) => `${i + 1}m`) } };
    const error = await importDeck(JSON.stringify(deck), { file: "upload.json", contentDir: "content" }, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toContain('upload.json: "settings.learningSteps": Use at most 10 learning steps. Fix:');
    expect(await db.deck.count({ where: { slug: "bad-settings-import" } })).toBe(0);
  });

  it("says which deck is missing", async () => {
    await expect(exportDeck("no-such-deck")).rejects.toThrow(new DeckNotFoundError("no-such-deck"));
  });
});
