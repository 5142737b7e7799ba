import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, loadAllDecks, loadDeckFromFile, normalizeDeck, parseArticleMarkdown, parseDeckJson } from "@/lib/content/load";
import type { Article, DeckFile } from "@/lib/content/schema";

const fixtures = path.join(import.meta.dirname, "fixtures");

/** The error a function throws, so tests can look at its problems. */
function thrownBy(run: () => unknown): ContentError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error("expected a ContentError");
}

describe("parseArticleMarkdown", () => {
  it("reads the front matter and keeps the text after it, minus surrounding blank lines", () => {
    const article = parseArticleMarkdown("nato", "---\ntitle: NATO\noutlet: Somewhere\n---\n\n\n  Indented first line’s text.\n\nSecond.\n\n\n");
    expect(article).toEqual({ slug: "nato", title: "NATO", outlet: "Somewhere", body: "Indented first line’s text.\n\nSecond." });
  });

  it("reads an unquoted YAML date as the ISO date it spells", () => {
    expect(parseArticleMarkdown("nato", "---\ntitle: NATO\npublishedAt: 2025-11-30\n---\nText.").publishedAt).toBe("2025-11-30");
  });

  it("makes CRLF line endings LF so offsets match on every checkout", () => {
    expect(parseArticleMarkdown("nato", "---\r\ntitle: NATO\r\n---\r\nOne.\r\n\r\nTwo.\r\n").body).toBe("One.\n\nTwo.");
  });

  it("names the file and field when the front matter is incomplete or misspelt", () => {
    const error = thrownBy(() => parseArticleMarkdown("nato", "---\ntitel: NATO\n---\nText.", "content/articles/nato.md"));
    expect(error.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'content/articles/nato.md: unknown front matter field "titel"',
      'content/articles/nato.md: "title" is missing',
    ]);
  });

  it("keeps throwing on the same broken front matter, unlike gray-matter's cache", () => {
    const broken = "---\ntitle: [unclosed\n---\nText.";
    expect(() => parseArticleMarkdown("nato", broken)).toThrow(ContentError);
    expect(() => parseArticleMarkdown("nato", broken)).toThrow(/front matter cannot be read/);
  });

  it("refuses JavaScript front matter instead of running it", () => {
    expect(() => parseArticleMarkdown("nato", '---js\n{ title: "NATO" }\n---\nText.')).toThrow(/JavaScript front matter is not allowed/);
  });
});

const article: Article = {
  slug: "mini",
  title: "Mini",
  body: "Putin’s warning came at the Munich Security Conference in 2007.\n\nRussia fought Georgia in 2008 and annexed Crimea in 2014.",
};
const munich = "Putin’s warning came at the Munich Security Conference in 2007.";
const georgia = "Russia fought Georgia in 2008 and annexed Crimea in 2014.";
const deckFile: DeckFile = {
  slug: "mini-deck",
  title: "Mini deck",
  description: "",
  article: "mini",
  settings: { newCardsPerDay: 5 },
  cards: [
    { id: "munich-basic", type: "basic", prompt: "Where?", answer: "Munich", explanation: "E.", quote: munich },
    { id: "georgia-cloze", type: "cloze", prompt: "Russia fought ____.", answer: "Georgia", acceptedAnswers: ["georgia"], explanation: "E.", quote: georgia },
    { id: "crimea-mc", type: "multiple_choice", prompt: "When?", answer: "2014", options: ["2007", "2008", "2014", "2022"], explanation: "E.", quote: georgia },
    { id: "georgia-tf", type: "true_false", prompt: "Russia fought Finland.", answer: "False", correction: "It fought Georgia.", explanation: "E.", quote: georgia },
    { id: "munich-tf", type: "true_false", prompt: "Putin warned in 2007.", answer: "True", explanation: "E.", quote: munich },
    { id: "putin-view", type: "viewpoint", party: "Russia", prompt: "Who warned?", answer: "Russia", explanation: "E.", quote: munich },
    {
      id: "russia-timeline",
      type: "timeline",
      prompt: "Order these.",
      events: [
        { date: "2007", label: "Warning", quote: munich },
        { date: "2008", label: "Georgia", quote: georgia },
        { date: "2014", label: "Crimea", quote: georgia },
      ],
      explanation: "E.",
      quote: georgia,
    },
  ],
};

describe("normalizeDeck", () => {
  const deck = normalizeDeck(deckFile, article);
  const card = (id: string) => deck.cards.find((c) => c.externalId === id);

  it("gives each card the offsets of its quote in the article body", () => {
    expect(card("munich-basic")).toMatchObject({ quoteStart: 0, quoteEnd: munich.length, position: 0 });
    expect(card("georgia-cloze")).toMatchObject({ quoteStart: munich.length + 2, quoteEnd: article.body.length, position: 1 });
  });

  it("derives true/false options and keeps the correction of a false statement", () => {
    expect(card("georgia-tf")).toMatchObject({ answer: "False", options: ["True", "False"], extra: { correction: "It fought Georgia." } });
    expect(card("munich-tf")).toMatchObject({ answer: "True", options: ["True", "False"], extra: {} });
  });

  it("derives a timeline's answer and options from its events, earliest first", () => {
    expect(card("russia-timeline")).toMatchObject({
      answer: "Warning → Georgia → Crimea",
      options: ["Warning", "Georgia", "Crimea"],
      extra: { events: deckFile.cards[6]?.type === "timeline" ? deckFile.cards[6].events : [] },
    });
  });

  it("keeps cloze accepted answers, viewpoint parties and multiple-choice options", () => {
    expect(card("georgia-cloze")).toMatchObject({ answer: "Georgia", options: [], extra: { acceptedAnswers: ["georgia"] } });
    expect(card("putin-view")).toMatchObject({ answer: "Russia", options: [], extra: { party: "Russia" } });
    expect(card("crimea-mc")).toMatchObject({ answer: "2014", options: ["2007", "2008", "2014", "2022"], extra: {} });
  });

  it("fills in the default settings the file leaves out", () => {
    expect(deck.settings).toEqual({
      desiredRetention: 0.9,
      newCardsPerDay: 5,
      maxReviewsPerDay: 200,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
      maximumInterval: 36500,
      leechThreshold: 8,
    });
  });

  it("refuses a deck that breaks a rule, naming the card", () => {
    const broken = { ...deckFile, cards: [{ ...deckFile.cards[0]!, quote: "Putin's warning came at the Munich Security Conference in 2007." }] };
    const error = thrownBy(() => normalizeDeck(broken, article));
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain('deck "mini-deck" › card "munich-basic": quote not found in the article');
  });
});

describe("loading deck files", () => {
  it("loads a deck that embeds its article", () => {
    const deck = loadDeckFromFile(path.join(fixtures, "embedded/decks/embedded-article.json"), path.join(fixtures, "embedded"));
    expect(deck.article.slug).toBe("embedded");
    expect(deck.settings.newCardsPerDay).toBe(5);
    expect(deck.cards[0]).toMatchObject({ externalId: "taiwan-status-quo-began", quoteStart: 38, answer: "1979" });
  });

  it("resolves an article slug to the content folder and refuses a broken deck with its problems", () => {
    const file = path.join(fixtures, "broken/decks/duplicate-id.json");
    const error = thrownBy(() => loadDeckFromFile(file, path.join(fixtures, "broken")));
    expect(error.problems).toEqual([expect.objectContaining({ file, cardId: "georgia-2008" })]);
  });

  it("reports a deck whose article does not exist", () => {
    const file = path.join(fixtures, "broken/decks/duplicate-id.json");
    const error = thrownBy(() => loadDeckFromFile(file, path.join(fixtures, "embedded")));
    expect(error.problems[0]?.message).toBe(`its article "mini" does not exist (no ${path.join(fixtures, "embedded/articles/mini.md")})`);
  });

  it("loads nothing from a folder with any broken deck", () => {
    expect(() => loadAllDecks(path.join(fixtures, "broken"))).toThrow(/5 problems in content/);
  });

  it("parses a deck file's JSON and throws on schema problems", () => {
    expect(parseDeckJson(JSON.stringify({ ...deckFile, settings: undefined })).cards).toHaveLength(7);
    expect(() => parseDeckJson(JSON.stringify({ ...deckFile, cards: [] }), "decks/x.json")).toThrow(
      'decks/x.json: "cards": a deck needs at least one card',
    );
  });
});
