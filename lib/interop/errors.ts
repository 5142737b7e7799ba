import { InvalidError } from "@/lib/errors";

/**
 * Why a file cannot be imported. Every case is refused before anything is written, with a message
 * the teacher can act on; clients switch on the code.
 */
export type ImportErrorCode =
  | "import_too_large"
  | "import_not_a_zip"
  | "import_no_collection"
  | "import_unknown_schema"
  | "import_newer_anki_format"
  | "import_not_sqlite"
  | "import_csv_columns"
  | "import_csv_unreadable"
  | "import_empty_deck"
  | "import_script_in_html"
  | "import_unknown_format";

export class ImportFileError extends InvalidError<{ file: string }> {
  constructor(
    message: string,
    readonly code: ImportErrorCode,
    file: string,
  ) {
    super(message, code, { file });
  }
}
