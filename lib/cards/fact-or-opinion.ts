import { z } from "zod";
import { checkChoice } from "./answers";
import { draftCommon } from "./draft-card";
import { CardBaseSchema } from "./fields";
import { defineCardKind, recognitionAmong } from "./kind";

/** What the student picks from, in this order; the stored answer is one of them. */
const OPTIONS = ["Fact", "Opinion"] as const;
const STORED = { fact: "Fact", opinion: "Opinion" } as const;

// "According to the author…" or "The author argues…" before the statement answers the question.
const GIVES_AWAY =
  /^(?:according to (?:the )?(?:author|article|writer)|the (?:author|writer|article) (?:argues|thinks|believes|judges|says|claims|suggests|calls))\b/i;

/**
 * Fact or opinion: the prompt is a statement from the article (the statement the student judges);
 * the answer says whether it is reported fact or the author's judgement; the explanation is the
 * reason, shown after answering (the evaluative or hedged words, or what makes it checkable).
 */
export const FactOrOpinionCardSchema = CardBaseSchema.extend({
  type: z.literal("fact_or_opinion"),
  answer: z.enum(["fact", "opinion"], { error: 'answer must be "fact" or "opinion"' }),
  options: z.tuple([z.literal("Fact"), z.literal("Opinion")]).optional(),
});

type FactOrOpinionCard = z.output<typeof FactOrOpinionCardSchema>;

export const factOrOpinionCard = defineCardKind({
  type: "fact_or_opinion",
  label: "Fact or opinion",
  idPrefix: "fo",
  schema: FactOrOpinionCardSchema,
  responseKind: () => "choice",
  // Two options, as true/false: a right answer is half a guess (docs/learning.md).
  ratingPolicy: () => recognitionAmong(2),
  checkResponse: checkChoice,
  // "Fact" before "Opinion" on every card, as true/false keeps "True" before "False".
  optionOrder: "as-written",
  rules: (card) =>
    GIVES_AWAY.test(card.prompt.trim())
      ? [
          [
            "the statement names the author as its source, which gives the answer away",
            "state the claim without its attribution",
          ],
        ]
      : [],
  toStored: (card) => ({ answer: STORED[card.answer], options: [...OPTIONS], extra: {} }),
  fromStored: (common, stored): FactOrOpinionCard => ({
    ...common,
    type: "fact_or_opinion",
    answer: stored.answer === "Opinion" ? "opinion" : "fact",
    options: [...OPTIONS],
  }),
  toDraft: (card) => ({ ...draftCommon(card), answer: card.answer, options: [] }),
  fromDraft: (card) => ({ ...draftCommon(card), answer: card.answer.trim().toLowerCase() }),
});
