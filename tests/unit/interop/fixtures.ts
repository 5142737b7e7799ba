import AnkiExport from "anki-apkg-export";
import JSZip from "jszip";
import initSqlJs from "sql.js";
import { Zstd } from "@hpcc-js/wasm-zstd";

/**
 * Anki packages for the tests, written by code no one here wrote: anki-apkg-export (npm) makes the
 * package, and where it has no option (a cloze note type, a revlog, the newer anki21b format) the
 * collection it wrote is changed with plain SQL following ankitects/anki rslib/src/storage/
 * (schema11.sql; schema 18's notetypes/fields/decks tables) and recompressed with zstd (hpcc-js).
 * No independent npm writer makes anki21b, so those files are built from Anki's documented schema.
 */

export type FixtureNote = { front: string; back: string; tags?: string[] };

export async function ankiApkgExport(deckName: string, notes: FixtureNote[]): Promise<Uint8Array> {
  const apkg = new AnkiExport(deckName);
  for (const note of notes) apkg.addCard(note.front, note.back, { tags: note.tags ?? [] });
  return new Uint8Array(await apkg.save());
}

type Edit = (db: import("sql.js").Database) => void;

/** Opens the package's collection, runs `edit` on it, and zips it again (as collection.anki2, or as zstd anki21b). */
export async function editCollection(
  apkg: Uint8Array,
  edit: Edit,
  as: "anki2" | "anki21b" = "anki2",
  extra: Record<string, Uint8Array> = {},
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(apkg);
  const collection = await zip.file("collection.anki2")!.async("uint8array");
  const SQL = await initSqlJs();
  const db = new SQL.Database(collection);
  edit(db);
  const edited = db.export();
  db.close();
  const out = new JSZip();
  if (as === "anki21b") {
    const zstd = await Zstd.load();
    out.file("collection.anki21b", zstd.compress(edited));
    // As Anki writes it: a stub for old versions, and meta = PackageMetadata { version: 3 }.
    out.file("collection.anki2", collection);
    out.file("meta", new Uint8Array([0x08, 0x03]));
  } else {
    out.file("collection.anki2", edited);
  }
  out.file("media", "{}");
  for (const [name, bytes] of Object.entries(extra)) out.file(name, bytes);
  return out.generateAsync({ type: "uint8array" });
}

/** Turns anki-apkg-export's only note type into a Cloze note type (legacy models JSON, type 1). */
export const makeClozeModel: Edit = (db) => {
  const [row] = db.exec("select models from col")[0]!.values;
  const models = JSON.parse(String(row![0])) as Record<string, { type: number; flds: { name: string }[] }>;
  for (const model of Object.values(models)) model.type = 1;
  db.run("update col set models = ?", [JSON.stringify(models)]);
};

/** Schema 18 as Anki 2.1.50+ stores it: note types, fields and decks in tables, col.models emptied. */
export function upgradeToSchema18(kind: "normal" | "cloze"): Edit {
  return (db) => {
    const [row] = db.exec("select models, decks from col")[0]!.values;
    const models = JSON.parse(String(row![0])) as Record<
      string,
      { id: number; name: string; flds: { name: string; ord: number }[] }
    >;
    const decks = JSON.parse(String(row![1])) as Record<string, { id: number; name: string }>;
    db.run(
      "create table notetypes (id integer primary key, name text not null, mtime_secs integer not null, usn integer not null, config blob not null)",
    );
    db.run(
      "create table fields (ntid integer not null, ord integer not null, name text not null, config blob not null, primary key (ntid, ord))",
    );
    db.run(
      "create table decks (id integer primary key, name text not null, mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null)",
    );
    for (const model of Object.values(models)) {
      // NotetypeConfig { kind: CLOZE } is field 1 = 1; a normal type omits it (proto3 default), then css (field 3).
      const config = kind === "cloze" ? new Uint8Array([0x08, 0x01, 0x1a, 0x00]) : new Uint8Array([0x1a, 0x00]);
      db.run("insert into notetypes values (?, ?, 0, 0, ?)", [model.id, model.name, config]);
      for (const field of model.flds)
        db.run("insert into fields values (?, ?, ?, ?)", [model.id, field.ord, field.name, new Uint8Array()]);
    }
    for (const deck of Object.values(decks))
      db.run("insert into decks values (?, ?, 0, 0, ?, ?)", [
        deck.id,
        deck.name.replace(/::/g, "\x1f"),
        new Uint8Array(),
        new Uint8Array(),
      ]);
    db.run("update col set ver = 18, models = '', decks = ''");
  };
}
