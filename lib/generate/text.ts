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

export function countWords(haystack: string, needle: string): number {
  if (needle.trim() === "") return 0;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, "gu");
  return haystack.match(pattern)?.length ?? 0;
}
