/** Small string helpers shared by the generator's modules. */
import { foldForComparison as fold } from "../content/quote";

/**
 * Typographic and case differences ignored (’ vs ', “ vs ", – vs -, runs of spaces): the same
 * folding content:check applies, so what the generator deems equal the checker does too.
 */
export { fold };

/** Letters and digits only, lower-cased: for near-duplicate checks. */
export function lettersOnly(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether `needle` occurs in `haystack` as whole words (not inside a longer word). */
export function containsWords(haystack: string, needle: string): boolean {
  return countWords(haystack, needle) > 0;
}

// Compiled patterns by needle: the same names are looked for in hundreds of candidate cards.
const WORD_PATTERNS = new Map<string, RegExp>();

export function countWords(haystack: string, needle: string): number {
  if (needle.trim() === "") return 0;
  let pattern = WORD_PATTERNS.get(needle);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, "gu");
    if (WORD_PATTERNS.size > 10_000) WORD_PATTERNS.clear();
    WORD_PATTERNS.set(needle, pattern);
  }
  // String.match with a global pattern starts at 0 and leaves lastIndex at 0: safe to share.
  return haystack.match(pattern)?.length ?? 0;
}
