import { splitParagraphs } from "./paragraphs";

/**
 * Splits an article into paragraphs and marks the passages that cards quote, for the reader.
 * Overlapping quotes merge into one passage that lists all their cards. Pure.
 */
export interface QuotedSpan {
  id: string;
  quoteStart: number;
  quoteEnd: number;
}

export interface Passage {
  /** 1-based, in reading order. */
  number: number;
  start: number;
  end: number;
  cardIds: string[];
}

export interface Segment {
  text: string;
  /** The passage this text belongs to, or null for unquoted text. */
  passage: number | null;
}

export interface ReaderParagraph {
  segments: Segment[];
}

export function buildPassages(spans: readonly QuotedSpan[]): Passage[] {
  const sorted = [...spans].sort((a, b) => a.quoteStart - b.quoteStart || b.quoteEnd - a.quoteEnd);
  const passages: Passage[] = [];
  for (const span of sorted) {
    const last = passages.at(-1);
    if (last && span.quoteStart < last.end) {
      last.end = Math.max(last.end, span.quoteEnd);
      last.cardIds.push(span.id);
    } else {
      passages.push({ number: passages.length + 1, start: span.quoteStart, end: span.quoteEnd, cardIds: [span.id] });
    }
  }
  return passages;
}

/** The article's paragraphs (split as the generator and the draft editor split them), with quoted passages marked. */
export function buildReaderParagraphs(body: string, passages: readonly Passage[]): ReaderParagraph[] {
  const paragraphs: ReaderParagraph[] = [];
  const ranges = splitParagraphs(body).map((paragraph): [number, number] => [paragraph.start, paragraph.end]);

  for (const [from, to] of ranges) {
    const segments: Segment[] = [];
    let at = from;
    for (const p of passages) {
      if (p.end <= from || p.start >= to) continue;
      const s = Math.max(p.start, from);
      const e = Math.min(p.end, to);
      if (s > at) segments.push({ text: body.slice(at, s), passage: null });
      segments.push({ text: body.slice(s, e), passage: p.number });
      at = e;
    }
    if (at < to) segments.push({ text: body.slice(at, to), passage: null });
    if (segments.length > 0) paragraphs.push({ segments });
  }
  return paragraphs;
}
