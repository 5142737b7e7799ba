import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { loadAllDecks } from "@/lib/content/load";
import { formatProblem } from "@/lib/content/problems";
import { splitParagraphs } from "@/lib/content/paragraphs";
import { locateQuote } from "@/lib/content/quote";

const contentDir = path.join(import.meta.dirname, "../../../content");
const [deck] = loadAllDecks(contentDir);

describe("the repository's content", () => {
  it("passes every content check", () => {
    const report = checkContent(contentDir);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.articles).toBe(1);
    expect(report.decks.map((d) => d.deck.slug)).toEqual(["russia-ukraine-nato"]);
  });

  it("has a seed deck of at least 60 cards using all seven card types", () => {
    expect(deck?.slug).toBe("russia-ukraine-nato");
    expect(deck?.cards.length).toBeGreaterThanOrEqual(60);
    expect(new Set(deck?.cards.map((card) => card.type))).toEqual(
      new Set(["basic", "cloze", "multiple_choice", "true_false", "viewpoint", "timeline", "fact_or_opinion"]),
    );
  });

  it("keeps the article text as written, curly apostrophes and photo caption included", () => {
    const body = deck?.article.body ?? "";
    const markdown = fs.readFileSync(path.join(contentDir, "articles/russia-ukraine-nato.md"), "utf8");
    expect(markdown.endsWith(`${body}\n`)).toBe(true);
    expect(body.startsWith("The negotiations conducted in recent weeks")).toBe(true);
    expect(body.endsWith("win the Nobel Peace Prize.")).toBe(true);
    expect(body).toContain("NATO’s eastward expansion");
    expect(body).toContain("(credit: KEVIN LAMARQUE/REUTERS)");
    expect(body).not.toMatch(/\r/);
  });

  it("quotes every paragraph of the article in at least one card, its subheading and photo caption aside", () => {
    const body = deck?.article.body ?? "";
    const spans = (deck?.cards ?? []).flatMap((card) => {
      const events = card.type === "timeline" ? (card.extra.events as Array<{ quote: string }>) : [];
      return [{ start: card.quoteStart, end: card.quoteEnd }, ...events.map((event) => locateQuote(body, event.quote))];
    });
    // A subheading (one line, no closing punctuation) is not content to ask about (docs card-quality).
    const subheading = (text: string) => !text.includes("\n") && !/[.!?:"”’)]$/.test(text.trim());
    // Nor is a photo caption, which ends on its credit.
    const caption = (text: string) => /\(credit: [^)]+\)$/.test(text.trim());
    const uncovered = splitParagraphs(body).filter(
      (paragraph) =>
        !subheading(paragraph.text) && !caption(paragraph.text) && !spans.some((span) => span !== null && span.start < paragraph.end && span.end > paragraph.start),
    );
    expect(uncovered.map((paragraph) => paragraph.text)).toEqual([]);
  });

  it("points every card's offsets at its quote in the article body", () => {
    for (const card of deck?.cards ?? []) {
      expect(deck?.article.body.slice(card.quoteStart, card.quoteEnd)).toBe(card.quote);
    }
  });

  it("balances true/false cards and gives every false statement a correction", () => {
    const trueFalse = (deck?.cards ?? []).filter((card) => card.type === "true_false");
    const falseOnes = trueFalse.filter((card) => card.answer === "False");
    expect(falseOnes.length).toBeGreaterThanOrEqual(Math.floor(trueFalse.length / 3));
    expect(falseOnes.length).toBeLessThanOrEqual(Math.ceil((trueFalse.length * 2) / 3));
    for (const card of falseOnes) expect(card.extra.correction).toEqual(expect.any(String));
  });

  it("has at least four fact-or-opinion cards, about as many facts as opinions", () => {
    const factOrOpinion = (deck?.cards ?? []).filter((card) => card.type === "fact_or_opinion");
    const opinions = factOrOpinion.filter((card) => card.answer === "Opinion").length;
    expect(factOrOpinion.length).toBeGreaterThanOrEqual(4);
    expect(Math.abs(factOrOpinion.length - 2 * opinions)).toBeLessThanOrEqual(1);
  });
});
