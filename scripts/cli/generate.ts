// `npm run cli -- generate <file> [--json] [--max <n>]`: draft cards from an article file.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { CardInput } from "../../lib/content/schema";
import { ArticleTextError, generateDrafts, stripFrontMatter, type GenerationResult } from "../../lib/generate";

export type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

const USAGE = `Usage: npm run cli -- generate <file> [--json] [--max <n>]
  <file>     an article as Markdown (.md, front matter allowed) or plain text (.txt)
  --json     print {"cards":[...]} (cards as content/decks/*.json holds them)
  --max <n>  keep at most n cards (default 30)`;

const ARTICLE_EXTENSIONS = new Set([".md", ".markdown", ".txt", ".text"]);

/** Thrown for a file the command cannot read; the message says what to do. */
export class ArticleFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArticleFileError";
  }
}

/**
 * The article text of a .md or .txt file, as `content/articles/*.md` bodies are read (front
 * matter removed), so generated quotes match the article Clio stores.
 */
export function readArticleFile(file: string): string {
  const extension = path.extname(file).toLowerCase();
  if (!ARTICLE_EXTENSIONS.has(extension)) {
    throw new ArticleFileError(
      `${file}: cards are generated from Markdown or plain text; save the article as .md or .txt.`,
    );
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ArticleFileError(`No such file: ${file}`);
  }
  if (!stat.isFile()) throw new ArticleFileError(`${file} is not a file.`);
  return stripFrontMatter(fs.readFileSync(file, "utf8"));
}

/** Runs `generate`; returns the exit code (0 done, 1 bad input, 2 bad usage). */
export async function runGenerate(args: string[], io: Io): Promise<number> {
  let parsed: { positionals: string[]; values: { json?: boolean; max?: string } };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: "boolean" }, max: { type: "string" } },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    io.stderr(
      `${file ? `Give one file, not ${parsed.positionals.length}.` : "generate needs an article file."}\n\n${USAGE}\n`,
    );
    return 2;
  }
  const maxCards = parsed.values.max === undefined ? undefined : Number(parsed.values.max);
  if (maxCards !== undefined && (!Number.isInteger(maxCards) || maxCards < 1)) {
    io.stderr(`--max takes a whole number of cards, at least 1 (got "${parsed.values.max}").\n`);
    return 2;
  }

  let result: GenerationResult;
  try {
    result = generateDrafts(readArticleFile(file), maxCards === undefined ? {} : { maxCards });
  } catch (error) {
    if (error instanceof ArticleFileError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    if (error instanceof ArticleTextError) {
      io.stderr(`${file}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }

  if (parsed.values.json) {
    io.stdout(`${JSON.stringify({ cards: result.cards }, null, 2)}\n`);
    return 0;
  }
  io.stdout(formatListing(file, result));
  return 0;
}

function formatListing(file: string, result: GenerationResult): string {
  const { stats } = result;
  const lines = [
    `${file}: ${result.cards.length} draft card${result.cards.length === 1 ? "" : "s"} from ${stats.sentences} sentences ` +
      `(${stats.used} used, ${stats.skipped} skipped)`,
    "",
  ];
  result.drafts.forEach(({ card, paragraph }, k) => {
    lines.push(`${String(k + 1).padStart(2)}. [${card.type}] (paragraph ${paragraph + 1}) ${card.prompt}`);
    lines.push(...cardDetails(card).map((line) => `    ${line}`));
    lines.push(`    quote: “${shorten(card.quote, 140)}”`, `    id: ${card.id}`, "");
  });
  if (result.cards.length === 0)
    lines.push("No cards: the article has no sentence with a name, date, number, term or viewpoint to ask about.", "");
  return `${lines.join("\n")}\n`;
}

function cardDetails(card: CardInput): string[] {
  switch (card.type) {
    case "cloze":
      return [
        `answer: ${card.answer}${card.acceptedAnswers ? ` (also accepted: ${card.acceptedAnswers.join(", ")})` : ""}`,
      ];
    case "multiple_choice":
      return [`options: ${card.options.join(" | ")}`, `answer: ${card.answer}`];
    case "true_false":
      return [`answer: ${card.answer}`, ...(card.correction ? [`correction: ${card.correction}`] : [])];
    case "viewpoint":
      return [
        `party: ${card.party}`,
        ...(card.options ? [`options: ${card.options.join(" | ")}`] : []),
        `answer: ${card.answer}`,
      ];
    case "timeline":
      return card.events.map((event) => `${event.date}  ${event.label}`);
    case "basic":
      return [`answer: ${card.answer}`];
    case "fact_or_opinion":
      return [`answer: ${card.answer}`, `reason: ${card.explanation}`];
  }
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
