import type { TextSpan } from "./quote";

/**
 * The one paragraph rule, shared by the generator (which numbers cards' paragraphs), the draft
 * editor (which groups cards under them) and the reader (which renders them), so a paragraph
 * number means the same thing everywhere. Pure.
 */

/** A paragraph numbered from 0 in reading order; `text` is `body.slice(start, end)`. */
export type Paragraph = TextSpan & { index: number; text: string };

// A line that ends a sentence (or a quotation or a parenthesis that does).
const ENDS_SENTENCE = /[.!?:"”’)]\s*$/;
// Below this share of sentence-ending lines, a text without blank lines is hard-wrapped prose.
const ONE_PER_LINE_SHARE = 0.6;

/**
 * Paragraphs are separated by blank lines. A text with no blank line but several lines, most of
 * which (60 %) end a sentence, was pasted one paragraph per line: then each line is a paragraph.
 * Otherwise single line breaks stay inside a paragraph (hard-wrapped text). Blank paragraphs are
 * dropped.
 *
 * @example splitParagraphs("One.\nTwo.").map((p) => p.text) // ["One.", "Two."]
 * @example splitParagraphs("A long\nwrapped line.\n\nNext.").map((p) => p.text) // ["A long\nwrapped line.", "Next."]
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  const push = (end: number) => {
    const slice = text.slice(start, end);
    if (slice.trim() !== "") paragraphs.push({ index: paragraphs.length, start, end, text: slice });
  };
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const onePerLine =
    !/\r?\n[ \t]*\r?\n/.test(text) && lines.length > 1 && lines.filter((line) => ENDS_SENTENCE.test(line)).length >= lines.length * ONE_PER_LINE_SHARE;
  for (const match of text.matchAll(onePerLine ? /\r?\n\s*/g : /\r?\n[ \t]*\r?\n\s*/g)) {
    push(match.index);
    start = match.index + match[0].length;
  }
  push(text.length);
  return paragraphs;
}

export type DraftSentence = TextSpan & { text: string };
export type DraftParagraph = Paragraph & { sentences: DraftSentence[] };

// Abbreviations that end in a period without ending a sentence.
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Mt|No|Nos|vs|etc|e\.g|i\.e|U\.S|U\.K|U\.N|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|approx|ca|cf|al)|\b[A-Z])\.$/;

/**
 * The sentences of a paragraph, each a verbatim slice of the article, for the "add a card" quote
 * picker. A plain splitter (end punctuation, then a space and a capital or a quotation mark; every
 * line break): a quote split at an odd place is still verbatim, only shorter.
 */
export function splitParagraphSentences(body: string, paragraph: TextSpan): DraftSentence[] {
  const sentences: DraftSentence[] = [];
  const push = (start: number, end: number) => {
    const raw = body.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== "") sentences.push({ start: start + lead, end: start + lead + text.length, text });
  };
  const text = body.slice(paragraph.start, paragraph.end);
  let start = 0;
  const boundary = /([.!?…]+["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}])|\n+/gu;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + (match[1]?.length ?? 0);
    if (match[1] && ABBREVIATION.test(text.slice(Math.max(start, end - 8), end))) continue;
    push(paragraph.start + start, paragraph.start + end);
    start = match.index + match[0].length;
  }
  push(paragraph.start + start, paragraph.end);
  return sentences;
}

/** The article's paragraphs (as the generator and the reader number them), each with its sentences, for the draft editor. */
export function draftParagraphs(articleText: string): DraftParagraph[] {
  return splitParagraphs(articleText).map((paragraph) => ({
    ...paragraph,
    sentences: splitParagraphSentences(articleText, paragraph),
  }));
}
