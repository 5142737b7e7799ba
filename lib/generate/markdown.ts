import { fromMarkdown } from "mdast-util-from-markdown";

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
type MdNode = {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
};

export function stripFrontMatter(text: string): string {
  const lf = text.replace(/\r\n?/g, "\n");
  const frontMatter = /^---[ \t]*\n(?:[\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(lf);
  const body = frontMatter ? lf.slice(frontMatter[0].length) : lf;
  return body.replace(/^(?:[ \t]*\n)+/, "").replace(/(?:\n[ \t]*)+$/, "");
}

/** Text with inline Markdown removed; `offsets[i]` is where `text[i]` sits in the raw string. */
export type MappedText = { text: string; offsets: number[] };

// Footnote references ("[^1]") are GitHub-flavoured Markdown, which the CommonMark parser leaves as text.
const FOOTNOTE_REFERENCE = /\[\^[^\]\n]+\]/g;

/**
 * Removes inline Markdown (emphasis, code ticks, links, images, HTML, escapes, line-start markers of
 * quotes and lists) from `raw`, keeping a map back to raw positions. The Markdown is parsed by
 * mdast-util-from-markdown (micromark, CommonMark): only the characters of its text and inline-code
 * nodes are kept; every marker, URL, image and tag is dropped. The characters kept are never
 * rewritten, except that line breaks become spaces (a hard-wrapped line is not a sentence break).
 */
export function stripInlineMarkdown(raw: string): MappedText {
  const drop = new Uint8Array(raw.length).fill(1);
  const keep = (start: number, end: number, value: string) => {
    // A node's value can be shorter than its source (an escape's backslash, an entity, the indent of
    // a wrapped line): walk both and keep the source characters that the value holds.
    let j = 0;
    for (let i = start; i < end && j < value.length; i++) {
      if (raw[i] === value[j] || (/\s/.test(raw[i] ?? "") && /\s/.test(value[j] ?? ""))) {
        drop[i] = 0;
        j++;
      }
    }
  };
  const visit = (node: MdNode) => {
    if (node.type === "image" || node.type === "imageReference" || node.type === "html") return;
    // An indented line parses as code; in an article's prose it is text all the same.
    const literal = node.type === "text" || node.type === "inlineCode" || node.type === "code";
    if (literal && node.position && typeof node.value === "string") {
      const start = node.position.start.offset ?? 0;
      const end = node.position.end.offset ?? start;
      if (node.type !== "text") {
        const inner = raw.indexOf(node.value, start);
        if (inner >= 0 && inner < end) keep(inner, inner + node.value.length, node.value);
      } else keep(start, end, node.value);
      return;
    }
    if (node.type === "break" && node.position) {
      // A hard break ("two spaces, newline") reads as a space.
      const end = node.position.end.offset ?? 0;
      if (raw[end - 1] === "\n") drop[end - 1] = 0;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(fromMarkdown(raw) as MdNode);
  // Every line break stays (as a space): between list items or quoted lines it separates words.
  for (let i = 0; i < raw.length; i++) if (raw[i] === "\n") drop[i] = 0;
  for (const match of raw.matchAll(FOOTNOTE_REFERENCE)) drop.fill(1, match.index, match.index + match[0].length);

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
