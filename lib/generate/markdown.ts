/**
 * Markdown handling that keeps positions: cards quote the article verbatim, so every piece of
 * cleaned text must map back to where it sits in the original.
 */

/**
 * The article text of a Markdown or plain-text file, the same way `content/articles/*.md` bodies
 * are read: CRLF made LF, YAML front matter removed, leading and trailing blank lines dropped.
 *
 * @example stripFrontMatter("---\ntitle: NATO\n---\n\nText.\n") // "Text."
 */
export function stripFrontMatter(text: string): string {
  const lf = text.replace(/\r\n?/g, "\n");
  const frontMatter = /^---[ \t]*\n(?:[\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(lf);
  const body = frontMatter ? lf.slice(frontMatter[0].length) : lf;
  return body.replace(/^(?:[ \t]*\n)+/, "").replace(/(?:\n[ \t]*)+$/, "");
}

/** Text with inline Markdown removed; `offsets[i]` is where `text[i]` sits in the raw string. */
export type MappedText = { text: string; offsets: number[] };

// Each pattern marks characters to drop; the characters kept are never rewritten, except that line
// breaks become spaces (a hard-wrapped line is not a sentence break), so offsets stay exact.
const DROPPED_WHOLE = [
  /!\[[^\]\n]*\]\([^)\n]*\)/g, // images
  /\[\^[^\]\n]+\]/g, // footnote references
  /<\/?[A-Za-z][^<>\n]*>/g, // HTML tags
];

/**
 * Removes inline Markdown (emphasis, code ticks, links, images, HTML tags, escapes, line-start
 * markers of quotes and lists) from `raw`, keeping a map back to raw positions.
 */
export function stripInlineMarkdown(raw: string): MappedText {
  const drop = new Uint8Array(raw.length);
  const mark = (start: number, end: number) => drop.fill(1, start, end);

  for (const pattern of DROPPED_WHOLE) {
    for (const match of raw.matchAll(pattern)) mark(match.index, match.index + match[0].length);
  }
  for (const match of raw.matchAll(/\[([^\]\n]+)\](\([^)\n]*\)|\[[^\]\n]*\])/g)) {
    if (drop[match.index]) continue;
    const label = match[1] ?? "";
    mark(match.index, match.index + 1);
    mark(match.index + 1 + label.length, match.index + match[0].length);
  }
  for (const match of raw.matchAll(/(^|\n)([ \t]*(?:>[ \t]?)+|[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+)/g)) {
    const start = match.index + (match[1] ?? "").length;
    mark(start, start + (match[2] ?? "").length);
  }
  for (const match of raw.matchAll(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g)) {
    mark(match.index, match.index + 2);
    mark(match.index + match[0].length - 2, match.index + match[0].length);
  }
  for (const match of raw.matchAll(/(?<![\p{L}\p{N}*_])([*_])(?=[^\s*_])([^\n*_]*?[^\s*_])\1(?![\p{L}\p{N}*_])/gu)) {
    mark(match.index, match.index + 1);
    mark(match.index + match[0].length - 1, match.index + match[0].length);
  }
  for (const match of raw.matchAll(/`+/g)) mark(match.index, match.index + match[0].length);
  for (const match of raw.matchAll(/\\(?=[\\`*_{}[\]()#+\-.!>])/g)) mark(match.index, match.index + 1);

  let text = "";
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (drop[i]) continue;
    const char = raw[i] as string;
    text += char === "\n" || char === "\r" ? " " : char;
    offsets.push(i);
  }
  offsets.push(raw.length);
  return { text, offsets };
}
