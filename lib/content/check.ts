import fs from "node:fs";
import path from "node:path";
import { inspectDeckJson, parseArticleMarkdown } from "./parse";
import { ContentError, type ContentProblem } from "./problems";
import { diagnoseQuoteMiss, locateQuote } from "./quote";
import { checkCardRules, type Finding } from "@/lib/cards";
import type { Article, CardInput, DeckFile } from "./schema";

/**
 * The rules a deck must follow beyond its schema (quotes verbatim, answers among options, ...),
 * and the check of a whole content folder that `npm run content:check` runs.
 */

/** How problems name the deck and its article, e.g. content/decks/x.json and content/articles/x.md. */
export type DeckLocation = { deckFile: string; articleFile: string };

/**
 * Every rule a deck's cards must follow, given the article they quote. Pure.
 *
 * @example checkDeck(deck, article, { deckFile: "content/decks/x.json", articleFile: "content/articles/x.md" }) // []
 */
export function checkDeck(deck: Pick<DeckFile, "cards">, article: Article, where: DeckLocation): ContentProblem[] {
  return [...checkUniqueIds(deck.cards, where), ...deck.cards.flatMap((card) => checkCard(card, article, where))];
}

function checkUniqueIds(cards: CardInput[], where: DeckLocation): ContentProblem[] {
  const positions = new Map<string, number[]>();
  cards.forEach((card, index) => positions.set(card.id, [...(positions.get(card.id) ?? []), index + 1]));
  return [...positions]
    .filter(([, at]) => at.length > 1)
    .map(([id, at]) => ({
      file: where.deckFile,
      cardId: id,
      message: `${at.length} cards share this id (cards #${at.join(", #")})`,
      // Ids key each student's schedule: renaming the card people already study would reset it.
      fix: "give each card its own id; rename the newer card, not the one students already study",
    }));
}

function checkCard(card: CardInput, article: Article, where: DeckLocation): ContentProblem[] {
  const problem = ([message, fix]: Finding): ContentProblem => ({ file: where.deckFile, cardId: card.id, message, fix });
  const quoteMiss = (quote: string) => describeQuoteMiss(article.body, quote, where.articleFile);
  const problems: ContentProblem[] = [];
  const miss = quoteMiss(card.quote);
  if (miss) problems.push(problem([miss.message, miss.fix]));
  problems.push(...checkCardRules(card, { quoteMiss }).map(problem));
  return problems;
}

function describeQuoteMiss(body: string, quote: string, articleFile: string): { message: string; fix: string } | null {
  if (locateQuote(body, quote)) return null;
  const miss = diagnoseQuoteMiss(body, quote);
  if (miss.kind === "typography") {
    return {
      message: "quote not found in the article: it differs only in apostrophes, quotation marks, dashes or case",
      fix: `copy it exactly from ${articleFile}: "${miss.articleText}"`,
    };
  }
  // A short matching start is noise (any quote shares "The " with the article); a long one locates the slip.
  const clue = miss.matchedPrefix.length >= 20 ? ` (it matches up to "…${miss.matchedPrefix.slice(-40)}", then differs)` : "";
  return {
    message: `quote not found in the article${clue}`,
    fix: `copy the sentence exactly from ${articleFile} (check apostrophes ’ vs ')`,
  };
}

export type CheckedDeck = { file: string; deck: DeckFile; article: Article; articleFile: string };

/**
 * Resolves a deck's article slug to the parsed article; `missing` names the file that would hold it;
 * `problems` are the article's own (empty when they are reported elsewhere).
 */
export type ArticleResolver = (
  slug: string,
) => { article: Article; file: string } | { missing: string } | { problems: ContentProblem[] };

/**
 * Reads and checks one deck file. `deck` is null when the file has any problem; `article` is the
 * article the deck quotes (from content/articles or embedded), when it could be read.
 */
export function checkDeckFile(
  deckFile: string,
  resolveArticle: ArticleResolver,
): { deck: DeckFile | null; article: Article | null; articleFile: string | null; cardCount: number; problems: ContentProblem[] } {
  const inspection = inspectDeckJson(readText(deckFile), deckFile);
  const problems = [...inspection.problems];

  const expectedSlug = path.basename(deckFile, ".json");
  if (inspection.deck && inspection.deck.slug !== expectedSlug) {
    problems.push({
      file: deckFile,
      message: `the deck's slug "${inspection.deck.slug}" does not match its file name`,
      fix: `set "slug" to "${expectedSlug}", or rename the file to ${inspection.deck.slug}.json`,
    });
  }

  let article: Article | null = null;
  let articleFile: string | null = null;
  if (typeof inspection.article === "string") {
    const slug = inspection.article;
    const resolved = resolveArticle(slug);
    if ("missing" in resolved) {
      problems.push({
        file: deckFile,
        message: `its article "${slug}" does not exist (no ${resolved.missing})`,
        fix: `create ${resolved.missing}, or set "article" to an existing article's slug`,
      });
    } else if ("problems" in resolved) {
      problems.push(...resolved.problems);
    } else {
      ({ article, file: articleFile } = resolved);
    }
  } else if (inspection.article) {
    article = inspection.article;
    articleFile = `the "article" object in ${deckFile}`;
  }

  if (article && articleFile) problems.push(...checkDeck(inspection, article, { deckFile, articleFile }));
  const deck = problems.length === 0 ? inspection.deck : null;
  return { deck, article, articleFile, cardCount: inspection.cards.length, problems };
}

/** Resolves slugs to `<contentDir>/articles/<slug>.md`, reading each file when asked. */
export function articleFileResolver(contentDir: string): ArticleResolver {
  return (slug) => {
    const file = path.join(contentDir, "articles", `${slug}.md`);
    if (!fs.existsSync(file)) return { missing: file };
    try {
      return { article: parseArticleMarkdown(slug, readText(file), file), file };
    } catch (error) {
      if (error instanceof ContentError) return { problems: [...error.problems] };
      throw error;
    }
  };
}

export type ContentReport = {
  /** Article files read (valid or not). */
  articles: number;
  /** Decks with no problems, ready to load. */
  decks: CheckedDeck[];
  /** Deck files read (valid or not). */
  deckFiles: number;
  /** Cards that are valid on their own, across all deck files. */
  cards: number;
  problems: ContentProblem[];
};

/**
 * Checks every article (`<contentDir>/articles/*.md`) and deck (`<contentDir>/decks/*.json`).
 * Problems name files by joining `contentDir` as given, so pass the path the reader should see.
 */
export function checkContent(contentDir: string): ContentReport {
  if (!fs.existsSync(contentDir)) {
    return {
      articles: 0,
      decks: [],
      deckFiles: 0,
      cards: 0,
      problems: [{ file: contentDir, message: "content folder not found", fix: "run from the project root, or pass the content folder as an argument" }],
    };
  }

  const problems: ContentProblem[] = [];
  const articles = new Map<string, { article: Article; file: string } | null>();
  for (const name of listFiles(path.join(contentDir, "articles"), ".md")) {
    const slug = path.basename(name, ".md");
    const file = path.join(contentDir, "articles", name);
    try {
      articles.set(slug, { article: parseArticleMarkdown(slug, readText(file), file), file });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
      articles.set(slug, null);
    }
  }
  const resolveArticle: ArticleResolver = (slug) => {
    const found = articles.get(slug);
    if (found === undefined) return { missing: path.join(contentDir, "articles", `${slug}.md`) };
    // Its own problems are already reported; checking quotes against a broken article would only add noise.
    return found ?? { problems: [] };
  };

  const decks: CheckedDeck[] = [];
  const deckNames = listFiles(path.join(contentDir, "decks"), ".json");
  let cards = 0;
  for (const name of deckNames) {
    const file = path.join(contentDir, "decks", name);
    const result = checkDeckFile(file, resolveArticle);
    problems.push(...result.problems);
    cards += result.cardCount;
    if (result.deck && result.article && result.articleFile) {
      decks.push({ file, deck: result.deck, article: result.article, articleFile: result.articleFile });
    }
  }
  return { articles: articles.size, decks, deckFiles: deckNames.length, cards, problems };
}

function listFiles(dir: string, extension: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort();
}

function readText(file: string): string {
  // A byte order mark (some Windows editors add one) would break JSON.parse and the front matter.
  return fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
}
