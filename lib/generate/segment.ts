import nlp from "compromise";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { stripInlineMarkdown } from "./markdown";
import { collapseSpaces, fold, wordCount } from "./text";
import type { Paragraph } from "../content/paragraphs";

/**
 * Article text -> paragraphs and sentences, each with its exact place in the text, and the
 * sentences that make poor questions marked with the reason.
 */

// The generator numbers paragraphs as the draft editor and the reader do: one splitter for all three.
export { splitParagraphs, type Paragraph } from "../content/paragraphs";

/** Why a sentence gave no card. */
export type SkipReason =
  | "heading"
  | "photo caption"
  | "code, table or image"
  | "fragment (too short or no verb)"
  | "question, not a statement"
  | "too long to quote on a card"
  | "near-duplicate of an earlier sentence"
  | "nothing worth asking (no name, date, number, term or viewpoint)"
  | "not selected (ranked below the cards kept, or its answers were already used)";

/** A word as compromise tags it; `start`/`end` are offsets in the sentence's clean `text`. */
export type Token = { text: string; pre: string; post: string; start: number; end: number; tags: ReadonlySet<string> };

export type Sentence = {
  /** Position among all sentences of the article, from 0. */
  index: number;
  paragraph: number;
  /** Where the quote sits in the article text: `text.slice(start, end) === quote`. */
  start: number;
  end: number;
  /** The sentence exactly as the article has it (may hold Markdown or a line break). */
  quote: string;
  /** The sentence with Markdown removed and line breaks as spaces; tokens point into it. */
  text: string;
  tokens: Token[];
  words: number;
  skip: SkipReason | null;
};

type BlockKind = "prose" | "heading" | "caption" | "other";
type Block = { kind: BlockKind; start: number; end: number; lines: number };
type Line = {
  start: number;
  end: number;
  text: string;
  kind: LineKind;
};
type LineKind = "prose" | "list" | "heading" | "caption" | "image" | "other" | "underline";

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const CREDIT =
  /\((?:credit|photo|image|picture|source|courtesy)\b[^)]*\)|\b(?:photo|image|picture) (?:by|credit|courtesy)\b|^(?:photo|image|picture|credit):|getty images|\/(?:reuters|ap|afp)\b/i;
// News photo captions end on a dateline: "... hold a meeting in Watford, Britain, December 4, 2019."
const CAPTION_DATELINE = new RegExp(`,\\s+(?:${MONTHS})\\s+\\d{1,2},\\s+\\d{4}\\.?$`);
const MAX_SENTENCE_WORDS = 70;
const MIN_SENTENCE_WORDS = 6;

/** Every sentence of the article, in order, with skip reasons for headings, captions and fragments. */
export function splitSentences(text: string, paragraphs: Paragraph[]): Sentence[] {
  const lines = classifyLines(text, paragraphs);
  const sentences: Sentence[] = [];
  for (const paragraph of paragraphs) {
    for (const block of blocksOf(lines.get(paragraph.index) ?? [])) {
      if (block.kind === "prose") {
        sentences.push(...proseSentences(text, block, paragraph.index, sentences.length));
      } else if (block.kind === "caption") {
        // Captions are analysed (the people they name can be distractors) but never quoted.
        for (const sentence of proseSentences(text, block, paragraph.index, sentences.length))
          sentences.push({ ...sentence, skip: "photo caption" });
      } else {
        const reason: SkipReason = block.kind === "heading" ? "heading" : "code, table or image";
        const raw = text.slice(block.start, block.end);
        const { text: clean } = stripInlineMarkdown(raw);
        const offset = raw.length - raw.trimStart().length;
        sentences.push({
          index: sentences.length,
          paragraph: paragraph.index,
          start: block.start + offset,
          end: block.start + raw.trimEnd().length,
          quote: raw.trim(),
          text: collapseSpaces(clean),
          tokens: [],
          words: wordCount(clean),
          skip: reason,
        });
      }
    }
  }
  return sentences;
}

function classifyLines(text: string, paragraphs: Paragraph[]): Map<number, Line[]> {
  const syntax = markdownLineKinds(text);
  const all: Array<Line & { paragraph: number }> = [];
  for (const paragraph of paragraphs) {
    let start = paragraph.start;
    // Paragraphs are slices of `text`, so a line's number is the count of line breaks before it.
    let lineNumber = lineNumberAt(text, paragraph.start);
    for (const lineText of paragraph.text.split("\n")) {
      const end = start + lineText.length;
      const trimmed = lineText.trim();
      let kind: Line["kind"] = trimmed === "" ? "other" : (syntax.get(lineNumber) ?? "prose");
      if ((kind === "prose" || kind === "list") && CREDIT.test(trimmed)) kind = "caption";
      all.push({ start, end, text: lineText, kind, paragraph: paragraph.index });
      start = end + 1;
      lineNumber += 1;
    }
  }

  // A line printed twice (or once more with a credit) is a photo caption, not part of the story.
  const keys = all.map((line) => fold(line.text));
  all.forEach((line, i) => {
    const key = keys[i] ?? "";
    if (line.kind !== "prose" || wordCount(key) < 5) return;
    const repeated = keys.some(
      (other, j) =>
        j !== i && (other === key || other.startsWith(key) || key.startsWith(other)) && wordCount(other) >= 5,
    );
    if (repeated) line.kind = "caption";
  });
  all.forEach((line, i) => {
    const previous = all[i - 1];
    const next = all[i + 1];
    // A short unpunctuated line between sentences is a heading even without blank lines around it.
    const trimmed = line.text.trim();
    if (
      line.kind === "prose" &&
      next?.paragraph === line.paragraph &&
      /^[A-Z0-9]/.test(next.text.trim()) &&
      (previous === undefined || previous.paragraph !== line.paragraph || /[.!?:"”’)]$/.test(previous.text.trim())) &&
      !/[.!?:;,"”’)]$/.test(trimmed) &&
      wordCount(trimmed) <= 8
    ) {
      line.kind = "heading";
    }
    if (line.kind === "underline" && previous && previous.paragraph === line.paragraph) previous.kind = "heading";
    // The line under an image is its caption.
    if (line.kind === "prose" && previous && previous.paragraph === line.paragraph && previous.kind === "image")
      line.kind = "caption";
  });

  const byParagraph = new Map<number, Line[]>();
  for (const line of all) byParagraph.set(line.paragraph, [...(byParagraph.get(line.paragraph) ?? []), line]);
  for (const [index, paragraphLines] of byParagraph) {
    const content = paragraphLines.filter(
      (line) => line.kind !== "other" && line.kind !== "image" && line.kind !== "underline",
    );
    const only = content.length === 1 ? content[0] : undefined;
    if (only && only.kind === "prose") {
      const trimmed = only.text.trim();
      // A lone line without closing punctuation is a heading; a lone line ending on a dateline, a caption.
      if (!/[.!?:;…"”’')\]]$/.test(trimmed) && wordCount(trimmed) <= 15) only.kind = "heading";
      else if (CAPTION_DATELINE.test(trimmed)) only.kind = "caption";
    }
    byParagraph.set(index, paragraphLines);
  }
  return byParagraph;
}

function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line += 1;
  return line;
}

type MdNode = {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number }; end: { line: number } };
};

/**
 * The Markdown kind of each source line (numbered from 1, as mdast numbers them) that is not plain
 * prose, read from the CommonMark (and GFM table) tree of the whole article, parsed once: a
 * "# not a heading" line inside a fenced code block is code, a setext heading's underline belongs to
 * its heading, a wrapped list item is one item. Lines missing from the map are prose.
 */
function markdownLineKinds(text: string): Map<number, LineKind> {
  const kinds = new Map<number, LineKind>();
  const mark = (node: MdNode, kind: LineKind) => {
    if (!node.position) return;
    for (let line = node.position.start.line; line <= node.position.end.line; line++) kinds.set(line, kind);
  };
  const visit = (node: MdNode) => {
    const position = node.position;
    if (!position) return;
    switch (node.type) {
      case "heading":
        mark(node, "heading");
        // An ATX heading is one line; a longer one is setext, and its last line is the underline.
        if (position.end.line > position.start.line) kinds.set(position.end.line, "underline");
        return;
      case "code":
        // An indented block (no fence) is code to CommonMark, but articles pasted from a word
        // processor indent their paragraphs: only fenced code is taken for code.
        if (/^ {0,3}(?:```|~~~)/.test(text.split("\n", position.start.line)[position.start.line - 1] ?? ""))
          mark(node, "other");
        return;
      case "table":
      case "thematicBreak":
      case "html":
      case "definition":
        mark(node, "other");
        return;
      case "paragraph":
        markImageLines(node, kinds);
        return;
      case "listItem":
        // The item's first line starts a new block; its wrapped lines continue it as prose.
        for (const child of node.children ?? []) visit(child);
        if (kinds.get(position.start.line) === undefined) kinds.set(position.start.line, "list");
        return;
      default:
        for (const child of node.children ?? []) visit(child);
    }
  };
  // Tables are GitHub-flavoured Markdown, which the core CommonMark parser reads as text.
  visit(fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }) as MdNode);
  return kinds;
}

// A line of a paragraph that holds images and nothing else but spaces is an image (its caption may follow).
function markImageLines(paragraph: MdNode, kinds: Map<number, LineKind>) {
  const lines = new Map<number, { image: boolean; other: boolean }>();
  const note = (line: number, image: boolean) => {
    const seen = lines.get(line) ?? { image: false, other: false };
    if (image) seen.image = true;
    else seen.other = true;
    lines.set(line, seen);
  };
  for (const child of paragraph.children ?? []) {
    if (!child.position) continue;
    const { start, end } = child.position;
    // A text node runs on across line breaks (the one after an image, then its caption): only the
    // lines where it has words count.
    if (child.type === "text") {
      (child.value ?? "").split("\n").forEach((part, k) => part.trim() !== "" && note(start.line + k, false));
      continue;
    }
    if (child.type === "break") continue;
    for (let line = start.line; line <= end.line; line++)
      note(line, child.type === "image" || child.type === "imageReference");
  }
  for (const [line, seen] of lines) if (seen.image && !seen.other) kinds.set(line, "image");
}

function blocksOf(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  for (const line of lines) {
    if (line.kind === "underline") continue;
    const kind: BlockKind =
      line.kind === "prose" || line.kind === "list" ? "prose" : line.kind === "image" ? "other" : line.kind;
    const last = blocks[blocks.length - 1];
    // Wrapped lines continue a block; a list item starts a new one.
    const continues = kind === "other" || (kind === "prose" && line.kind !== "list");
    if (last && last.kind === kind && continues) {
      last.end = line.end;
      last.lines += 1;
    } else if (!(kind === "other" && line.text.trim() === "")) {
      blocks.push({ kind, start: line.start, end: line.end, lines: 1 });
    }
  }
  return blocks;
}

type SentenceJson = { offset: { start: number; length: number }; terms: TermJson[] };
type TermJson = { text: string; pre: string; post: string; tags: string[]; offset: { start: number; length: number } };

function proseSentences(text: string, block: Block, paragraph: number, firstIndex: number): Sentence[] {
  const mapped = stripInlineMarkdown(text.slice(block.start, block.end));
  const docs = nlp(mapped.text).json({ offset: true, terms: { offset: true } }) as SentenceJson[];
  const sentences: Sentence[] = [];
  let previousEnd = 0;
  for (const json of docs) {
    let cleanStart = json.offset.start;
    // compromise can count one character past the end when a sentence closes on a bracket.
    let cleanEnd = Math.min(json.offset.start + json.offset.length, mapped.text.length);
    while (cleanStart < cleanEnd && /\s/.test(mapped.text[cleanStart] ?? "")) cleanStart++;
    // compromise starts a sentence after its opening quotation mark; the quote keeps it.
    while (cleanStart > previousEnd && /[“"‘'(\[]/.test(mapped.text[cleanStart - 1] ?? "")) cleanStart--;
    previousEnd = Math.max(previousEnd, cleanEnd);
    while (cleanEnd > cleanStart && /\s/.test(mapped.text[cleanEnd - 1] ?? "")) cleanEnd--;
    if (cleanEnd <= cleanStart) continue;
    const start = block.start + (mapped.offsets[cleanStart] ?? 0);
    const end = block.start + (mapped.offsets[cleanEnd - 1] ?? 0) + 1;
    const clean = mapped.text.slice(cleanStart, cleanEnd);
    const tokens: Token[] = json.terms.map((term) => ({
      text: term.text,
      pre: term.pre,
      post: term.post,
      start: term.offset.start - cleanStart,
      end: term.offset.start - cleanStart + term.offset.length,
      tags: new Set(term.tags),
    }));
    const words = wordCount(clean);
    sentences.push({
      index: firstIndex + sentences.length,
      paragraph,
      start,
      end,
      quote: text.slice(start, end),
      text: clean,
      tokens,
      words,
      skip: sentenceSkip(clean, tokens, words, block),
    });
  }
  return sentences;
}

function sentenceSkip(clean: string, tokens: Token[], words: number, block: Block): SkipReason | null {
  if (/\?\s*["”’')\]]*$/.test(clean)) return "question, not a statement";
  if (words < MIN_SENTENCE_WORDS || !tokens.some((token) => token.tags.has("Verb")))
    return "fragment (too short or no verb)";
  if (words > MAX_SENTENCE_WORDS) return "too long to quote on a card";
  if (block.lines === 1 && CREDIT.test(clean)) return "photo caption";
  return null;
}
