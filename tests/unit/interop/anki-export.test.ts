import JSZip from "jszip";
import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import { readApkg } from "@/lib/interop/anki/read";
import { writeApkg, type AnkiExportCard } from "@/lib/interop/anki/write";
import { layOutCard } from "@/lib/interop/card-layout";

const NOW = new Date("2026-11-30T12:00:00Z");

/** The tables and columns of Anki's schema 11, copied from ankitects/anki rslib/src/storage/schema11.sql. */
const ANKI_SCHEMA11 = {
  col: ["id", "crt", "mod", "scm", "ver", "dty", "usn", "ls", "conf", "models", "decks", "dconf", "tags"],
  notes: ["id", "guid", "mid", "mod", "usn", "tags", "flds", "sfld", "csum", "flags", "data"],
  cards: [
    "id",
    "nid",
    "did",
    "ord",
    "mod",
    "usn",
    "type",
    "queue",
    "due",
    "ivl",
    "factor",
    "reps",
    "lapses",
    "left",
    "odue",
    "odid",
    "flags",
    "data",
  ],
  revlog: ["id", "cid", "usn", "ease", "ivl", "lastIvl", "factor", "time", "type"],
  graves: ["usn", "oid", "type"],
};

const cards: AnkiExportCard[] = [
  {
    key: "d/basic-1",
    kind: "basic",
    front: "Who <said> it?",
    back: "Baker & co",
    extra: "Because.\n\n“quote”\n— Article",
    tags: ["clio::basic"],
  },
  {
    key: "d/cloze-1",
    kind: "cloze",
    front: "{{c1::Kyiv}} is the capital",
    back: "Kyiv",
    extra: "— Article",
    tags: ["clio::cloze"],
  },
  {
    key: "d/basic-2",
    kind: "basic",
    front: "Studied",
    back: "Yes",
    extra: "",
    tags: [],
    progress: {
      state: "review",
      due: new Date("2026-12-10T12:00:00Z"),
      scheduledDays: 10,
      reps: 2,
      lapses: 0,
      stability: 10.5,
      difficulty: 4.2,
      reviews: [
        { rating: "good", reviewedAt: new Date("2026-11-20T12:00:00Z"), scheduledDays: 1, state: "new" },
        { rating: "good", reviewedAt: new Date("2026-11-30T11:00:00Z"), scheduledDays: 10, state: "review" },
      ],
    },
  },
];

async function openCollection(apkg: Uint8Array) {
  // Read with JSZip (not the fflate Clio writes with) and sql.js.
  const zip = await JSZip.loadAsync(apkg);
  expect(Object.keys(zip.files).sort()).toEqual(["collection.anki2", "media"]);
  expect(await zip.file("media")!.async("string")).toBe("{}");
  const SQL = await initSqlJs();
  return new SQL.Database(await zip.file("collection.anki2")!.async("uint8array"));
}

describe("Anki export", () => {
  it("writes a schema 11 collection with Anki's tables and columns, Basic and Cloze note types", async () => {
    const db = await openCollection(await writeApkg("NATO deck", cards, NOW));
    for (const [table, columns] of Object.entries(ANKI_SCHEMA11)) {
      expect(db.exec(`pragma table_info(${table})`)[0]!.values.map((row) => row[1])).toEqual(columns);
    }
    const [col] = db.exec("select ver, models, decks from col")[0]!.values;
    expect(col![0]).toBe(11);
    const models = Object.values(
      JSON.parse(String(col![1])) as Record<
        string,
        { type: number; name: string; flds: { name: string }[]; tmpls: { qfmt: string }[] }
      >,
    );
    expect(models.map((m) => [m.name, m.type, m.flds.map((f) => f.name), m.tmpls[0]!.qfmt])).toEqual([
      ["Clio Basic", 0, ["Front", "Back", "Extra"], "{{Front}}"],
      ["Clio Cloze", 1, ["Text", "Back Extra"], "{{cloze:Text}}"],
    ]);
    expect(Object.values(JSON.parse(String(col![2])) as Record<string, { name: string }>).map((d) => d.name)).toEqual([
      "Default",
      "NATO deck",
    ]);
    const notes = db.exec("select flds, tags, sfld from notes order by id")[0]!.values;
    expect(notes[0]).toEqual([
      "Who &lt;said&gt; it?\x1fBaker &amp; co\x1fBecause.<br><br>“quote”<br>— Article",
      " clio::basic ",
      "Who <said> it?",
    ]);
    expect(notes[1]![0]).toBe("{{c1::Kyiv}} is the capital\x1f— Article");
    db.close();
  });

  it("carries a student's scheduling: card type, interval, due day, FSRS memory and revlog", async () => {
    const db = await openCollection(await writeApkg("D", cards, NOW));
    const [studied] = db.exec("select type, queue, due, ivl, reps, data from cards order by id limit 1 offset 2")[0]!
      .values;
    // Review due is a day number from col.crt (the start of the export day, UTC).
    expect(studied).toEqual([2, 2, 10, 10, 2, JSON.stringify({ s: 10.5, d: 4.2 })]);
    expect(db.exec("select ease, ivl, type from revlog order by id")[0]!.values).toEqual([
      [3, 1, 0],
      [3, 10, 1],
    ]);
    expect(db.exec("select type, queue from cards order by id limit 1")[0]!.values).toEqual([[0, 0]]);
    db.close();
  });

  it("reads back through Clio's importer as the same cards", async () => {
    const deck = await readApkg(await writeApkg("Round trip", cards, NOW), "round.apkg");
    expect(deck.title).toBe("Round trip");
    expect(deck.cards.map((c) => [c.kind, c.prompt, c.answer])).toEqual([
      ["basic", "Who <said> it?", "Baker & co"],
      ["cloze", "____ is the capital", "Kyiv"],
      ["basic", "Studied", "Yes"],
    ]);
    expect(deck.cards[2]!.reviews.map((r) => r.rating)).toEqual(["good", "good"]);
    expect(deck.cards[2]!.memory).toEqual({ stability: 10.5, difficulty: 4.2 });
  });
});

describe("layOutCard", () => {
  const base = { externalId: "x", explanation: "Why.", quote: "The quote.", extra: {}, tags: [] };
  it("lays a multiple-choice card out with lettered options and the answer's letter", () => {
    expect(
      layOutCard(
        { ...base, type: "multiple_choice", prompt: "Who?", answer: "Baker", options: ["Kohl", "Baker"] },
        "Art",
      ),
    ).toEqual({
      kind: "basic",
      front: "Multiple choice: Who?\n\nA. Kohl\nB. Baker",
      back: "B. Baker",
      extra: "Why.\n\n“The quote.”\n— Art",
      tags: ["clio::multiple_choice"],
    });
  });
  it("lists a timeline's events out of order and gives the order on the back", () => {
    const card = layOutCard(
      { ...base, type: "timeline", prompt: "Order", answer: "b → a", options: ["b", "a"] },
      "Art",
    );
    expect([card.front, card.back]).toEqual(["Timeline: Order\n\nA. a\nB. b", "b → a"]);
  });
  it("adds a false statement's correction to the answer", () => {
    const card = layOutCard(
      {
        ...base,
        type: "true_false",
        prompt: "Sky is green",
        answer: "False",
        options: ["True", "False"],
        extra: { correction: "It is blue" },
      },
      "Art",
    );
    expect(card.back).toBe("B. False\nIt is blue");
  });
  it("writes a cloze card's blank as Anki's c1 deletion", () => {
    expect(
      layOutCard({ ...base, type: "cloze", prompt: "____ is a capital", answer: "Kyiv", options: [] }, "Art").front,
    ).toBe("{{c1::Kyiv}} is a capital");
  });
});
