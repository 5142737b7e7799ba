import { toStoredCard } from "@/lib/cards";
import { articleFileResolver, checkContent, checkDeck, checkDeckFile, type DeckLocation } from "./check";
import { ContentError } from "./problems";
import { locateQuote } from "./quote";
import { DeckSettingsSchema, type Article, type CardInput, type CardType, type DeckFile, type DeckSettings } from "./schema";

/**
 * Content files as the app stores them: a deck with its article and its cards flattened to one
 * shape (the Card table's), each with the offsets of its quote in the article body. A LoadedDeck
 * has passed every check in check.ts.
 */

export { parseArticleMarkdown, parseDeckJson } from "./parse";
export { ContentError, formatProblem, type ContentProblem } from "./problems";

export type NormalizedCard = {
  /** The card's id in the content file; stable across edits. */
  externalId: string;
  type: CardType;
  prompt: string;
  /** For a timeline, the labels earliest first joined with " → "; for true/false, "True" or "False". */
  answer: string;
  /** Empty for basic and cloze cards (and for viewpoint cards without options). */
  options: string[];
  explanation: string;
  quote: string;
  /** Offsets of the quote in article.body: body.slice(quoteStart, quoteEnd) === quote. */
  quoteStart: number;
  quoteEnd: number;
  /** cloze: acceptedAnswers; true_false: correction (false statements); viewpoint: party; timeline: events. */
  extra: Record<string, unknown>;
  /** Order in the deck file, from 0. */
  position: number;
};

export type LoadedDeck = {
  slug: string;
  title: string;
  description: string;
  /** The file's settings with DeckSettingsSchema's defaults filled in. */
  settings: DeckSettings;
  article: Article;
  cards: NormalizedCard[];
};

/**
 * Checks a parsed deck against its article and flattens it. Use it for decks that do not come
 * from the content folder (`deck import`); loadDeckFromFile and loadAllDecks call it for files.
 *
 * @example normalizeDeck(parseDeckJson(text), article).cards[0].quoteStart
 * @throws ContentError when any card breaks a rule (quote not in the article, answer not among options, ...).
 */
export function normalizeDeck(file: DeckFile, article: Article, where?: Partial<DeckLocation>): LoadedDeck {
  const location: DeckLocation = {
    deckFile: where?.deckFile ?? `deck "${file.slug}"`,
    articleFile: where?.articleFile ?? `article "${article.slug}"`,
  };
  const problems = checkDeck(file, article, location);
  if (problems.length > 0) throw new ContentError(problems);
  return toLoadedDeck(file, article, location);
}

/**
 * Loads one deck file. Its `article` is a slug resolved to `<contentDir>/articles/<slug>.md`, or
 * the article itself embedded in the file.
 *
 * @example loadDeckFromFile("content/decks/russia-ukraine-nato.json", "content")
 * @throws ContentError listing every problem in the deck and its article.
 */
export function loadDeckFromFile(deckPath: string, contentDir: string): LoadedDeck {
  const result = checkDeckFile(deckPath, articleFileResolver(contentDir));
  if (!result.deck || !result.article || !result.articleFile || result.problems.length > 0) {
    throw new ContentError(result.problems);
  }
  return toLoadedDeck(result.deck, result.article, { deckFile: deckPath, articleFile: result.articleFile });
}

/**
 * Loads every deck in `<contentDir>/decks`, in file name order. All or nothing: one problem
 * anywhere in the folder throws, so a sync never stores half of a broken content change.
 *
 * @throws ContentError listing every problem in the folder.
 */
export function loadAllDecks(contentDir: string): LoadedDeck[] {
  const report = checkContent(contentDir);
  if (report.problems.length > 0) throw new ContentError(report.problems);
  return report.decks.map(({ deck, article, file, articleFile }) => toLoadedDeck(deck, article, { deckFile: file, articleFile }));
}

function toLoadedDeck(file: DeckFile, article: Article, where: DeckLocation): LoadedDeck {
  return {
    slug: file.slug,
    title: file.title,
    description: file.description,
    settings: DeckSettingsSchema.parse(file.settings ?? {}),
    article,
    cards: file.cards.map((card, position) => normalizeCard(card, position, article, where)),
  };
}

function normalizeCard(card: CardInput, position: number, article: Article, where: DeckLocation): NormalizedCard {
  const span = locateQuote(article.body, card.quote);
  // checkDeck has already rejected such a card; this keeps the offsets honest if that ever changes.
  if (!span) {
    throw new ContentError([
      { file: where.deckFile, cardId: card.id, message: "quote not found in the article", fix: `copy the sentence exactly from ${where.articleFile}` },
    ]);
  }
  return {
    externalId: card.id,
    type: card.type,
    prompt: card.prompt,
    explanation: card.explanation,
    quote: card.quote,
    quoteStart: span.start,
    quoteEnd: span.end,
    position,
    ...toStoredCard(card),
  };
}
