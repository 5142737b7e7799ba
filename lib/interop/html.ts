/**
 * Anki fields are HTML. Clio stores and shows plain text only (React escapes it), so a field is
 * reduced to its text: tags dropped, entities decoded, media references counted and left out.
 * A field with a script (or an inline event handler) refuses the whole file instead: an Anki deck
 * that runs code is not one a teacher should hand to a class, and silently dropping the code would
 * hide what the file meant to do.
 */

// Inside a tag only: plain text such as "one = 1" or "javascript: a language" is not code.
const SCRIPT = /<\s*script\b|<[^>]*\son[a-z]+\s*=|<[^>]*(?:href|src|action)\s*=\s*["']?\s*javascript:/i;

export function hasScript(html: string): boolean {
  return SCRIPT.test(html);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  copy: "©",
  reg: "®",
  deg: "°",
  times: "×",
  divide: "÷",
  middot: "·",
  bull: "•",
  euro: "€",
  pound: "£",
  shy: "",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Media an Anki field points at: images, audio and video tags, and `[sound:...]`. */
const MEDIA = /<\s*(img|audio|video|source|object|embed)\b[^>]*>|\[sound:[^\]]*\]/gi;

export type FieldText = { text: string; media: number };

/** The field's text, lines kept (block tags and <br> become line breaks), spaces collapsed. */
export function htmlToText(html: string): FieldText {
  let media = 0;
  const text = decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<\s*(style|head|title)\b[\s\S]*?<\s*\/\s*\1\s*>/gi, "")
      .replace(MEDIA, () => {
        media += 1;
        return " ";
      })
      .replace(/<\s*br\s*\/?>/gi, "\n")
      .replace(/<\s*\/?\s*(div|p|li|ul|ol|tr|h[1-6]|blockquote|pre)\b[^>]*>/gi, "\n")
      .replace(/<[^>]*>/g, ""),
  )
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0\r\f\v]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
  return { text, media };
}
