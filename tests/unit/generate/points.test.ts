import { describe, expect, it } from "vitest";
import { defaultCardBudget, generateDrafts } from "@/lib/generate";
import { readFixtures } from "@/scripts/generate-eval";

const article = [
  "# Aid after the war",
  "",
  "The Marshall Plan is often remembered as the American money that rebuilt Europe in 1948. That memory is too simple. The aid was modest compared with what Europeans invested themselves after 1947.",
  "",
  "The goods were sold to Europeans in their own currencies. The money paid, known as counterpart funds, stayed in Europe and could be spent only with American approval. France used most of its funds on coal mines.",
  "",
  "Events in Europe settled the debate. In February 1948 the Communist Party of Czechoslovakia took control in Prague. The coup convinced many doubters in Congress that Western Europe could be lost.",
].join("\n");

describe("each paragraph's point", () => {
  // Four cards: the lead (asked first, as the article's opening claim) and one point per paragraph.
  const result = generateDrafts(article, { maxCards: 4 });
  const quotes = result.cards.map((card) => card.quote);

  it("is asked before any paragraph gets a second card: the claim a short announcement introduces, a conclusion", () => {
    expect(quotes.some((quote) => quote.includes("The aid was modest compared with"))).toBe(true);
    expect(quotes.some((quote) => quote.includes("The coup convinced many doubters"))).toBe(true);
    expect(quotes.some((quote) => quote.includes("known as counterpart funds"))).toBe(true);
    expect(new Set(result.drafts.map((draft) => draft.paragraph)).size).toBe(3);
  });

  it("defines a term the sentence names ('known as'), with the sentence's description as the answer", () => {
    // "The money" leans on money named earlier and no sentence before it in its paragraph can carry the
    // context into a cloze: the definition is the sentence's card.
    const once = article.replace("The goods were sold to Europeans in their own currencies. ", "");
    const definition = generateDrafts(once).cards.find((card) => card.quote.includes("known as counterpart funds"));
    expect(definition).toMatchObject({
      type: "basic",
      prompt: "What were “counterpart funds”, as the article explains them?",
      answer: "The money paid, which stayed in Europe and could be spent only with American approval.",
    });
  });
});

describe("the default card budget", () => {
  it("is 30, one per 60 words for a long article, and never fewer than its prose paragraphs", () => {
    expect(defaultCardBudget({ words: 450, paragraphs: 8 })).toBe(30);
    expect(defaultCardBudget({ words: 3360, paragraphs: 50 })).toBe(56);
    expect(defaultCardBudget({ words: 1500, paragraphs: 42 })).toBe(42);
  });

  it("is what generateDrafts asks for when the caller gives no maximum (the long fixture: 3,360 words)", () => {
    const long = readFixtures().find((fixture) => fixture.name === "long-marshall-plan");
    expect(generateDrafts(long?.text ?? "").cards.length).toBeGreaterThan(50);
  });
});
