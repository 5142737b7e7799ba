import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "@/lib/classes/csv";
import { parseCsv } from "./parse-csv";

describe("CSV fields", () => {
  it("quote commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("Lima, Ana")).toBe('"Lima, Ana"');
    expect(csvField('Ana "Nan" Lima')).toBe('"Ana ""Nan"" Lima"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rlf")).toBe('"cr\rlf"');
  });

  it("keep formulas from running in spreadsheets, and write numbers and blanks as they are", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@sum")).toBe("'@sum");
    expect(csvField(-2)).toBe("-2");
    expect(csvField(62.5)).toBe("62.5");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("make a document with a byte-order mark and CRLF line ends", () => {
    const text = toCsv([
      ["a", "b"],
      ["c,d", 1],
    ]);
    expect(text).toBe('\uFEFFa,b\r\n"c,d",1\r\n');
    expect(parseCsv(text.slice(1))).toEqual([
      ["a", "b"],
      ["c,d", "1"],
    ]);
  });
});
