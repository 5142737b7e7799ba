/**
 * Article text -> draft cards. Pure: no database, no network, no language model; the same text
 * always gives the same cards. See docs/generation-quality.md for how good the drafts are.
 */
export { DEFAULT_MAX_CARDS, defaultCardBudget } from "./constants";
export { CLOZE_BLANK } from "../cards";
export { ArticleTextError, type ArticleTextErrorCode } from "./errors";
export {
  generateDrafts,
  groupDraftsByParagraph,
  listEntities,
  type GenerateOptions,
  type GenerationResult,
} from "./generate";
export type { MentionKind, PlaceType } from "./mentions";
export { stripFrontMatter } from "./markdown";
export type { Paragraph, SkipReason } from "./segment";
export type { Draft, GenerationStats, SkippedSentence } from "./types";
export { MAX_ARTICLE_CHARS, validateArticleText } from "./validate";
