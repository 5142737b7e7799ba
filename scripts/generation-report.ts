/**
 * How the generator did on one article: cards by type, sentences used and skipped (and why), and
 * a sample of cards of each type to read. See docs/generation-quality.md.
 *
 *   tsx scripts/generation-report.ts <file.md|file.txt> [--samples <n>] [--max <n>]
 */
import { parseArgs } from "node:util";
import type { CardInput, CardType } from "../lib/content/schema";
import { ArticleTextError, generateDrafts, listEntities } from "../lib/generate";
import { ArticleFileError, readArticleFile } from "./cli/generate";

const TYPES: CardType[] = [
  "cloze",
  "multiple_choice",
  "true_false",
  "viewpoint",
  "timeline",
  "fact_or_opinion",
  "basic",
];

function main(argv: string[]): number {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { samples: { type: "string", default: "3" }, max: { type: "string" } },
  });
  const [file] = positionals;
  if (!file) {
    console.log("Usage: tsx scripts/generation-report.ts <file.md|file.txt> [--samples <n>] [--max <n>]");
    return 2;
  }
  const samples = Math.max(0, Number(values.samples) || 0);

  let text: string;
  let result: ReturnType<typeof generateDrafts>;
  try {
    text = readArticleFile(file);
    result = generateDrafts(text, values.max ? { maxCards: Number(values.max) } : {});
  } catch (error) {
    if (error instanceof ArticleFileError || error instanceof ArticleTextError) {
      console.log(error.message);
      return 1;
    }
    throw error;
  }
  const { stats } = result;

  const out: string[] = [];
  out.push(`Generation report: ${file}`);
  out.push(
    `  ${text.length.toLocaleString("en-US")} characters, ${stats.paragraphs} paragraphs, ${stats.sentences} sentences`,
  );
  const kinds = new Map<string, number>();
  for (const entity of listEntities(text)) kinds.set(entity.kind, (kinds.get(entity.kind) ?? 0) + 1);
  out.push(
    `  found: ${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(", ")} (the pool options and swaps come from)`,
  );
  out.push("");
  out.push(`Cards: ${result.cards.length} (from ${stats.candidates} candidates)`);
  for (const type of TYPES) {
    const count = stats.cardsByType[type] ?? 0;
    if (count > 0) out.push(`  ${type.padEnd(16)} ${String(count).padStart(3)}`);
  }
  out.push("");
  out.push(`Sentences: ${stats.used} used, ${stats.skipped} skipped`);
  const reasons = Object.entries(stats.skippedByReason).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  for (const [reason, count] of reasons) {
    out.push(`  ${String(count).padStart(3)}  ${reason}`);
    for (const example of result.skipped.filter((s) => s.reason === reason).slice(0, 2)) {
      out.push(`         e.g. “${shorten(example.sentence, 100)}”`);
    }
  }

  for (const type of TYPES) {
    const cards = result.cards.filter((card) => card.type === type).slice(0, samples);
    if (cards.length === 0) continue;
    out.push("", `Sample ${type} cards:`);
    for (const card of cards) out.push(...describe(card).map((line, k) => (k === 0 ? `  - ${line}` : `    ${line}`)));
  }
  console.log(out.join("\n"));
  return 0;
}

function describe(card: CardInput): string[] {
  const lines = [card.prompt];
  if (card.type === "timeline") lines.push(...card.events.map((event) => `${event.date}  ${event.label}`));
  else {
    if ("options" in card && card.options) lines.push(`options: ${card.options.join(" | ")}`);
    lines.push(`answer: ${card.answer}`);
    if (card.type === "true_false" && card.correction) lines.push(`correction: ${card.correction}`);
    if (card.type === "viewpoint") lines.push(`party: ${card.party}`);
  }
  return lines;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

process.exitCode = main(process.argv.slice(2));
