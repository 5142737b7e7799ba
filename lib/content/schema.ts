import { z } from "zod";
import { CardSchema } from "@/lib/cards";
import { DeckSettingsSchema } from "@/lib/srs";

/**
 * The shape of content files: `content/articles/<slug>.md` (front matter + text) and
 * `content/decks/<slug>.json`. One schema serves the repository's content, `deck import` and
 * `deck export`, so an exported deck can always be imported again.
 */

export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "use lower-case letters, digits and single hyphens (e.g. nato-expansion)" });

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

// A deck's cards: each kind's schema lives with the rest of that kind, in lib/cards.
export { CardSchema, type CardInput, type CardType } from "@/lib/cards";

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
export type DeckFile = z.infer<typeof DeckFileSchema>;
