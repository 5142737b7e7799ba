import { z } from "zod";
import { DeckSettingsSchema } from "@/lib/srs";

/**
 * The shape of content files: `content/articles/<slug>.md` (front matter + text) and
 * `content/decks/<slug>.json`. One schema serves the repository's content, `deck import` and
 * `deck export`, so an exported deck can always be imported again.
 */

export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "use lower-case letters, digits and single hyphens (e.g. nato-expansion)" });

/** Stable card id: never reuse or change one, or students lose that card's schedule. */
export const CardIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "card ids use lower-case letters, digits and hyphens (e.g. putin-munich-2007)" })
  .max(80);

export const ArticleMetaSchema = z.object({
  title: z.string().trim().min(1, { error: "give the article a title" }),
  outlet: z.string().trim().min(1).optional(),
  /** ISO date, e.g. 2025-11-30. */
  publishedAt: z.iso.date({ error: "publishedAt must be a date like 2025-11-30" }).optional(),
  sourceUrl: z.url({ error: "sourceUrl must be a full URL" }).optional(),
});

export const ArticleSchema = ArticleMetaSchema.extend({
  slug: SlugSchema,
  body: z.string().trim().min(1, { error: "the article has no text" }),
});

// The one deck settings schema (shared with the scheduler, so a deck file that passes content:check
// always schedules): re-exported for content files, import and publishing.
export { DeckSettingsSchema, DECK_SETTING_KEYS, type DeckSettings } from "@/lib/srs";

const nonEmpty = (what: string) => z.string().trim().min(1, { error: `the card needs ${what}` });

const CardBaseSchema = z.object({
  id: CardIdSchema,
  prompt: nonEmpty("a prompt"),
  /** Shown after answering: why the answer is right, in the article's terms. */
  explanation: nonEmpty("an explanation"),
  /** Verbatim from the article (checked by content:check). */
  quote: nonEmpty("a verbatim quote from the article"),
});

/** Self-graded and typed cards have no options; `options: []` is allowed so every export has the field. */
const NoOptionsSchema = (why: string) => z.array(z.string()).max(0, { error: `${why}: leave "options" out or empty` }).optional();

export const BasicCardSchema = CardBaseSchema.extend({
  type: z.literal("basic"),
  answer: nonEmpty("an answer"),
  options: NoOptionsSchema("basic cards are self-graded"),
});

/** `prompt` holds the sentence with one blank written as `____`; `answer` fills it. */
export const ClozeCardSchema = CardBaseSchema.extend({
  type: z.literal("cloze"),
  answer: nonEmpty("an answer"),
  /** Other spellings accepted when typed (e.g. "Putin" for "Vladimir Putin"). */
  acceptedAnswers: z.array(z.string().trim().min(1)).optional(),
  options: NoOptionsSchema("cloze answers are typed"),
});

export const MultipleChoiceCardSchema = CardBaseSchema.extend({
  type: z.literal("multiple_choice"),
  answer: nonEmpty("an answer"),
  /** The answer and at least 3 plausible options of the same kind. */
  options: z.array(z.string().trim().min(1)).min(4, { error: "give the answer and at least 3 other options" }),
});

export const TrueFalseCardSchema = CardBaseSchema.extend({
  type: z.literal("true_false"),
  /** The prompt is a statement; the answer says whether it is true. */
  answer: z.enum(["True", "False"], { error: 'answer must be "True" or "False"' }),
  options: z.tuple([z.literal("True"), z.literal("False")]).optional(),
  /** Required when the statement is false: what the article actually says. */
  correction: z.string().trim().min(1).optional(),
});

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

export const TimelineEventSchema = z.object({
  /** A year ("2008") or an ISO date ("2019-12-04"). */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: "event dates are years (2008) or ISO dates (2019-12-04)" }),
  label: z.string().trim().min(1),
  /** Verbatim passage that dates the event. */
  quote: z.string().trim().min(1),
});

/** Put dated events in order. `events` are listed earliest first; `answer`/`options` are derived. */
export const TimelineCardSchema = CardBaseSchema.extend({
  type: z.literal("timeline"),
  events: z.array(TimelineEventSchema).min(3, { error: "a timeline needs at least 3 events" }),
  answer: z.string().optional(),
  options: z.array(z.string()).optional(),
});

export const CardSchema = z.discriminatedUnion("type", [
  BasicCardSchema,
  ClozeCardSchema,
  MultipleChoiceCardSchema,
  TrueFalseCardSchema,
  ViewpointCardSchema,
  TimelineCardSchema,
]);

export const DeckFileSchema = z.object({
  slug: SlugSchema,
  title: z.string().trim().min(1, { error: "give the deck a title" }),
  description: z.string().trim().default(""),
  /** The slug of content/articles/<slug>.md, or the article itself (as `deck export` writes it). */
  article: z.union([SlugSchema, ArticleSchema]),
  settings: DeckSettingsSchema.partial().optional(),
  cards: z.array(CardSchema).min(1, { error: "a deck needs at least one card" }),
});

export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type CardInput = z.infer<typeof CardSchema>;
export type CardType = CardInput["type"];
export type DeckFile = z.infer<typeof DeckFileSchema>;
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
