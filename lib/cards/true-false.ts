import { z } from "zod";
import { checkChoice } from "./answers";
import { draftCommon } from "./draft-card";
import { CardBaseSchema } from "./fields";
import { defineCardKind, recognitionAmong } from "./kind";

export const TrueFalseCardSchema = CardBaseSchema.extend({
  type: z.literal("true_false"),
  /** The prompt is a statement; the answer says whether it is true. */
  answer: z.enum(["True", "False"], { error: 'answer must be "True" or "False"' }),
  options: z.tuple([z.literal("True"), z.literal("False")]).optional(),
  /** Required when the statement is false: what the article actually says. */
  correction: z.string().trim().min(1).optional(),
});

type TrueFalseCard = z.output<typeof TrueFalseCardSchema>;

export const trueFalseCard = defineCardKind({
  type: "true_false",
  label: "True or false",
  idPrefix: "tf",
  schema: TrueFalseCardSchema,
  responseKind: () => "choice",
  checkResponse: checkChoice,
  // "True" before "False" on every card: shuffling them would only slow students down.
  optionOrder: "as-written",
  // Right half the time by chance: the weakest evidence of any kind (docs/learning.md).
  ratingPolicy: () => recognitionAmong(2),
  rules: (card) => {
    if (card.answer === "False" && card.correction === undefined) {
      return [["the statement is false but has no correction", 'add "correction": what the article actually says']];
    }
    if (card.answer === "True" && card.correction !== undefined) {
      return [["the statement is true but has a correction", 'remove "correction", or set "answer" to "False"']];
    }
    return [];
  },
  toStored: (card) => ({
    answer: card.answer,
    options: ["True", "False"],
    extra: card.correction === undefined ? {} : { correction: card.correction },
  }),
  fromStored: (common, stored): TrueFalseCard => ({
    ...common,
    type: "true_false",
    answer: stored.answer === "True" ? "True" : "False",
    options: ["True", "False"],
    ...(typeof stored.extra.correction === "string" ? { correction: stored.extra.correction } : {}),
  }),
  toDraft: (card) => ({
    ...draftCommon(card),
    answer: card.answer,
    options: [],
    ...(card.correction !== undefined ? { correction: card.correction } : {}),
  }),
  // A true statement keeps no correction, even one typed before the answer was switched.
  fromDraft: (card) => {
    const correction = card.answer.trim() === "False" ? card.correction?.trim() : undefined;
    return { ...draftCommon(card), answer: card.answer.trim(), ...(correction ? { correction } : {}) };
  },
});
