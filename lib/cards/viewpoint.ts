import { z } from "zod";
import { checkChoice } from "./answers";
import { draftCommon } from "./draft-card";
import { CardBaseSchema, nonEmpty } from "./fields";
import { defineCardKind, RECALL, recognitionAmong } from "./kind";
import { checkOptions, keptOptions } from "./rules";

/** Who holds a position, or what a party argues. `party` names whose viewpoint the card is about. */
export const ViewpointCardSchema = CardBaseSchema.extend({
  type: z.literal("viewpoint"),
  party: nonEmpty("the party whose viewpoint it is (e.g. Russia, the author)"),
  answer: nonEmpty("an answer"),
  /** Optional: with options the card is multiple choice and graded on the server; empty means self-graded. */
  options: z
    .array(z.string().trim().min(1))
    .refine((o) => o.length === 0 || o.length >= 4, { error: "give the answer and at least 3 other options, or none" })
    .optional(),
});

export const viewpointCard = defineCardKind({
  type: "viewpoint",
  label: "Who argues what",
  idPrefix: "view",
  schema: ViewpointCardSchema,
  responseKind: (card) => (card.options.length > 0 ? "choice" : null),
  checkResponse: checkChoice,
  optionOrder: "shuffled",
  // With options the party is picked among them; without, the student recalls it and grades themself.
  ratingPolicy: (card) => (card.options.length > 0 ? recognitionAmong(card.options.length) : RECALL),
  rules: (card) => (card.options?.length ? checkOptions(card.options, card.answer) : []),
  toStored: (card) => ({ answer: card.answer, options: card.options ?? [], extra: { party: card.party } }),
  fromStored: (common, stored) => ({
    ...common,
    type: "viewpoint",
    party: String(stored.extra.party ?? ""),
    answer: stored.answer,
    options: stored.options,
  }),
  toDraft: (card) => ({ ...draftCommon(card), answer: card.answer, options: card.options ?? [], party: card.party }),
  fromDraft: (card) => ({
    ...draftCommon(card),
    party: card.party ?? "",
    answer: card.answer,
    options: keptOptions(card.options),
  }),
});
