import { z } from "zod";
import { checkChoice } from "./answers";
import { draftCommon } from "./draft-card";
import { CardBaseSchema, nonEmpty } from "./fields";
import { defineCardKind, recognitionAmong } from "./kind";
import { checkOptions, keptOptions } from "./rules";

export const MultipleChoiceCardSchema = CardBaseSchema.extend({
  type: z.literal("multiple_choice"),
  answer: nonEmpty("an answer"),
  /** The answer and at least 3 plausible options of the same kind. */
  options: z.array(z.string().trim().min(1)).min(4, { error: "give the answer and at least 3 other options" }),
});

export const multipleChoiceCard = defineCardKind({
  type: "multiple_choice",
  label: "Multiple choice",
  idPrefix: "mc",
  schema: MultipleChoiceCardSchema,
  responseKind: () => "choice",
  checkResponse: checkChoice,
  optionOrder: "shuffled",
  ratingPolicy: (card) => recognitionAmong(card.options.length),
  rules: (card) => checkOptions(card.options, card.answer),
  toStored: (card) => ({ answer: card.answer, options: card.options, extra: {} }),
  fromStored: (common, stored) => ({
    ...common,
    type: "multiple_choice",
    answer: stored.answer,
    options: stored.options,
  }),
  toDraft: (card) => ({ ...draftCommon(card), answer: card.answer, options: card.options }),
  fromDraft: (card) => ({ ...draftCommon(card), answer: card.answer, options: keptOptions(card.options) }),
});
