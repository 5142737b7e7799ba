import { distance } from "fastest-levenshtein";

// How a typed answer (a cloze card's) is compared with the accepted answers. Pure.

export type TypedMatch = "exact" | "close" | "wrong";

/**
 * Compares a typed answer with the accepted answers, forgiving what does not change the answer:
 * case, accents and other diacritics, punctuation and spacing ("Austria-Hungary" = "austria hungary",
 * "U.S.A." = "USA", "1,000" = "1000"), and a leading "the", "a" or "an". That is an "exact" match.
 *
 * Then a small typo is forgiven ("close"): an edit distance (Damerau: a swap of two neighbouring
 * letters counts as one edit) of 1 for answers of 4–8 letters and 2 for longer ones; none below
 * 4 letters. Never for numbers: every number (digits or Roman numerals) must be exactly right,
 * so "2008" vs "2009" and "Henry VII" vs "Henry VIII" are wrong. And never on the first or last
 * letter, which is where one letter makes a different name: "Iran"/"Iraq", "Russia"/"Prussia",
 * "Mali"/"Bali".
 *
 * @example
 * matchTypedAnswer("Versailes", ["Versailles"]); // "close"
 * matchTypedAnswer("2009", ["2008"]);           // "wrong"
 */
export function matchTypedAnswer(text: string, acceptedAnswers: string[]): TypedMatch {
  const given = normalizeAnswer(text);
  if (given.compact === "") return "wrong";
  const accepted = acceptedAnswers.map(normalizeAnswer).filter((answer) => answer.compact !== "");
  if (accepted.some((answer) => answer.compact === given.compact)) return "exact";
  if (accepted.some((answer) => isSmallTypo(given, answer))) return "close";
  return "wrong";
}

interface NormalizedAnswer {
  /** Letters and digits only (a decimal point kept), lower case, without a leading article. */
  compact: string;
  /** Tokens that are numbers (with a digit, or a Roman numeral), in order. */
  numbers: string[];
  letterCount: number;
}

// Letters NFKD does not decompose into a base letter plus a mark.
const FOLDED_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};
const ARTICLES = new Set(["the", "a", "an"]);
const ROMAN_NUMERAL = /^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;

function normalizeAnswer(text: string): NormalizedAnswer {
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    // "1,000" is 1000; a comma before anything but three digits is punctuation.
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
  // Drop punctuation and symbols, except a decimal point: "3.5" is not "35".
  const spaced = folded.replace(/[\p{P}\p{S}]/gu, (mark, offset: number) =>
    mark === "." && /\d/.test(folded[offset - 1] ?? "") && /\d/.test(folded[offset + 1] ?? "") ? "." : " ",
  );
  const tokens = spaced.split(/\s+/).filter((token) => token !== "");
  if (tokens.length > 1 && ARTICLES.has(tokens[0] ?? "")) tokens.shift();
  const compact = tokens.join("");
  return {
    compact,
    numbers: tokens.filter((token) => /\d/.test(token) || ROMAN_NUMERAL.test(token)),
    letterCount: compact.replace(/[^\p{L}]/gu, "").length,
  };
}

function allowedTypos(letterCount: number): number {
  if (letterCount < 4) return 0;
  return letterCount <= 8 ? 1 : 2;
}

function isSmallTypo(given: NormalizedAnswer, expected: NormalizedAnswer): boolean {
  const limit = allowedTypos(expected.letterCount);
  if (limit === 0) return false;
  if (
    given.numbers.length !== expected.numbers.length ||
    given.numbers.some((token, i) => token !== expected.numbers[i])
  )
    return false;
  const [a, b] = [given.compact, expected.compact];
  if (a[0] !== b[0] || a.at(-1) !== b.at(-1)) return false;
  return isWithinEditDistance(a, b, limit);
}

/** Damerau (optimal string alignment) distance ≤ limit. fastest-levenshtein does the common case. */
function isWithinEditDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  const levenshtein = distance(a, b);
  if (levenshtein <= limit) return true;
  // Each swap of neighbours costs 2 in Levenshtein and 1 here, so only then can the answers differ.
  if (levenshtein > 2 * limit) return false;
  return optimalStringAlignment(a, b) <= limit;
}

function optimalStringAlignment(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const d: number[] = new Array<number>(rows * columns).fill(0);
  const at = (i: number, j: number) => d[i * columns + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * columns] = i;
  for (let j = 0; j < columns; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * columns + j] = best;
    }
  }
  return at(a.length, b.length);
}
