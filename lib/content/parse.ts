import matter from "gray-matter";
import type { z } from "zod";
import { cardKind, isCardType } from "@/lib/cards";
import { ContentError, type ContentProblem } from "./problems";
import {
  ArticleMetaSchema,
  ArticleSchema,
  CardSchema,
  DeckFileSchema,
  DECK_SETTING_KEYS,
  type Article,
  type CardInput,
  type DeckFile,
} from "./schema";

/**
 * Text in, typed content out: article markdown and deck JSON, with every schema problem turned into
 * a message that names the file, the card and the field. No file system access.
 */

// jonschlinkert/gray-matter#121, #124: called without options, gray-matter caches its result by
// input and keeps the entry even when parsing throws, so a second call "succeeds". Passing options
// turns the cache off. Its `---js` front matter is run with eval; an article is data, so refuse it.
const MATTER_OPTIONS = {
  engines: {
    javascript: (): object => {
      throw new Error("JavaScript front matter is not allowed: write YAML");
    },
  },
};

const ARTICLE_FIX = "edit the front matter (fields: title, outlet, publishedAt, sourceUrl)";

/**
 * Parses `content/articles/<slug>.md`: YAML front matter, then the text. The body is the text with
 * leading and trailing blank lines removed and CRLF line endings made LF, so a Windows checkout
 * yields the same body and the same quote offsets.
 *
 * @example parseArticleMarkdown("nato", "---\ntitle: NATO\n---\nText.") // { slug: "nato", title: "NATO", body: "Text." }
 * @throws ContentError listing every problem in the front matter.
 */
export function parseArticleMarkdown(slug: string, text: string, file = `article "${slug}"`): Article {
  let parsed: { data: Record<string, unknown>; content: string };
  try {
    parsed = matter(text.replace(/\r\n?/g, "\n"), MATTER_OPTIONS);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ContentError([
      { file, message: `the front matter cannot be read (${reason})`, fix: "write it as YAML between two --- lines" },
    ]);
  }

  const data = Object.fromEntries(Object.entries(parsed.data).map(([key, value]) => [key, toIsoDateIfDate(value)]));
  const problems = unknownFieldProblems(data, Object.keys(ArticleMetaSchema.shape), file, "front matter field");
  const input = { ...data, slug, body: trimBlankLines(parsed.content) };
  const result = ArticleSchema.safeParse(input);
  if (!result.success) problems.push(...problemsFromIssues(result.error.issues, input, file, ARTICLE_FIX));
  if (problems.length > 0 || !result.success) throw new ContentError(problems);
  return result.data;
}

// YAML reads an unquoted 2025-11-30 as a Date; the schema (and a reader of the file) means the day.
function toIsoDateIfDate(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}

function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, "").replace(/(?:\n[ \t]*)+$/, "");
}

/**
 * What could be read from a deck file even when parts of it are invalid, so a checker can report
 * quote and answer problems in the valid cards alongside schema problems in the others.
 */
export type DeckInspection = {
  /** The whole file, when it matches DeckFileSchema and has no unknown fields. */
  deck: DeckFile | null;
  /** The article slug or embedded article, when that part is valid. */
  article: string | Article | null;
  /** The cards that are valid on their own. */
  cards: CardInput[];
  problems: ContentProblem[];
};

const DECK_FIX = "edit it to match the deck format in lib/content/schema.ts";

/** Reads a deck file's JSON without throwing; see parseDeckJson for the throwing form. */
export function inspectDeckJson(text: string, file = "deck"): DeckInspection {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      deck: null,
      article: null,
      cards: [],
      problems: [{ file, message: `not valid JSON (${reason})`, fix: "correct the JSON syntax; a trailing comma or a missing quote is the usual cause" }],
    };
  }
  if (!isRecord(raw)) {
    return {
      deck: null,
      article: null,
      cards: [],
      problems: [{ file, message: "the file is not a JSON object", fix: 'write an object with "slug", "title", "article" and "cards"' }],
    };
  }

  const problems = unknownFieldsInDeck(raw, file);
  const result = DeckFileSchema.safeParse(raw);
  if (result.success) {
    return { deck: problems.length === 0 ? result.data : null, article: result.data.article, cards: result.data.cards, problems };
  }
  problems.push(...problemsFromIssues(result.error.issues, raw, file, DECK_FIX));

  const article = DeckFileSchema.shape.article.safeParse(raw.article);
  const cards = Array.isArray(raw.cards)
    ? raw.cards.flatMap((card) => {
        const parsed = CardSchema.safeParse(card);
        return parsed.success ? [parsed.data] : [];
      })
    : [];
  return { deck: null, article: article.success ? article.data : null, cards, problems };
}

/**
 * Parses a deck file (`content/decks/<slug>.json`, or a file from `deck import`) against DeckFileSchema.
 * Fields the schema does not know are errors: a misspelt "acceptedAnswer" would otherwise vanish.
 *
 * @throws ContentError listing every schema problem, each naming its card and field.
 */
export function parseDeckJson(text: string, file = "deck"): DeckFile {
  const inspection = inspectDeckJson(text, file);
  if (inspection.deck === null) throw new ContentError(inspection.problems);
  return inspection.deck;
}

// zod strips unknown keys silently; the schema is shared with the app, so the strictness lives here.
function unknownFieldsInDeck(raw: Record<string, unknown>, file: string): ContentProblem[] {
  const problems = unknownFieldProblems(raw, Object.keys(DeckFileSchema.shape), file, "field");
  if (isRecord(raw.settings)) {
    problems.push(...unknownFieldProblems(raw.settings, DECK_SETTING_KEYS, file, "settings field"));
  }
  if (isRecord(raw.article)) {
    problems.push(...unknownFieldProblems(raw.article, Object.keys(ArticleSchema.shape), file, "article field"));
  }
  if (!Array.isArray(raw.cards)) return problems;
  raw.cards.forEach((card: unknown, index) => {
    if (!isRecord(card) || !isCardType(card.type)) return;
    const cardId = cardLabel(card, index);
    const kind = cardKind(card.type);
    problems.push(...unknownFieldProblems(card, kind.fields, file, `field in this ${card.type} card`, cardId));
    for (const { where, record, known } of kind.nestedRecords?.(card) ?? []) {
      if (isRecord(record)) problems.push(...unknownFieldProblems(record, known, file, `field in ${where}`, cardId));
    }
  });
  return problems;
}

function unknownFieldProblems(
  record: Record<string, unknown>,
  known: string[],
  file: string,
  what: string,
  cardId?: string,
): ContentProblem[] {
  return Object.keys(record)
    .filter((key) => !known.includes(key))
    .map((key) => ({
      file,
      ...(cardId === undefined ? {} : { cardId }),
      message: `unknown ${what} "${key}"`,
      fix: `remove it or correct its spelling (known fields: ${known.join(", ")})`,
    }));
}

type Issue = z.core.$ZodIssue;

/** zod issues as problems: the card is named by its id, the field by its path inside the card. */
function problemsFromIssues(issues: readonly Issue[], raw: unknown, file: string, fix: string, prefix: PropertyKey[] = []): ContentProblem[] {
  return issues.flatMap((issue) => {
    const fullPath = [...prefix, ...issue.path];

    // A union that is not a discriminated one (deck.article: slug or object): report the branch
    // whose type matched, i.e. the one that did not fail at its root with invalid_type.
    if (issue.code === "invalid_union" && !issue.discriminator) {
      const branch = issue.errors.find((branchIssues) => !branchIssues.some((i) => i.path.length === 0 && i.code === "invalid_type"));
      if (branch) return problemsFromIssues(branch, raw, file, fix, fullPath);
    }

    const { cardId, field } = locateField(raw, fullPath);
    const where = cardId === undefined ? {} : { cardId };
    const value = valueAt(raw, fullPath);

    if (issue.code === "invalid_union" && issue.discriminator) {
      const allowed = ("options" in issue ? (issue.options ?? []) : []).map(String).join(", ");
      return [
        {
          file,
          ...where,
          message: value === undefined ? `"${field}" is missing` : `unknown ${field} ${JSON.stringify(value)}`,
          fix: `set "${field}" to one of: ${allowed}`,
        },
      ];
    }
    if (issue.code === "invalid_union") {
      return [{ file, ...where, message: `"${field}" must be an article slug or an article object`, fix: 'write the slug of content/articles/<slug>.md, or an object with "slug", "title" and "body"' }];
    }
    if (issue.code === "invalid_type" && value === undefined) {
      return [{ file, ...where, message: `"${field}" is missing`, fix: `add "${field}" (${issue.expected})` }];
    }
    // Problems carry no final period (formatProblem adds one); the settings schema's messages are sentences.
    return [{ file, ...where, message: `"${field || "(file)"}": ${issue.message.replace(/\.$/, "")}`, fix }];
  });
}

function locateField(raw: unknown, path: PropertyKey[]): { cardId?: string; field: string } {
  const [first, index, ...rest] = path;
  if (first === "cards" && typeof index === "number") {
    const card = Array.isArray(valueAt(raw, ["cards"])) ? valueAt(raw, ["cards", index]) : undefined;
    return { cardId: cardLabel(isRecord(card) ? card : {}, index), field: formatPath(rest) || "card" };
  }
  return { field: formatPath(path) };
}

/** The card's id when it has one; otherwise its position, so the author can still find it. */
function cardLabel(card: Record<string, unknown>, index: number): string {
  return typeof card.id === "string" && card.id.trim() !== "" ? card.id : `#${index + 1}`;
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text === "" ? String(key) : `${text}.${String(key)}`), "");
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const key of path) {
    if (Array.isArray(value) && typeof key === "number") value = value[key];
    else if (isRecord(value) && typeof key === "string") value = value[key];
    else return undefined;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
