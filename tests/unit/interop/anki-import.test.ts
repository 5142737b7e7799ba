import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { readApkg } from "@/lib/interop/anki/read";
import { ImportFileError } from "@/lib/interop/errors";
import { MAX_IMPORT_BYTES } from "@/lib/interop/limits";
import { ankiApkgExport, editCollection, makeClozeModel, upgradeToSchema18 } from "./fixtures";

async function importError(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe("Anki import of packages written by anki-apkg-export", () => {
  it("turns Basic notes into basic cards with their HTML reduced to text, tags kept and media counted", async () => {
    const apkg = await ankiApkgExport("History::NATO", [
      { front: "Who said <b>“no expansion”</b>?", back: "James&nbsp;Baker &amp; others", tags: ["nato", "1990"] },
      { front: "Capital of Ukraine<br>(city)", back: '<div>Kyiv</div><img src="kyiv.jpg">', tags: [] },
      { front: '<img src="map.png">', back: "A map", tags: [] },
    ]);
    const deck = await readApkg(apkg, "nato.apkg");
    expect(deck.title).toBe("NATO");
    expect(deck.cards.map((c) => [c.kind, c.prompt, c.answer, c.tags])).toEqual([
      ["basic", "Who said “no expansion”?", "James Baker & others", ["nato", "1990"]],
      ["basic", "Capital of Ukraine\n(city)", "Kyiv", []],
    ]);
    expect(deck.mediaSkipped).toBe(2);
    expect(deck.skipped).toEqual([
      {
        reason: "the question is only an image or sound (media is not imported)",
        count: 1,
        examples: [expect.stringMatching(/^note \d+$/)],
      },
    ]);
  });

  it("makes one cloze card per cloze number, with the hint beside the blank and the other deletions shown", async () => {
    const apkg = await editCollection(
      await ankiApkgExport("Cloze", [
        { front: "{{c1::Kyiv::city}} is the capital of {{c2::Ukraine}}.", back: "Since 1991" },
      ]),
      makeClozeModel,
    );
    const deck = await readApkg(apkg, "cloze.apkg");
    expect(deck.cards.map((c) => [c.kind, c.prompt, c.answer, c.source, c.explanation])).toEqual([
      ["cloze", "____ [city] is the capital of Ukraine.", "Kyiv", "Kyiv is the capital of Ukraine.", "Since 1991"],
      ["cloze", "Kyiv is the capital of ____.", "Ukraine", "Kyiv is the capital of Ukraine.", "Since 1991"],
    ]);
  });

  it("keeps the revlog as ratings at their times, and a review card's interval and ease when it has none", async () => {
    const apkg = await editCollection(
      await ankiApkgExport("Reviews", [
        { front: "Q1", back: "A1" },
        { front: "Q2", back: "A2" },
      ]),
      (db) => {
        const ids = db.exec("select id from cards order by nid")[0]!.values.map((v) => Number(v[0]));
        db.run("update col set crt = ?", [Date.UTC(2026, 0, 1) / 1000]);
        const t0 = Date.UTC(2026, 0, 2, 9);
        db.run("insert into revlog values (?, ?, 0, 3, 1, 0, 2500, 5000, 0)", [t0, ids[0]!]);
        db.run("insert into revlog values (?, ?, 0, 1, 1, 1, 2500, 5000, 1)", [t0 + 86_400_000, ids[0]!]);
        db.run("insert into revlog values (?, ?, 0, 0, 0, 0, 0, 0, 4)", [t0 + 2 * 86_400_000, ids[0]!]);
        db.run("update cards set type = 2, queue = 2, ivl = 10, factor = 2500, due = 30, reps = 3 where id = ?", [
          ids[1]!,
        ]);
      },
    );
    const deck = await readApkg(apkg, "reviews.apkg");
    expect(deck.cards[0]!.reviews).toEqual([
      { rating: "good", reviewedAt: new Date(Date.UTC(2026, 0, 2, 9)) },
      { rating: "again", reviewedAt: new Date(Date.UTC(2026, 0, 3, 9)) },
    ]);
    expect(deck.cards[1]!.reviews).toEqual([]);
    expect(deck.cards[1]!.schedule).toEqual({
      intervalDays: 10,
      easeFactor: 2.5,
      due: new Date(Date.UTC(2026, 0, 31)),
      lapses: 0,
      reps: 3,
    });
  });

  it("reads the newer anki21b format (zstd, schema 18), preferring it over the stub collection.anki2", async () => {
    const source = await ankiApkgExport("Parent::Newer", [
      { front: "{{c1::Zstd}} compresses the collection", back: "" },
    ]);
    const apkg = await editCollection(source, upgradeToSchema18("cloze"), "anki21b");
    const deck = await readApkg(apkg, "newer.apkg");
    expect(deck.title).toBe("Newer");
    expect(deck.cards.map((c) => [c.kind, c.prompt, c.answer])).toEqual([
      ["cloze", "____ compresses the collection", "Zstd"],
    ]);
  });
});

describe("Anki import refuses bad files before reading them into cards", () => {
  it("refuses a file that is not a zip", async () => {
    const error = await importError(readApkg(strToU8("front,back\nQ,A\n"), "deck.apkg"));
    expect(error.code).toBe("import_not_a_zip");
    expect(error.message).toMatch(/not an Anki package/);
  });

  it("refuses a zip without a collection", async () => {
    const error = await importError(readApkg(zipSync({ "notes.txt": strToU8("hello") }), "deck.apkg"));
    expect(error.code).toBe("import_no_collection");
  });

  it("refuses a collection file that is not SQLite", async () => {
    const error = await importError(readApkg(zipSync({ "collection.anki2": strToU8("not a database") }), "deck.apkg"));
    expect(error.code).toBe("import_no_collection");
  });

  it("refuses an unknown collection schema version", async () => {
    const apkg = await editCollection(await ankiApkgExport("X", [{ front: "Q", back: "A" }]), (db) =>
      db.run("update col set ver = 99"),
    );
    const error = await importError(readApkg(apkg, "future.apkg"));
    expect(error.code).toBe("import_unknown_schema");
    expect(error.message).toMatch(/schema 99/);
  });

  it("refuses a package version newer than anki21b", async () => {
    const apkg = await editCollection(await ankiApkgExport("X", [{ front: "Q", back: "A" }]), () => {}, "anki2", {
      meta: new Uint8Array([0x08, 0x09]),
    });
    const error = await importError(readApkg(apkg, "future.apkg"));
    expect(error.code).toBe("import_unknown_schema");
    expect(error.message).toMatch(/Support older Anki versions/);
  });

  it("refuses an anki21b collection that is not zstd data, with the 'older versions' advice", async () => {
    const error = await importError(
      readApkg(zipSync({ "collection.anki21b": strToU8("garbage"), meta: new Uint8Array([8, 3]) }), "new.apkg"),
    );
    expect(error.code).toBe("import_newer_anki_format");
    expect(error.message).toMatch(/Support older Anki versions/);
  });

  it("refuses a deck with no importable card, saying what was skipped", async () => {
    const apkg = await ankiApkgExport("Empty", [{ front: '<img src="a.png">', back: "x" }]);
    const error = await importError(readApkg(apkg, "empty.apkg"));
    expect(error.code).toBe("import_empty_deck");
    expect(error.message).toMatch(/only an image/);
  });

  it("refuses a collection with no notes at all", async () => {
    const apkg = await editCollection(await ankiApkgExport("X", [{ front: "Q", back: "A" }]), (db) =>
      db.run("delete from notes"),
    );
    expect((await importError(readApkg(apkg, "none.apkg"))).code).toBe("import_empty_deck");
  });

  it("refuses HTML with a script or an event handler, never keeping it", async () => {
    for (const front of ["Q<script>alert(1)</script>", '<img src=x onerror="alert(1)">Q']) {
      const apkg = await ankiApkgExport("X", [{ front, back: "A" }]);
      const error = await importError(readApkg(apkg, "script.apkg"));
      expect(error.code).toBe("import_script_in_html");
      expect(error.message).not.toContain("<script");
    }
  });

  it("refuses a file over the size limit without unzipping it", async () => {
    const error = await importError(readApkg(new Uint8Array(MAX_IMPORT_BYTES + 1), "huge.apkg"));
    expect(error.code).toBe("import_too_large");
    expect(error.message).toMatch(/20 MB/);
  });
});
