import Papa from "papaparse";
import { ImportFileError } from "./errors";
import { hasScript, htmlToText } from "./html";
import { SkipTally, type ImportedCard, type ImportedDeck } from "./imported-deck";
import { MAX_IMPORT_BYTES, MAX_IMPORT_CARDS } from "./limits";
import { emptyDeck, fileStem, tooLarge } from "./anki/read";
import { hasCloze, splitCloze } from "./cloze";

/** Header names recognised for each column, compared without case or surrounding spaces. */
const FRONT_NAMES = ["front", "question", "prompt", "term", "q"];
const BACK_NAMES = ["back", "answer", "definition", "a"];
const EXPLANATION_NAMES = ["explanation", "extra", "notes", "note"];
const TAG_NAMES = ["tags", "tag"];

export type CsvColumns = { front?: string; back?: string };

/**
 * A CSV with a header row: the question and answer columns are the ones named (`columns`) or else
 * found by their header (front/question/prompt/term, back/answer/definition); "explanation" and
 * "tags" columns are used when present. A question written with `{{c1::...}}` becomes cloze cards.
 * Cells may hold HTML (as Anki's text export writes it): reduced to text like an .apkg's fields.
 *
 * @throws ImportFileError when the columns cannot be found, the file is not CSV, or nothing is left.
 */
export function readCsv(text: string, file: string, columns: CsvColumns = {}): ImportedDeck {
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_IMPORT_BYTES) throw tooLarge(file, size);
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim(),
  });
  const headers = parsed.meta.fields ?? [];
  const find = (chosen: string | undefined, names: string[]) =>
    chosen !== undefined
      ? headers.find((h) => h === chosen.trim())
      : headers.find((h) => names.includes(h.toLowerCase()));
  const front = find(columns.front, FRONT_NAMES);
  const back = find(columns.back, BACK_NAMES);
  if (!front || !back) {
    const wanted = [
      !front
        ? columns.front
          ? `the question column "${columns.front}"`
          : `a question column (${FRONT_NAMES.join(", ")})`
        : null,
      !back
        ? columns.back
          ? `the answer column "${columns.back}"`
          : `an answer column (${BACK_NAMES.join(", ")})`
        : null,
    ].filter(Boolean);
    throw new ImportFileError(
      `${file} has no ${wanted.join(" and no ")}. Its header row reads: ${headers.length ? headers.map((h) => `"${h}"`).join(", ") : "(nothing)"}. ` +
        `Name the columns in the first row, or choose which column is the question and which the answer.`,
      "import_csv_columns",
      file,
    );
  }
  const explanation = headers.find((h) => EXPLANATION_NAMES.includes(h.toLowerCase()));
  const tagColumn = headers.find((h) => TAG_NAMES.includes(h.toLowerCase()));
  const skipped = new SkipTally();
  for (const error of parsed.errors)
    skipped.add(`a row CSV could not read (${error.message})`, `row ${(error.row ?? 0) + 2}`);
  let mediaSkipped = 0;
  const cards: ImportedCard[] = [];
  parsed.data.forEach((row, index) => {
    const line = index + 2;
    const raw = [row[front] ?? "", row[back] ?? "", explanation ? (row[explanation] ?? "") : ""];
    if (raw.some(hasScript)) {
      throw new ImportFileError(
        `${file} has a script in row ${line}. Clio never runs or keeps code from a deck: remove it and import again.`,
        "import_script_in_html",
        file,
      );
    }
    const [q, a, e] = raw.map(htmlToText) as [
      ReturnType<typeof htmlToText>,
      ReturnType<typeof htmlToText>,
      ReturnType<typeof htmlToText>,
    ];
    mediaSkipped += q.media + a.media + e.media;
    const tags = tagColumn ? (row[tagColumn] ?? "").split(/[\s,;]+/).filter(Boolean) : [];
    const common = { explanation: e.text, tags, reviews: [], schedule: null, memory: null };
    if (hasCloze(q.text)) {
      const split = splitCloze(q.text);
      for (const skip of split.skipped) skipped.add(skip.reason, `row ${line}`);
      for (const cloze of split.cards) {
        cards.push({
          sourceId: `row-${line}-c${cloze.number}`,
          kind: "cloze",
          prompt: cloze.prompt,
          answer: cloze.answer,
          source: split.source,
          ...common,
          explanation: [a.text, e.text].filter(Boolean).join("\n"),
        });
      }
      return;
    }
    if (!q.text) return skipped.add("an empty question", `row ${line}`);
    if (!a.text) return skipped.add("an empty answer", `row ${line}`);
    cards.push({
      sourceId: `row-${line}`,
      kind: "basic",
      prompt: q.text,
      answer: a.text,
      source: `${q.text} — ${a.text}`,
      ...common,
    });
  });
  if (cards.length === 0) throw emptyDeck(file, skipped.list());
  if (cards.length > MAX_IMPORT_CARDS) {
    throw new ImportFileError(
      `${file} has ${cards.length} cards; Clio imports up to ${MAX_IMPORT_CARDS} at once. Split the file.`,
      "import_too_large",
      file,
    );
  }
  return { title: fileStem(file), format: "csv", cards, skipped: skipped.list(), mediaSkipped };
}

/** One exported card: the columns a CSV export writes, in order. */
export type CsvCard = { front: string; back: string; type: string; explanation: string; quote: string; tags: string[] };

export const CSV_EXPORT_COLUMNS = ["front", "back", "type", "explanation", "quote", "tags"] as const;

/** A deck's cards as CSV with a header row; `readCsv` reads it back (front/back/explanation/tags). */
export function writeCsv(cards: CsvCard[]): string {
  return Papa.unparse(
    {
      fields: [...CSV_EXPORT_COLUMNS],
      data: cards.map((c) => [c.front, c.back, c.type, c.explanation, c.quote, c.tags.join(" ")]),
    },
    // Cells starting with = + - @ are quoted with a leading ' so a spreadsheet never runs them as formulas.
    { escapeFormulae: true, newline: "\r\n" },
  );
}
