import { describe, expect, it } from "vitest";
import { readCsv, writeCsv } from "@/lib/interop/csv";
import { ImportFileError } from "@/lib/interop/errors";
import { MAX_IMPORT_BYTES } from "@/lib/interop/limits";

function csvError(run: () => unknown): ImportFileError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  }
  throw new Error("expected an ImportFileError");
}

describe("CSV import", () => {
  it("finds the question and answer columns by their header, with quoted commas and line breaks", () => {
    const deck = readCsv(
      'Question,Answer,Tags\n"Who, in 1990?","James Baker\nand others",nato history\nEmpty,,\n',
      "nato.csv",
    );
    expect(deck.title).toBe("nato");
    expect(deck.cards.map((c) => [c.prompt, c.answer, c.tags])).toEqual([
      ["Who, in 1990?", "James Baker\nand others", ["nato", "history"]],
    ]);
    expect(deck.skipped).toEqual([{ reason: "an empty answer", count: 1, examples: ["row 3"] }]);
  });

  it("uses the columns the teacher chose", () => {
    const deck = readCsv("term;definition;english\nKyiv;capital;Kiev\n", "words.csv", {
      front: "english",
      back: "term",
    });
    expect(deck.cards.map((c) => [c.prompt, c.answer])).toEqual([["Kiev", "Kyiv"]]);
  });

  it("reads cloze questions as cloze cards", () => {
    const deck = readCsv("front,back\n{{c1::Kyiv}} is a capital,\n", "c.csv");
    expect(deck.cards.map((c) => [c.kind, c.prompt, c.answer])).toEqual([["cloze", "____ is a capital", "Kyiv"]]);
  });

  it("refuses a CSV without the columns, naming what it found", () => {
    const error = csvError(() => readCsv("name,age\nAda,36\n", "people.csv"));
    expect(error.code).toBe("import_csv_columns");
    expect(error.message).toContain('"name", "age"');
    expect(csvError(() => readCsv("front,back\nQ,A\n", "x.csv", { front: "Frage" })).message).toContain(
      'the question column "Frage"',
    );
  });

  it("refuses a CSV with a header and no cards", () => {
    expect(csvError(() => readCsv("front,back\n", "empty.csv")).code).toBe("import_empty_deck");
  });

  it("refuses a script in a cell", () => {
    expect(csvError(() => readCsv('front,back\n"<script>alert(1)</script>",A\n', "s.csv")).code).toBe(
      "import_script_in_html",
    );
  });

  it("refuses a CSV over the size limit", () => {
    expect(csvError(() => readCsv("a".repeat(MAX_IMPORT_BYTES + 1), "big.csv")).code).toBe("import_too_large");
  });
});

describe("CSV export", () => {
  it("writes a header row and reads back as the same cards, formulas defused", () => {
    const text = writeCsv([
      {
        front: "Who, when?",
        back: 'Baker, "1990"',
        type: "basic",
        explanation: "Because",
        quote: "q",
        tags: ["a", "b"],
      },
      { front: "=1+1", back: "2", type: "basic", explanation: "", quote: "", tags: [] },
    ]);
    expect(text.split("\r\n")[0]).toBe("front,back,type,explanation,quote,tags");
    const deck = readCsv(text, "back.csv");
    expect(deck.cards.map((c) => [c.prompt, c.answer, c.explanation, c.tags])).toEqual([
      ["Who, when?", 'Baker, "1990"', "Because", ["a", "b"]],
      ["'=1+1", "2", "", []],
    ]);
  });
});
