import { z } from "zod";
import { CardIdSchema } from "./fields";
import { CARD_TYPES } from "./card-type";
import type { CardCommon } from "./kind";

const editable = (max: number) =>
  z.string().max(max, { error: `keep it under ${max.toLocaleString("en-US")} characters` });

/**
 * A card as the draft editor holds it: one flat shape for every kind, whose text may be
 * half-written. Autosave stores whatever the teacher has typed so that nothing is lost; publishing
 * converts it with its kind's `fromDraft` and holds it to CardSchema and the content checks.
 */
export const DraftCardSchema = z.object({
  id: CardIdSchema,
  type: z.enum(CARD_TYPES),
  prompt: editable(2000),
  /** Empty for timelines (their answer is derived from the events). */
  answer: editable(1000),
  /** One per line in the editor; blank lines are dropped on publish. */
  options: z.array(editable(500)).max(20, { error: "give at most 20 options" }),
  explanation: editable(4000),
  /** Verbatim from the article: checked on every save. */
  quote: z.string().min(1, { error: "the card needs a quote from the article" }).max(5000),
  party: editable(200).optional(),
  acceptedAnswers: z.array(editable(200)).max(20).optional(),
  correction: editable(2000).optional(),
  events: z
    .array(z.object({ date: z.string().max(10), label: editable(300), quote: z.string().max(5000) }))
    .max(20)
    .optional(),
});
export type DraftCard = z.infer<typeof DraftCardSchema>;

/** The fields of a draft card every kind shares, taken from a content-file card. */
export function draftCommon<Type extends DraftCard["type"]>(card: CardCommon & { type: Type }) {
  return { id: card.id, type: card.type, prompt: card.prompt, explanation: card.explanation, quote: card.quote };
}
