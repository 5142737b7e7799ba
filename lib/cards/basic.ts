import { z } from "zod";
import { draftCommon } from "./draft-card";
import { CardBaseSchema, NoOptionsSchema, nonEmpty } from "./fields";
import { defineCardKind, RECALL } from "./kind";
import { NotAutoGradedError } from "./answers";

/** A question and its answer; the student reveals the answer and grades themself. */
export const BasicCardSchema = CardBaseSchema.extend({
  type: z.literal("basic"),
  answer: nonEmpty("an answer"),
  options: NoOptionsSchema("basic cards are self-graded"),
});

export const basicCard = defineCardKind({
  type: "basic",
  label: "Question & answer",
  idPrefix: "basic",
  schema: BasicCardSchema,
  responseKind: () => null,
  checkResponse: (card) => {
    throw new NotAutoGradedError(card.type);
  },
  optionOrder: "shuffled",
  ratingPolicy: () => RECALL,
  rules: () => [],
  toStored: (card) => ({ answer: card.answer, options: [], extra: {} }),
  fromStored: (common, stored) => ({ ...common, type: "basic", answer: stored.answer, options: [] }),
  toDraft: (card) => ({ ...draftCommon(card), answer: card.answer, options: card.options ?? [] }),
  fromDraft: (card) => ({ ...draftCommon(card), answer: card.answer }),
});
