import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { CardInput } from "@/lib/content/schema";
import { checkCards, CARD_LEVEL, keyPointCoverage, type PatternId } from "@/lib/generate/checks";
import { evaluateFixture, FIXTURES, MIN_COVERAGE, readFixtures } from "@/scripts/generate-eval";

const fixtures = readFixtures();
const evaluations = new Map(fixtures.map((fixture) => [fixture.name, evaluateFixture(fixture)]));

/**
 * What the generator honestly meets today, per article (docs/generation-quality.md). The issue's
 * thresholds — no flagged pattern, key-point coverage ≥ 90 % — are met in full on all eight (the
 * long Marshall Plan article since paragraph points and term definitions, lib/generate/points.ts
 * and thesis.ts). A floor is never lowered to make a change pass.
 */
const FLOORS: Record<string, { coverage: number; deckFindings: Partial<Record<PatternId, number>> }> = {
  "biography-rosalind-franklin": { coverage: MIN_COVERAGE, deckFindings: { 6: 0, 7: 0 } },
  "culture-moneyball": { coverage: MIN_COVERAGE, deckFindings: { 6: 0, 7: 0 } },
  "economics-volcker-inflation": { coverage: MIN_COVERAGE, deckFindings: { 6: 0, 7: 0 } },
  "history-atlantic-cable": { coverage: MIN_COVERAGE, deckFindings: { 6: 0, 7: 0 } },
  "long-marshall-plan": { coverage: MIN_COVERAGE, deckFindings: { 6: 0, 7: 0 } },
  "news-suez-blockage": { coverage: MIN_COVERAGE, deckFindings: { 6: 0, 7: 0 } },
  "policy-congestion-charging": { coverage: MIN_COVERAGE, deckFindings: { 6: 0, 7: 0 } },
  "science-ozone-hole": { coverage: MIN_COVERAGE, deckFindings: { 6: 0, 7: 0 } },
};

describe("the evaluation fixtures", () => {
  it("are eight articles of different kinds, one over 3,000 words, each with 8 to 12 key points quoted verbatim", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
    expect(new Set(fixtures.map((fixture) => fixture.kind)).size).toBe(fixtures.length);
    expect(fixtures.some((fixture) => fixture.text.split(/\s+/).length > 3000)).toBe(true);
    for (const fixture of fixtures) {
      expect(fixture.keyPoints.length, fixture.name).toBeGreaterThanOrEqual(8);
      expect(fixture.keyPoints.length, fixture.name).toBeLessThanOrEqual(12);
      for (const point of fixture.keyPoints) expect(fixture.text.includes(point.evidence), point.evidence).toBe(true);
    }
    expect(fs.existsSync(FIXTURES)).toBe(true);
  });
});

describe.each(fixtures.map((fixture) => ({ name: fixture.name })))("cards generated from $name", ({ name }) => {
  const evaluation = evaluations.get(name);
  const floor = FLOORS[name];

  it("have no card flagged by any card-level check (patterns 1-6, 8-10)", () => {
    const flagged = (evaluation?.findings ?? []).filter(
      (finding) => finding.cardId !== null && CARD_LEVEL.has(finding.pattern),
    );
    expect(flagged.map((finding) => `${finding.pattern}: ${finding.message}`)).toEqual([]);
  });

  it("have true and false statements in balance (pattern 5)", () => {
    const { trueCount = 0, falseCount = 0 } = evaluation?.summary ?? {};
    expect(Math.abs(trueCount - falseCount)).toBeLessThanOrEqual(
      Math.max(1, Math.round((trueCount + falseCount) * 0.2)),
    );
  });

  it("cover the article's key points at least as well as recorded, and attributions and thesis sentences no worse", () => {
    expect(floor, `add ${name} to FLOORS`).toBeDefined();
    expect(evaluation?.coverage.share ?? 0).toBeGreaterThanOrEqual(floor?.coverage ?? 1);
    for (const [pattern, most] of Object.entries(floor?.deckFindings ?? {})) {
      const count = (evaluation?.findings ?? []).filter((finding) => finding.pattern === Number(pattern)).length;
      expect(count, `pattern ${pattern}`).toBeLessThanOrEqual(most);
    }
  });
});

describe("the rule checks", () => {
  const article = [
    "# Ukraine and its neighbours",
    "",
    "Ukraine gave up its nuclear weapons in 1994. Russia annexed Crimea in 2014, and Kyiv protested. Ukraine asked for help.",
    "",
    "The Organization for Security and Co-operation in Europe sent observers. Finland signed a treaty with Moscow. The treaty obliged Finland to stay neutral. Ukraine then waited.",
    "",
    "Critics argue that the memorandum offered assurances, not guarantees. The Winter War of 1939 and 1940 shaped Finland. Ukraine joined later.",
  ].join("\n");
  const base = {
    explanation: "Crimea was annexed by force.",
    quote: "Russia annexed Crimea in 2014, and Kyiv protested.",
  };
  const cards: CardInput[] = [
    {
      id: "subject",
      type: "cloze",
      prompt: "____ gave up its nuclear weapons in 1994.",
      answer: "Ukraine",
      ...base,
      quote: "Ukraine gave up its nuclear weapons in 1994.",
    },
    {
      id: "alias",
      type: "cloze",
      prompt: "____ annexed Crimea in 2014, and Moscow celebrated.",
      answer: "Russia",
      acceptedAnswers: ["Moscow"],
      ...base,
    },
    {
      id: "name-part",
      type: "cloze",
      prompt: "The ____ for Security and Co-operation in Europe sent observers.",
      answer: "Organization",
      ...base,
      quote: "The Organization for Security and Co-operation in Europe sent observers.",
    },
    {
      id: "options",
      type: "multiple_choice",
      prompt: "Which place fills the blank? ____ annexed Crimea in 2014, and Kyiv protested.",
      answer: "Russia",
      options: ["Russia", "Soviet Union", "Moscow", "Crimea"],
      ...base,
    },
    {
      id: "context",
      type: "true_false",
      prompt: "The treaty obliged Finland to stay neutral.",
      answer: "True",
      options: ["True", "False"],
      ...base,
      quote: "The treaty obliged Finland to stay neutral.",
    },
    {
      id: "swap",
      type: "true_false",
      prompt: "The Winter War of 1944 and 1940 shaped Finland.",
      answer: "False",
      options: ["True", "False"],
      correction: "The Winter War of 1939 and 1940 shaped Finland.",
      ...base,
      quote: "The Winter War of 1939 and 1940 shaped Finland.",
    },
    {
      id: "grammar",
      type: "viewpoint",
      party: "Critics",
      prompt: "What does Critics say?",
      answer: "The memorandum offered assurances",
      ...base,
      quote: "Ukraine asked for help.",
    },
    {
      id: "timeline",
      type: "timeline",
      prompt: "Put these in order.",
      events: [
        {
          date: "1994",
          label: "Ukraine gave up its nuclear weapons",
          quote: "Ukraine gave up its nuclear weapons in 1994.",
        },
        {
          date: "2014",
          label: "Critics argue that this gap was exposed",
          quote: "Russia annexed Crimea in 2014, and Kyiv protested.",
        },
        { date: "2015", label: "Ukraine asked for help and…", quote: "Ukraine asked for help." },
      ],
      ...base,
    },
    {
      id: "number",
      type: "cloze",
      prompt: "Ukraine gave up its nuclear weapons in ____.",
      answer: "seventy",
      ...base,
      quote: "Ukraine gave up its nuclear weapons in 1994.",
    },
    {
      id: "boilerplate",
      type: "cloze",
      prompt: "Russia annexed ____ in 2014, and Kyiv protested.",
      answer: "Crimea",
      ...base,
      explanation: "The article names Crimea here (paragraph 3).",
    },
  ] as CardInput[];
  const findings = checkCards(article, cards, { title: "Ukraine and its neighbours" });
  const flags = (id: string) => findings.filter((finding) => finding.cardId === id).map((finding) => finding.pattern);

  it.each([
    ["subject", 1],
    ["alias", 1],
    ["name-part", 2],
    ["options", 3],
    ["context", 4],
    ["context", 5],
    ["swap", 5],
    ["grammar", 6],
    ["timeline", 8],
    ["number", 9],
    ["boilerplate", 10],
  ] as Array<[string, PatternId]>)("flag card %s for pattern %i", (id, pattern) => {
    expect(flags(id)).toContain(pattern);
    expect(CARD_LEVEL.has(pattern)).toBe(true);
  });

  it("flag a claim the article attributes with no viewpoint card (6) and the lead with no card (7)", () => {
    const deck = findings.filter((finding) => finding.cardId === null);
    expect(deck.some((finding) => finding.pattern === 6 && /Critics argue/.test(finding.message))).toBe(true);
    expect(deck.some((finding) => finding.pattern === 7)).toBe(true);
  });

  it("count a key point only when a card no check flags quotes its evidence", () => {
    const points = [{ point: "Ukraine gave up its weapons", evidence: "gave up its nuclear weapons in 1994" }];
    expect(keyPointCoverage(cards, findings, points).share).toBe(0);
    expect(keyPointCoverage(cards, [], points).share).toBe(1);
  });
});
