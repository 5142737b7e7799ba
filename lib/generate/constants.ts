/** Cards generated when the caller does not say, for an article of up to about 1,800 words. */
export const DEFAULT_MAX_CARDS = 30;
// Past the default, one card per this many words: a 3,400-word article has three times the
// sentences of a 450-word one and more key points spread over them.
const WORDS_PER_CARD = 60;

/**
 * The default number of cards for an article: 30, or one per 60 words for a long one, and never
 * fewer than its prose paragraphs — the generator asks each paragraph's point before any second
 * card, and a teacher does not expect a long analytical article to leave paragraphs untested.
 *
 * @example defaultCardBudget({ words: 3360, paragraphs: 50 }) // 56
 */
export function defaultCardBudget(article: { words: number; paragraphs: number }): number {
  return Math.max(DEFAULT_MAX_CARDS, Math.round(article.words / WORDS_PER_CARD), article.paragraphs);
}
