import { randomUUID } from "node:crypto";
import { checkDeck } from "@/lib/content/check";
import { normalizeDeck } from "@/lib/content/load";
import { slugify, syncUnderNewSlug } from "@/lib/content/publish";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { readApkg } from "./anki/read";
import { readCsv, type CsvColumns } from "./csv";
import { ImportFileError } from "./errors";
import { replayHistory } from "./history";
import { isWrongAnswer } from "@/lib/study/rows";
import { SkipTally, type ImportedDeck } from "./imported-deck";
import { MAX_IMPORT_BYTES } from "./limits";
import { toDeckFile } from "./to-deck-file";

export type ImportFormat = "apkg" | "csv";

/** The format a file name says, or null (JSON decks go through lib/content/import.ts). */
export function importFormatOf(fileName: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith(".apkg") || name.endsWith(".colpkg")) return "apkg";
  if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) return "csv";
  return null;
}

export type ImportPreview = {
  title: string;
  format: ImportFormat;
  cards: number;
  byKind: { basic: number; cloze: number };
  /** The first cards, as they will be created. */
  sample: { kind: "basic" | "cloze"; prompt: string; answer: string; tags: string[] }[];
  skipped: { reason: string; count: number; examples: string[] }[];
  mediaSkipped: number;
  /** Cards that bring review history (Anki revlog) or an Anki schedule. */
  withHistory: number;
};

export type PreparedImport = { imported: ImportedDeck; preview: ImportPreview };

/**
 * Reads and checks a file without writing anything: the cards it gives, what it skips and why.
 * Cards that break a Clio rule (a cloze answer not in its sentence...) are skipped with the rule's words.
 *
 * @throws ImportFileError for a file that cannot be imported at all.
 */
export async function prepareImport(
  bytes: Uint8Array,
  fileName: string,
  columns: CsvColumns = {},
): Promise<PreparedImport> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportFileError(
      `${fileName} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; Clio imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      "import_too_large",
      fileName,
    );
  }
  const format = importFormatOf(fileName);
  if (!format) {
    throw new ImportFileError(
      `${fileName}: Clio imports Anki packages (.apkg, .colpkg) and CSV files (.csv).`,
      "import_unknown_format",
      fileName,
    );
  }
  const read =
    format === "apkg" ? await readApkg(bytes, fileName) : readCsv(new TextDecoder().decode(bytes), fileName, columns);
  const imported = dropCardsBreakingRules(read);
  const cards = imported.cards;
  return {
    imported,
    preview: {
      title: imported.title,
      format,
      cards: cards.length,
      byKind: {
        basic: cards.filter((c) => c.kind === "basic").length,
        cloze: cards.filter((c) => c.kind === "cloze").length,
      },
      sample: cards.slice(0, 5).map((c) => ({ kind: c.kind, prompt: c.prompt, answer: c.answer, tags: c.tags })),
      skipped: imported.skipped,
      mediaSkipped: imported.mediaSkipped,
      withHistory: cards.filter((c) => c.reviews.length > 0 || c.schedule).length,
    },
  };
}

function dropCardsBreakingRules(imported: ImportedDeck): ImportedDeck {
  const { file, article } = toDeckFile(imported, "import-check");
  const problems = checkDeck(file, article, { deckFile: "import", articleFile: "import" });
  if (problems.length === 0) return imported;
  const bad = new Map(problems.filter((p) => p.cardId).map((p) => [p.cardId!, p.message]));
  const skipped = new SkipTally();
  for (const s of imported.skipped)
    for (let i = 0; i < s.count; i++) skipped.add(s.reason, s.examples[i] ?? s.examples[0] ?? "");
  const kept = imported.cards.filter((card, index) => {
    const message = bad.get(file.cards[index]!.id);
    if (message) skipped.add(message, card.prompt);
    return !message;
  });
  if (kept.length === 0) {
    throw new ImportFileError(
      `The file has no card Clio can import (skipped: ${skipped
        .list()
        .map((s) => `${s.count} × ${s.reason}`)
        .join("; ")}).`,
      "import_empty_deck",
      "import",
    );
  }
  return { ...imported, cards: kept, skipped: skipped.list() };
}

export type ImportResult = ImportPreview & {
  slug: string;
  deckId: string;
  reviewsImported: number;
  statesImported: number;
};

/**
 * Creates a new deck from a prepared import, owned by `ownerId` (a teacher), under the first free slug
 * made from its title. With `historyUserId`, the Anki review history becomes that user's review log
 * and card states (the importing teacher's own progress).
 */
export async function storeImport(
  prepared: PreparedImport,
  options: { ownerId: string | null; historyUserId?: string | null; title?: string },
  now: Date,
): Promise<ImportResult> {
  const imported = options.title?.trim() ? { ...prepared.imported, title: options.title.trim() } : prepared.imported;
  const base = slugify(imported.title);
  const { file, article, sources } = toDeckFile(imported, base);
  const loaded = normalizeDeck(file, article, { deckFile: "import", articleFile: "import" });
  const { deckId, slug } = await syncUnderNewSlug(loaded, options.ownerId, now);

  const rows = await db.card.findMany({ where: { deckId }, select: { id: true, externalId: true } });
  let reviewsImported = 0;
  let statesImported = 0;
  await db.$transaction(async (tx) => {
    // Cards sharing a tag list are tagged in one statement: a deck has few distinct lists, and many cards.
    const byTags = new Map<string, string[]>();
    for (const row of rows) {
      const source = sources.get(row.externalId);
      if (!source) continue;
      if (source.tags.length > 0) {
        const key = JSON.stringify(source.tags);
        byTags.set(key, [...(byTags.get(key) ?? []), row.id]);
      }
      if (!options.historyUserId) continue;
      const history = replayHistory(source, now);
      if (!history) continue;
      const userId = options.historyUserId;
      // Imported reviews are self-graded (no checked answer): the wrong ones are the "again"s.
      const wrongCount = history.reviews.filter((r) => isWrongAnswer({ correct: null, rating: r.rating })).length;
      await tx.cardState.create({ data: { userId, cardId: row.id, deckId, ...history.state, wrongCount } });
      statesImported += 1;
      if (history.reviews.length === 0) continue;
      await tx.reviewLog.createMany({
        data: history.reviews.map((review) => {
          return {
            clientReviewId: randomUUID(),
            userId,
            cardId: row.id,
            deckId,
            rating: review.rating,
            stateBefore: review.stateBefore,
            stateAfter: review.after.state,
            elapsedDays: review.after.elapsedDays,
            scheduledDays: review.after.scheduledDays,
            dueAfter: review.after.due,
            stabilityAfter: review.after.stability,
            difficultyAfter: review.after.difficulty,
            lapsesAfter: review.after.lapses,
            reviewedAt: review.reviewedAt,
          };
        }),
      });
      reviewsImported += history.reviews.length;
    }
    for (const [tags, ids] of byTags) {
      await tx.card.updateMany({ where: { id: { in: ids } }, data: { tags: JSON.parse(tags) as string[] } });
    }
  });
  return { ...prepared.preview, title: imported.title, slug, deckId, reviewsImported, statesImported };
}

export type ImportingUser = { id: string; role: "student" | "teacher" };
export type UploadedDeckFile = { name: string; bytes: Uint8Array };

function requireTeacherRole(user: ImportingUser): void {
  if (user.role !== "teacher")
    throw new ForbiddenError(
      "Only teachers import decks; students can export their progress from a deck's page.",
      "teacher_only",
    );
}

/** What a teacher's file would import (nothing is written). @throws ForbiddenError for a student. */
export async function previewDeckFile(
  user: ImportingUser,
  file: UploadedDeckFile,
  columns: CsvColumns = {},
): Promise<ImportPreview> {
  requireTeacherRole(user);
  return (await prepareImport(file.bytes, file.name, columns)).preview;
}

/**
 * Imports a teacher's file as a new deck they own; the file's Anki history becomes their own.
 * @throws ForbiddenError for a student, ImportFileError for a file that cannot be imported.
 */
export async function importDeckFile(
  user: ImportingUser,
  file: UploadedDeckFile,
  options: { columns?: CsvColumns; title?: string },
  now: Date,
): Promise<ImportResult> {
  requireTeacherRole(user);
  const prepared = await prepareImport(file.bytes, file.name, options.columns ?? {});
  return storeImport(prepared, { ownerId: user.id, historyUserId: user.id, title: options.title }, now);
}
