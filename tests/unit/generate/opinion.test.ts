import { describe, expect, it } from "vitest";
import { generateDrafts } from "@/lib/generate";
import { cueWeight, findOpinionCues, opinionReason } from "@/lib/generate/opinion";
import { readArticle, SEED } from "./helpers";

describe("opinion cue words", () => {
  it("find judging, hedging and prescribing words in text order", () => {
    expect(findOpinionCues("Finland adopted a wise and balanced approach.")).toEqual([
      { kind: "judgement", text: "wise" },
      { kind: "judgement", text: "balanced" },
    ]);
    expect(findOpinionCues("It therefore seems that the allies want a deal.")).toEqual([
      { kind: "hedge", text: "It therefore seems" },
    ]);
    expect(findOpinionCues("Such a partnership should be backed by legislation.")).toEqual([
      { kind: "prescription", text: "should" },
    ]);
  });

  it("match whole words only, and ignore phrases that introduce a fact", () => {
    expect(findOpinionCues("The likelihood of a wisent herd was measured.")).toEqual([]);
    expect(findOpinionCues("It should be recalled that Ukraine gave up its weapons in 1994.")).toEqual([]);
  });

  it("explain an opinion by naming its cue words", () => {
    const cues = findOpinionCues("Ukraine has demonstrated remarkable resilience.");
    expect(opinionReason(cues)).toBe(
      "Opinion: “remarkable” marks the author’s judgement; the sentence weighs rather than reports, and another writer could weigh it differently.",
    );
  });

  it("rank a plain hedge below a judging word", () => {
    expect(cueWeight(findOpinionCues("It would likely resemble the status quo."))).toBeLessThan(
      cueWeight(findOpinionCues("Finland adopted a wise approach.")),
    );
  });
});

describe("fact-or-opinion cards generated", () => {
  const article = [
    "Finland adopted a wise and balanced approach that reduced the incentive for Russia to invade its territory.",
    "",
    "Russia annexed Crimea in 2014 after a disputed referendum held on the peninsula.",
    "",
    "According to the minister, the talks were a remarkable success for the whole region.",
  ].join("\n");

  it("mark the author's judgement as opinion and a dated report without cues as fact", () => {
    const cards = generateDrafts(article).cards.filter((card) => card.type === "fact_or_opinion");
    expect(cards.map((card) => [card.answer, card.quote.slice(0, 20)])).toEqual(
      expect.arrayContaining([
        ["opinion", "Finland adopted a wi"],
        ["fact", "Russia annexed Crime"],
      ]),
    );
  });

  it("leave a judgement someone else makes to a viewpoint card", () => {
    const cards = generateDrafts(article).cards.filter((card) => card.type === "fact_or_opinion");
    expect(cards.some((card) => card.quote.startsWith("According to the minister"))).toBe(false);
  });

  it("never give more facts than opinions, and come from the seed article's judging sentences", () => {
    const cards = generateDrafts(readArticle(SEED)).cards.filter((card) => card.type === "fact_or_opinion");
    const opinions = cards.filter((card) => card.answer === "opinion");
    expect(opinions.length).toBeGreaterThan(0);
    expect(cards.length - opinions.length).toBeLessThanOrEqual(opinions.length);
    for (const card of opinions) expect(card.explanation).toMatch(/^Opinion: “/);
  });
});
