/**
 * Locating a card's quote in its article. Quotes must match the article body exactly, so a card
 * can always point at (and highlight) the passage it comes from.
 */

/** A half-open range [start, end) of UTF-16 code units in the article body, as String#slice counts. */
export type TextSpan = { start: number; end: number };

export function locateQuote(body: string, quote: string): TextSpan | null {
  const start = body.indexOf(quote);
  return start === -1 ? null : { start, end: start + quote.length };
}

// Keyboards type ' " - where articles print ’ “ ” –. Each replacement is one code unit for one, so
// an index in the folded text is the same index in the original.
function foldTypography(text: string): string {
  return text
    .replace(/[‘’‛′`]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—−]/g, "-")
    .replace(/\u00a0/g, " ");
}

function foldCase(text: string): string {
  const lower = text.toLowerCase();
  // A few characters (e.g. İ) change length when lower-cased; offsets would drift, so keep the case.
  return lower.length === text.length ? lower : text;
}

/**
 * Text folded for "is this the same option / does the answer occur here" comparisons: case,
 * typographic apostrophes, quotation marks, dashes and runs of whitespace are ignored.
 */
export function foldForComparison(text: string): string {
  return foldCase(foldTypography(text)).replace(/\s+/g, " ").trim();
}

export type QuoteMiss =
  /** The quote matches once apostrophes, quotation marks, dashes and case are ignored. */
  | { kind: "typography"; articleText: string }
  /** The longest start of the quote found in the article (may be empty). */
  | { kind: "diverges"; matchedPrefix: string };

/** Why a quote was not found, so the fix can be specific. Call only when locateQuote returned null. */
export function diagnoseQuoteMiss(body: string, quote: string): QuoteMiss {
  const start = foldCase(foldTypography(body)).indexOf(foldCase(foldTypography(quote)));
  if (start !== -1) {
    return { kind: "typography", articleText: body.slice(start, start + quote.length) };
  }
  // If a prefix occurs in the body, every shorter prefix does too: binary search for the longest.
  let low = 0;
  let high = quote.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (body.includes(quote.slice(0, mid))) low = mid;
    else high = mid - 1;
  }
  return { kind: "diverges", matchedPrefix: quote.slice(0, low) };
}
