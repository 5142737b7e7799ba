// `deck import <file.apkg|file.csv>` and `deck export <slug> --format apkg|csv --out <file>`.
import fs from "node:fs";
import { db } from "../../lib/db";
import { exportDeckAs } from "../../lib/interop/export-file";
import { prepareImport, storeImport, type ImportResult } from "../../lib/interop/import-file";
import { MAX_IMPORT_BYTES } from "../../lib/interop/limits";
import { ImportFileError } from "../../lib/interop/errors";

export type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

/** One line a teacher can read: what came in, what was left out and why. */
export function describeImport(result: ImportResult): string {
  const parts = [`${result.byKind.basic} basic, ${result.byKind.cloze} cloze`];
  const skipped = result.skipped.reduce((sum, s) => sum + s.count, 0);
  if (skipped > 0)
    parts.push(`${skipped} skipped: ${result.skipped.map((s) => `${s.count} × ${s.reason}`).join("; ")}`);
  if (result.mediaSkipped > 0) parts.push(`${result.mediaSkipped} media files not imported`);
  if (result.statesImported > 0)
    parts.push(`history of ${result.statesImported} cards, ${result.reviewsImported} reviews`);
  return `Imported ${result.slug}: ${result.cards} cards (${parts.join("; ")}).`;
}

export async function runDeckImportFile(
  file: string,
  ownerId: string | null,
  isPublic: boolean,
  io: Io,
): Promise<number> {
  const size = fs.statSync(file).size;
  if (size > MAX_IMPORT_BYTES) {
    throw new ImportFileError(
      `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; Clio imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      "import_too_large",
      file,
    );
  }
  const prepared = await prepareImport(new Uint8Array(fs.readFileSync(file)), file);
  // The review history is the owner's own: with no owner there is nobody to give it to.
  const result = await storeImport(prepared, { ownerId, historyUserId: ownerId }, new Date());
  // A new deck is created private (as a teacher's import on the web is); --public lists it for everyone.
  if (isPublic) await db.deck.update({ where: { id: result.deckId }, data: { isPublic: true } });
  io.stdout(`${describeImport(result)}\n`);
  return 0;
}

export async function runDeckExportFile(
  slug: string,
  format: string,
  out: string | undefined,
  io: Io,
): Promise<number> {
  if (format !== "apkg" && format !== "csv") {
    io.stderr(`--format must be apkg or csv (not "${format}"); --json prints the deck file.\n`);
    return 2;
  }
  if (!out) {
    io.stderr("deck export --format needs --out <file>.\n");
    return 2;
  }
  const exported = await exportDeckAs("operator", slug, format, new Date());
  fs.writeFileSync(out, exported.bytes);
  io.stdout(`Exported ${slug} to ${out} (${format}, ${exported.bytes.length} bytes).\n`);
  return 0;
}
