import { unzipSync } from "fflate";
import { decompress as zstdDecompress } from "fzstd";
import type { Database } from "sql.js";
import type { Rating } from "@/lib/srs";
import { hasCloze, splitCloze } from "../cloze";
import { ImportFileError } from "../errors";
import { hasScript, htmlToText } from "../html";
import { SkipTally, type ImportedCard, type ImportedDeck, type ImportedReview } from "../imported-deck";
import { MAX_IMPORT_BYTES, MAX_IMPORT_CARDS } from "../limits";
import { hasTable, isSqlite, loadSqlJs, queryRows } from "../sqlite";
import { readVarintField } from "./protobuf";

/**
 * Reads an Anki package (.apkg, or a whole-collection .colpkg) into plain cards. Three collection
 * files exist: `collection.anki2` (schema 11, Anki before 2.1.28), `collection.anki21` (the same
 * schema, 2.1.28 to 2.1.49) and `collection.anki21b` (zstd-compressed SQLite at schema 17/18, note
 * types in their own tables; Anki 2.1.50+). A newer package also carries a stub `collection.anki2`
 * telling old Anki versions to update, so the newest file present wins.
 *
 * @throws ImportFileError (not a zip, no collection, an unknown version, a script in a field, no cards).
 */
export async function readApkg(bytes: Uint8Array, file: string): Promise<ImportedDeck> {
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(file, bytes.length);
  const entries = unzip(bytes, file);
  const collection = collectionBytes(entries, file);
  const SQL = await loadSqlJs();
  const db = new SQL.Database(collection);
  try {
    return readCollection(db, file, fileStem(file));
  } finally {
    db.close();
  }
}

/** Anki's SQLite schema versions this reader knows: 11 (legacy) to 18 (Anki 2.1.50 and later). */
const KNOWN_SCHEMAS = { min: 11, max: 18 };
/** PackageMetadata.Version: 1 legacy .anki2, 2 legacy .anki21, 3 zstd .anki21b. */
const NEWEST_PACKAGE_VERSION = 3;

export function tooLarge(file: string, size: number): ImportFileError {
  return new ImportFileError(
    `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; Clio imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. ` +
      `Export it from Anki without media (uncheck "Include media"), or split the deck.`,
    "import_too_large",
    file,
  );
}

function unzip(bytes: Uint8Array, file: string): Record<string, Uint8Array> {
  const notZip = () =>
    new ImportFileError(
      `${file} is not an Anki package: an .apkg file is a zip archive, and this one is not. Export the deck again from Anki (File › Export › Anki Deck Package).`,
      "import_not_a_zip",
      file,
    );
  // "PK\x03\x04" (or an empty archive's "PK\x05\x06"): checked first so a random file gets this message, not fflate's.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notZip();
  try {
    // Only the collection and meta are decompressed: media can be large and is skipped anyway.
    return unzipSync(bytes, { filter: (entry) => entry.name.startsWith("collection.") || entry.name === "meta" });
  } catch {
    throw notZip();
  }
}

function collectionBytes(entries: Record<string, Uint8Array>, file: string): Uint8Array {
  const meta = entries.meta;
  if (meta) {
    let version: number | null = null;
    try {
      version = readVarintField(meta, 1);
    } catch {
      version = null;
    }
    if (version === null || version > NEWEST_PACKAGE_VERSION) {
      throw new ImportFileError(
        `${file} comes from an Anki version newer than Clio knows (package version ${version ?? "unreadable"}). Export it from Anki with "Support older Anki versions" checked.`,
        "import_unknown_schema",
        file,
      );
    }
  }
  const newest = entries["collection.anki21b"];
  if (newest) {
    let sqlite: Uint8Array;
    try {
      sqlite = zstdDecompress(newest);
    } catch {
      throw new ImportFileError(
        `${file} uses the newer Anki format and its collection could not be decompressed. Export it from Anki with "Support older Anki versions" checked.`,
        "import_newer_anki_format",
        file,
      );
    }
    return checkSqlite(sqlite, file);
  }
  const legacy = entries["collection.anki21"] ?? entries["collection.anki2"];
  if (!legacy) {
    throw new ImportFileError(
      `${file} is a zip archive but holds no Anki collection (collection.anki2, .anki21 or .anki21b). Export the deck from Anki as an "Anki Deck Package (.apkg)".`,
      "import_no_collection",
      file,
    );
  }
  return checkSqlite(legacy, file);
}

function checkSqlite(bytes: Uint8Array, file: string): Uint8Array {
  if (!isSqlite(bytes)) {
    throw new ImportFileError(
      `${file} holds a collection file that is not an Anki database. Export the deck from Anki again.`,
      "import_no_collection",
      file,
    );
  }
  return bytes;
}

type NoteType = { kind: "normal" | "cloze"; name: string; fieldNames: string[] };

function readCollection(db: Database, file: string, fallbackTitle: string): ImportedDeck {
  if (!hasTable(db, "col") || !hasTable(db, "notes") || !hasTable(db, "cards")) {
    throw new ImportFileError(`${file} holds a database that is not an Anki collection.`, "import_no_collection", file);
  }
  const col = queryRows(db, "select crt, ver, models, decks from col limit 1")[0];
  const version = Number(col?.ver);
  if (!col || !Number.isInteger(version) || version < KNOWN_SCHEMAS.min || version > KNOWN_SCHEMAS.max) {
    throw new ImportFileError(
      `${file} uses Anki collection schema ${col?.ver ?? "(none)"}; Clio reads schemas ${KNOWN_SCHEMAS.min} to ${KNOWN_SCHEMAS.max}. Export it from Anki with "Support older Anki versions" checked.`,
      "import_unknown_schema",
      file,
    );
  }
  const collectionCreated = Number(col.crt) * 1000;
  const noteTypes = hasTable(db, "notetypes") ? readNoteTypesTable(db) : readNoteTypesJson(String(col.models ?? "{}"));
  const deckNames =
    hasTable(db, "decks") && version >= 15 ? readDecksTable(db) : readDecksJson(String(col.decks ?? "{}"));

  const cardRows = queryRows(db, "select id, nid, did, ord, type, due, ivl, factor, reps, lapses, data from cards");
  const cardsByNote = new Map<number, typeof cardRows>();
  for (const card of cardRows) {
    const list = cardsByNote.get(Number(card.nid)) ?? [];
    list.push(card);
    cardsByNote.set(Number(card.nid), list);
  }
  const reviews = readRevlog(db);

  const skipped = new SkipTally();
  let mediaSkipped = 0;
  const cards: ImportedCard[] = [];
  const deckUse = new Map<number, number>();

  for (const note of queryRows(db, "select id, mid, tags, flds from notes order by id")) {
    const noteId = Number(note.id);
    const rawFields = String(note.flds ?? "").split("\x1f");
    if (rawFields.some(hasScript)) {
      throw new ImportFileError(
        `${file} has a note with a script in its HTML (note ${noteId}: "${htmlToText(rawFields[0] ?? "").text.slice(0, 60)}"). ` +
          `Clio never runs or keeps code from a deck: remove the script in Anki and export again.`,
        "import_script_in_html",
        file,
      );
    }
    const fields = rawFields.map(htmlToText);
    mediaSkipped += fields.reduce((sum, field) => sum + field.media, 0);
    const tags = String(note.tags ?? "")
      .split(/\s+/)
      .filter(Boolean);
    const noteType = noteTypes.get(Number(note.mid));
    const noteCards = cardsByNote.get(noteId) ?? [];
    for (const card of noteCards) deckUse.set(Number(card.did), (deckUse.get(Number(card.did)) ?? 0) + 1);
    const example = fields[0]?.text || `note ${noteId}`;
    const history = (ord: number) => {
      const card = noteCards.find((c) => Number(c.ord) === ord);
      return card ? cardHistory(card, reviews, collectionCreated) : { reviews: [], schedule: null, memory: null };
    };
    const texts = fields.map((f) => f.text);

    if (noteType?.kind === "cloze" || (!noteType && hasCloze(texts[0] ?? ""))) {
      const split = splitCloze(texts[0] ?? "");
      for (const skip of split.skipped) skipped.add(skip.reason, example);
      if (split.cards.length === 0 && split.skipped.length === 0)
        skipped.add("a cloze note with no cloze deletion", example);
      for (const cloze of split.cards) {
        cards.push({
          sourceId: `anki-${noteId}-c${cloze.number}`,
          kind: "cloze",
          prompt: cloze.prompt,
          answer: cloze.answer,
          source: split.source,
          explanation: texts.slice(1).filter(Boolean).join("\n"),
          tags,
          ...history(cloze.number - 1),
        });
      }
      continue;
    }
    const [front = "", back = "", ...extra] = texts;
    if (!front) {
      skipped.add(
        fields[0]?.media ? "the question is only an image or sound (media is not imported)" : "an empty question",
        example,
      );
      continue;
    }
    if (!back) {
      skipped.add(
        fields[1]?.media ? "the answer is only an image or sound (media is not imported)" : "an empty answer",
        example,
      );
      continue;
    }
    cards.push({
      sourceId: `anki-${noteId}`,
      kind: "basic",
      prompt: front,
      answer: back,
      source: `${front} — ${back}`,
      explanation: extra.filter(Boolean).join("\n"),
      tags,
      ...history(0),
    });
  }

  if (cards.length === 0) throw emptyDeck(file, skipped.list());
  if (cards.length > MAX_IMPORT_CARDS) {
    throw new ImportFileError(
      `${file} has ${cards.length} cards; Clio imports up to ${MAX_IMPORT_CARDS} at once. Split the deck in Anki and import each part.`,
      "import_too_large",
      file,
    );
  }
  const mainDeck = [...deckUse.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const title = (mainDeck !== undefined ? deckNames.get(mainDeck) : undefined) ?? fallbackTitle;
  return { title, format: "apkg", cards, skipped: skipped.list(), mediaSkipped };
}

export function emptyDeck(file: string, skipped: { reason: string; count: number }[]): ImportFileError {
  const why = skipped.length ? ` (skipped: ${skipped.map((s) => `${s.count} × ${s.reason}`).join("; ")})` : "";
  return new ImportFileError(`${file} has no card Clio can import${why}.`, "import_empty_deck", file);
}

function readNoteTypesJson(json: string): Map<number, NoteType> {
  const models = JSON.parse(json || "{}") as Record<
    string,
    { id?: number; name?: string; type?: number; flds?: { name: string; ord: number }[] }
  >;
  return new Map(
    Object.entries(models).map(([id, model]) => [
      Number(model.id ?? id),
      {
        kind: model.type === 1 ? "cloze" : "normal",
        name: model.name ?? "",
        fieldNames: [...(model.flds ?? [])].sort((a, b) => a.ord - b.ord).map((f) => f.name),
      },
    ]),
  );
}

function readNoteTypesTable(db: Database): Map<number, NoteType> {
  const fields = queryRows(
    db,
    hasTable(db, "fields") ? "select ntid, ord, name from fields order by ntid, ord" : "select 0 where 0",
  );
  return new Map(
    queryRows(db, "select id, name, config from notetypes").map((row) => {
      const config = row.config instanceof Uint8Array ? row.config : new Uint8Array();
      let kind: NoteType["kind"] = "normal";
      try {
        // NotetypeConfig.kind (field 1): 0 normal, 1 cloze.
        kind = readVarintField(config, 1) === 1 ? "cloze" : "normal";
      } catch {
        kind = "normal";
      }
      const id = Number(row.id);
      return [
        id,
        {
          kind,
          name: String(row.name),
          fieldNames: fields.filter((f) => Number(f.ntid) === id).map((f) => String(f.name)),
        },
      ];
    }),
  );
}

function readDecksJson(json: string): Map<number, string> {
  const decks = JSON.parse(json || "{}") as Record<string, { id?: number; name?: string }>;
  return new Map(Object.entries(decks).map(([id, deck]) => [Number(deck.id ?? id), deckTitle(deck.name ?? "")]));
}

function readDecksTable(db: Database): Map<number, string> {
  return new Map(
    queryRows(db, "select id, name from decks").map((row) => [Number(row.id), deckTitle(String(row.name))]),
  );
}

/** Anki nests decks as "Parent::Child" (legacy) or "Parent\x1fChild" (newer): the innermost name is the deck's. */
function deckTitle(name: string): string {
  const parts = name
    .split(/::|\x1f/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.at(-1) ?? "";
}

const RATINGS_BY_EASE: Record<number, Rating> = { 1: "again", 2: "hard", 3: "good", 4: "easy" };

function readRevlog(db: Database): Map<number, ImportedReview[]> {
  const byCard = new Map<number, ImportedReview[]>();
  if (!hasTable(db, "revlog")) return byCard;
  // type 4 is a manual reschedule and ease 0 a card reset: no answer was given, so no review to keep.
  for (const row of queryRows(
    db,
    "select id, cid, ease, type from revlog where type <> 4 and ease between 1 and 4 order by id",
  )) {
    const list = byCard.get(Number(row.cid)) ?? [];
    list.push({ rating: RATINGS_BY_EASE[Number(row.ease)]!, reviewedAt: new Date(Number(row.id)) });
    byCard.set(Number(row.cid), list);
  }
  return byCard;
}

const DAY_MS = 86_400_000;

function cardHistory(
  card: Record<string, unknown>,
  reviews: Map<number, ImportedReview[]>,
  collectionCreated: number,
): Pick<ImportedCard, "reviews" | "schedule" | "memory"> {
  const cardReviews = reviews.get(Number(card.id)) ?? [];
  let memory: ImportedCard["memory"] = null;
  try {
    const data = JSON.parse(String(card.data || "{}")) as { s?: unknown; d?: unknown };
    if (typeof data.s === "number" && typeof data.d === "number") memory = { stability: data.s, difficulty: data.d };
  } catch {
    memory = null;
  }
  // type 2 is a review card; its due is a day number counted from the collection's creation.
  const schedule =
    cardReviews.length === 0 && Number(card.type) === 2 && Number(card.ivl) > 0
      ? {
          intervalDays: Number(card.ivl),
          easeFactor: Number(card.factor) / 1000,
          due: new Date(collectionCreated + Number(card.due) * DAY_MS),
          lapses: Number(card.lapses),
          reps: Number(card.reps),
        }
      : null;
  return { reviews: cardReviews, schedule, memory };
}

export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).at(-1) ?? file;
  return base.replace(/\.[^.]+$/, "") || "Imported deck";
}
