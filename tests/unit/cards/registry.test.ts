import { describe, expect, it } from "vitest";
import {
  CARD_TYPES,
  CARD_TYPE_LABELS,
  CardSchema,
  cardKind,
  checkCardRules,
  DraftCardSchema,
  fromDraftCard,
  fromStoredCard,
  isAutoGraded,
  toDraftCard,
  toStoredCard,
  type CardInput,
} from "@/lib/cards";

const quote = "Russia fought Georgia in 2008 and annexed Crimea in 2014.";
const munich = "Putin’s warning came at the Munich Security Conference in 2007.";
const base = { prompt: "Prompt?", explanation: "Because.", quote };

/** One valid card of every kind, as a content file holds it. */
const cards: CardInput[] = [
  { ...base, id: "a", type: "basic", answer: "Georgia" },
  {
    ...base,
    id: "b",
    type: "cloze",
    prompt: "Russia fought ____ in 2008.",
    answer: "Georgia",
    acceptedAnswers: ["georgia"],
  },
  { ...base, id: "c", type: "multiple_choice", answer: "2014", options: ["2007", "2008", "2014", "2022"] },
  { ...base, id: "d", type: "true_false", answer: "False", correction: "It was 2014." },
  {
    ...base,
    id: "e",
    type: "viewpoint",
    party: "Russia",
    answer: "Russia",
    options: ["Russia", "Ukraine", "Poland", "Germany"],
  },
  {
    ...base,
    id: "f",
    type: "timeline",
    events: [
      { date: "2007", label: "Warning", quote: munich },
      { date: "2008", label: "Georgia", quote },
      { date: "2014", label: "Crimea", quote },
    ],
  },
  { ...base, id: "h", type: "fact_or_opinion", answer: "opinion", prompt: "Russia fought Georgia wisely." },
];

const common = (card: CardInput) => ({
  id: card.id,
  prompt: card.prompt,
  explanation: card.explanation,
  quote: card.quote,
});

describe("the card registry", () => {
  it("has one kind for every card type, each with its own label and id prefix", () => {
    expect(cards.map((card) => card.type)).toEqual([...CARD_TYPES]);
    expect(new Set(CARD_TYPES.map((type) => cardKind(type).idPrefix)).size).toBe(CARD_TYPES.length);
    expect(CARD_TYPE_LABELS).toEqual({
      basic: "Question & answer",
      cloze: "Fill the blank",
      multiple_choice: "Multiple choice",
      true_false: "True or false",
      viewpoint: "Who argues what",
      timeline: "Timeline",
      fact_or_opinion: "Fact or opinion",
    });
  });

  it("stores every kind so that export gives back the same card", () => {
    for (const card of cards) {
      const stored = toStoredCard(card);
      const exported = CardSchema.parse(fromStoredCard(common(card), card.type, stored));
      expect(toStoredCard(exported), card.type).toEqual(stored);
    }
  });

  it("derives a timeline's answer and options from its events", () => {
    expect(toStoredCard(cards[5]!)).toMatchObject({
      answer: "Warning → Georgia → Crimea",
      options: ["Warning", "Georgia", "Crimea"],
    });
  });

  it("turns every kind into a draft card and back into the same content-file card", () => {
    for (const card of cards) {
      const draft = DraftCardSchema.parse(toDraftCard(card));
      expect(toStoredCard(CardSchema.parse(fromDraftCard(draft))), card.type).toEqual(toStoredCard(card));
    }
  });

  it("grades the kinds that take an answer, and leaves basic cards to the student", () => {
    expect(CARD_TYPES.filter((type, i) => isAutoGraded({ type, ...toStoredCard(cards[i]!) }))).toEqual([
      "cloze",
      "multiple_choice",
      "true_false",
      "viewpoint",
      "timeline",
      "fact_or_opinion",
    ]);
  });

  it("applies each kind's own content rules", () => {
    const noQuoteMiss = { quoteMiss: () => null };
    for (const card of cards) expect(checkCardRules(card, noQuoteMiss), card.type).toEqual([]);
    expect(checkCardRules({ ...base, id: "g", type: "cloze", answer: "Georgia" }, noQuoteMiss)).toEqual([
      ["the prompt has no blank", "write the missing words as ____ (four underscores)"],
    ]);
  });

  it("stores a fact-or-opinion answer as the option the student picks, and checks it", () => {
    const card = cards[6]!;
    const stored = toStoredCard(card);
    expect(stored).toEqual({ answer: "Opinion", options: ["Fact", "Opinion"], extra: {} });
    const { checkResponse } = cardKind("fact_or_opinion");
    expect(checkResponse({ type: card.type, ...stored }, { kind: "choice", choice: "Opinion" }).correct).toBe(true);
    expect(checkResponse({ type: card.type, ...stored }, { kind: "choice", choice: "Fact" }).correct).toBe(false);
  });

  it("flags a fact-or-opinion statement whose attribution gives the answer away", () => {
    const card = { ...base, id: "i", type: "fact_or_opinion" as const, answer: "opinion" as const };
    const findings = checkCardRules(
      { ...card, prompt: "According to the author, Finland acted wisely." },
      {
        quoteMiss: () => null,
      },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]![0]).toMatch(/gives the answer away/);
  });
});
