import fs from "node:fs";
import path from "node:path";
import { stripFrontMatter } from "@/lib/generate";
import { foldForComparison as fold } from "@/lib/content/quote";

const root = path.resolve(import.meta.dirname, "../../..");

/** An article as the generator receives it: front matter removed, as the CLI reads files. */
export function readArticle(relative: string): string {
  return stripFrontMatter(fs.readFileSync(path.join(root, relative), "utf8"));
}

export const SEED = "content/articles/russia-ukraine-nato.md";
export const SCIENCE = "tests/unit/generate/fixtures/ozone-hole.md";
export const HISTORY = "tests/unit/generate/fixtures/atlantic-cable.md";
export const ARTICLES = [
  { name: "the seed article (politics)", file: SEED },
  { name: "the science article", file: SCIENCE },
  { name: "the history article", file: HISTORY },
] as const;

/** Case, typography and whitespace ignored, exactly as content:check compares answers with quotes. */
export { fold };

/** Whether `phrase` occurs in `text` as whole words ("US" is not in "issue"). */
export function containsWords(text: string, phrase: string): boolean {
  const escaped = fold(phrase).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "u").test(fold(text));
}
