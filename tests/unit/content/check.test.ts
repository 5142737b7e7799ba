import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, checkDeck } from "@/lib/content/check";
import { inspectDeckJson } from "@/lib/content/parse";
import { formatProblem } from "@/lib/content/problems";
import type { Article, CardInput } from "@/lib/content/schema";

const brokenDir = path.join(import.meta.dirname, "fixtures/broken");
const miniArticle = path.join(brokenDir, "articles/mini.md");
const report = checkContent(brokenDir);

/** The formatted problems reported for one fixture deck. */
function problemsIn(deckName: string): string[] {
  const file = path.join(brokenDir, "decks", `${deckName}.json`);
  return report.problems.filter((problem) => problem.file === file).map(formatProblem);
}

describe("checkContent on broken fixtures", () => {
  it("reports a quote that is not in the article with the file, the card and the fix", () => {
    expect(problemsIn("quote-not-found")).toEqual([
      `${path.join(brokenDir, "decks/quote-not-found.json")} › card "putin-munich-2007": ` +
        `quote not found in the article (it matches up to "…Putin’s warning came at the Munich ", then differs). ` +
        `Fix: copy the sentence exactly from ${miniArticle} (check apostrophes ’ vs ').`,
    ]);
  });

  it("shows the article's exact text when a quote differs only by a straight apostrophe", () => {
    const [problem] = problemsIn("straight-apostrophe");
    expect(problemsIn("straight-apostrophe")).toHaveLength(1);
    expect(problem).toContain('card "putin-munich-2007": quote not found in the article: it differs only in apostrophes');
    expect(problem).toContain(`Fix: copy it exactly from ${miniArticle}: "Putin’s warning came at the Munich Security Conference in 2007."`);
  });

  it("reports a card id used twice, once", () => {
    expect(problemsIn("duplicate-id")).toEqual([
      `${path.join(brokenDir, "decks/duplicate-id.json")} › card "georgia-2008": 2 cards share this id (cards #1, #2). ` +
        "Fix: give each card its own id; rename the newer card, not the one students already study.",
    ]);
  });

  it("reports an answer that is missing from its options", () => {
    expect(problemsIn("answer-not-in-options")).toEqual([
      `${path.join(brokenDir, "decks/answer-not-in-options.json")} › card "crimea-annexed-year": ` +
        'the answer "2014" is not among the options. Fix: add "2014" to "options", or make the answer match one option character for character.',
    ]);
  });

  it("reports timeline events listed out of chronological order", () => {
    expect(problemsIn("timeline-out-of-order")).toEqual([
      `${path.join(brokenDir, "decks/timeline-out-of-order.json")} › card "russia-timeline": ` +
        'events are out of chronological order: "War with Georgia" (2008) is listed after "Crimea annexed" (2014). ' +
        "Fix: list the events earliest first.",
    ]);
  });

  it("reads the valid article and counts every deck and card, but loads no broken deck", () => {
    expect(report.articles).toBe(1);
    expect(report.deckFiles).toBe(5);
    expect(report.cards).toBe(6);
    expect(report.decks).toEqual([]);
  });

  it("reports a missing content folder instead of throwing", () => {
    const missing = path.join(brokenDir, "no-such-folder");
    expect(checkContent(missing).problems.map(formatProblem)).toEqual([
      `${missing}: content folder not found. Fix: run from the project root, or pass the content folder as an argument.`,
    ]);
  });
});

const article: Article = {
  slug: "mini",
  title: "Mini",
  body: "Putin’s warning came at the Munich Security Conference in 2007.\n\nRussia fought Georgia in 2008 and annexed Crimea in 2014.",
};
const where = { deckFile: "decks/mini.json", articleFile: "articles/mini.md" };
const georgia = "Russia fought Georgia in 2008 and annexed Crimea in 2014.";
const munich = "Putin’s warning came at the Munich Security Conference in 2007.";

/** Messages of the problems checkDeck finds in one card. */
function messagesFor(card: CardInput): string[] {
  return checkDeck({ cards: [card] }, article, where).map((problem) => problem.message);
}

describe("checkDeck", () => {
  const base = { id: "card", prompt: "Prompt?", explanation: "Because.", quote: georgia };

  it("accepts a valid card of each type", () => {
    const cards: CardInput[] = [
      { ...base, id: "a", type: "basic", answer: "Georgia" },
      { ...base, id: "b", type: "cloze", prompt: "Russia fought ____ in 2008.", answer: "georgia" },
      { ...base, id: "c", type: "multiple_choice", answer: "2014", options: ["2007", "2008", "2014", "2022"] },
      { ...base, id: "d", type: "true_false", answer: "False", correction: "It was 2014." },
      { ...base, id: "e", type: "viewpoint", party: "Russia", answer: "Russia" },
      {
        ...base,
        id: "f",
        type: "timeline",
        events: [
          { date: "2007", label: "Warning", quote: munich },
          { date: "2008", label: "Georgia", quote: georgia },
          { date: "2014-03", label: "Crimea", quote: georgia },
        ],
      },
    ];
    expect(checkDeck({ cards }, article, where)).toEqual([]);
  });

  it("requires exactly one four-underscore blank in a cloze prompt", () => {
    expect(messagesFor({ ...base, type: "cloze", prompt: "Russia fought Georgia.", answer: "Georgia" })).toEqual(["the prompt has no blank"]);
    expect(messagesFor({ ...base, type: "cloze", prompt: "____ fought ____.", answer: "Georgia" })).toEqual(["the prompt has 2 blanks"]);
    expect(messagesFor({ ...base, type: "cloze", prompt: "Russia fought __.", answer: "Georgia" })).toEqual(['the blank is written "__"']);
  });

  it("requires a cloze answer to appear in the quote, ignoring case", () => {
    expect(messagesFor({ ...base, type: "cloze", prompt: "Russia fought ____.", answer: "Ukraine" })).toEqual([
      'the answer "Ukraine" does not appear in the quote',
    ]);
  });

  it("requires a correction for a false statement and none for a true one", () => {
    expect(messagesFor({ ...base, type: "true_false", answer: "False" })).toEqual(["the statement is false but has no correction"]);
    expect(messagesFor({ ...base, type: "true_false", answer: "True", correction: "No." })).toEqual(["the statement is true but has a correction"]);
  });

  it("rejects options that are the same when case is ignored", () => {
    expect(messagesFor({ ...base, type: "multiple_choice", answer: "Georgia", options: ["Georgia", "Ukraine", "ukraine", "Finland"] })).toEqual([
      'options "Ukraine" and "ukraine" are the same when case is ignored',
    ]);
  });

  it("rejects an answer listed twice among the options", () => {
    expect(messagesFor({ ...base, type: "multiple_choice", answer: "Georgia", options: ["Georgia", "Georgia", "Ukraine", "Finland"] })).toEqual([
      'the answer "Georgia" appears 2 times in the options',
    ]);
  });

  it("names the near miss when the answer differs from an option only in case", () => {
    expect(messagesFor({ ...base, type: "multiple_choice", answer: "georgia", options: ["Georgia", "Ukraine", "Finland", "Taiwan"] })).toEqual([
      'the answer "georgia" is not among the options exactly (closest: "Georgia")',
    ]);
  });

  it("requires a viewpoint card's options, when given, to include its answer", () => {
    expect(messagesFor({ ...base, type: "viewpoint", party: "Russia", answer: "Russia", options: ["Ukraine", "China", "Finland", "Taiwan"] })).toEqual([
      'the answer "Russia" is not among the options',
    ]);
  });

  it("requires each timeline event's year in its quote and its quote in the article", () => {
    const events = [
      { date: "2007", label: "Warning", quote: georgia },
      { date: "2008", label: "Georgia", quote: georgia },
      { date: "2014", label: "Crimea", quote: "Russia annexed Crimea in 2014." },
    ];
    expect(messagesFor({ ...base, type: "timeline", events })).toEqual([
      'event "Warning" (2007): the year 2007 does not appear in its quote',
      'event "Crimea" (2014): quote not found in the article',
    ]);
  });

  it("rejects timeline dates that cannot be told apart", () => {
    const events = [
      { date: "2007", label: "Warning", quote: munich },
      { date: "2008", label: "Georgia", quote: georgia },
      { date: "2008-08", label: "Georgia again", quote: georgia },
    ];
    expect(messagesFor({ ...base, type: "timeline", events })).toEqual([
      'events "Georgia" (2008) and "Georgia again" (2008-08) cannot be put in order',
    ]);
  });

  it("rejects a timeline answer that contradicts its events", () => {
    const events = [
      { date: "2007", label: "Warning", quote: munich },
      { date: "2008", label: "Georgia", quote: georgia },
      { date: "2014", label: "Crimea", quote: georgia },
    ];
    expect(messagesFor({ ...base, type: "timeline", events, answer: "Georgia → Warning → Crimea" })).toEqual([
      '"answer" does not match the events (they give "Warning → Georgia → Crimea")',
    ]);
  });
});

describe("schema problems", () => {
  const deck = (cards: unknown[]) => JSON.stringify({ slug: "d", title: "D", article: "mini", cards });
  const card = { id: "putin-2007", type: "basic", prompt: "P?", answer: "A", explanation: "E", quote: munich };

  it("name the card and the missing field", () => {
    const { answer: _answer, ...withoutAnswer } = card;
    expect(inspectDeckJson(deck([withoutAnswer]), "decks/d.json").problems.map(formatProblem)).toEqual([
      'decks/d.json › card "putin-2007": "answer" is missing. Fix: add "answer" (string).',
    ]);
  });

  it("list the card types when a type is unknown", () => {
    expect(inspectDeckJson(deck([{ ...card, type: "essay" }]), "decks/d.json").problems.map(formatProblem)).toEqual([
      'decks/d.json › card "putin-2007": unknown type "essay". Fix: set "type" to one of: basic, cloze, multiple_choice, true_false, viewpoint, timeline, fact_or_opinion.',
    ]);
  });

  it("catch a misspelt field that zod would silently drop", () => {
    const [problem] = inspectDeckJson(deck([{ ...card, type: "cloze", prompt: "____", acceptedAnswer: ["a"] }]), "decks/d.json").problems;
    expect(problem).toMatchObject({ cardId: "putin-2007", message: 'unknown field in this cloze card "acceptedAnswer"' });
    expect(problem?.fix).toContain("acceptedAnswers");
  });

  it("name a card without an id by its position and report invalid JSON", () => {
    const { id: _id, ...withoutId } = card;
    expect(inspectDeckJson(deck([card, withoutId]), "decks/d.json").problems.map(formatProblem)).toEqual([
      'decks/d.json › card "#2": "id" is missing. Fix: add "id" (string).',
    ]);
    expect(inspectDeckJson("{ \"slug\": ", "decks/d.json").problems[0]?.message).toMatch(/^not valid JSON/);
  });

  it("still hand the valid cards on for the other checks", () => {
    const inspection = inspectDeckJson(deck([card, { ...card, id: "Bad Id" }]), "decks/d.json");
    expect(inspection.deck).toBeNull();
    expect(inspection.cards.map((c) => c.id)).toEqual(["putin-2007"]);
    expect(inspection.article).toBe("mini");
  });
});

describe("deck settings", () => {
  it("fail content:check with a message naming each setting the scheduler could not use", () => {
    const dir = path.join(import.meta.dirname, "fixtures/bad-settings");
    const file = path.join(dir, "decks/eleven-learning-steps.json");
    const report = checkContent(dir);
    expect(report.decks).toEqual([]);
    expect(report.problems.map(formatProblem)).toEqual([
      `${file}: "settings.desiredRetention": Desired retention must be at most 0.99 (99%). Fix: edit it to match the deck format in lib/content/schema.ts.`,
      `${file}: "settings.learningSteps": Use at most 10 learning steps. Fix: edit it to match the deck format in lib/content/schema.ts.`,
    ]);
  });
});
