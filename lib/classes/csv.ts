// Pure: RFC 4180 CSV, safe to open in a spreadsheet.

const NEEDS_QUOTES = /[",\r\n]/;
// A cell that starts like a formula runs as one in Excel, LibreOffice and Google Sheets (CSV
// injection, OWASP): a student named "=HYPERLINK(...)" must stay text. Such text cells get a
// leading apostrophe, which spreadsheets hide; numbers are written as they are.
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null;

/** One field: numbers as written, null as empty, text neutralised and quoted when needed. */
export function csvField(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document: CRLF line endings (RFC 4180) and a UTF-8 byte-order mark, without which
 * Excel reads accented names as Latin-1.
 *
 * @example
 * toCsv([["name", "reviews"], ['Ana "Nan" Lima', 12]]); // '\uFEFFname,reviews\r\n"Ana ""Nan"" Lima",12\r\n'
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}
