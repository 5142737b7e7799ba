import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readApkg } from "@/lib/interop/anki/read";
import { ImportFileError } from "@/lib/interop/errors";
import { exportDeckAs } from "@/lib/interop/export-file";
import { prepareImport, storeImport } from "@/lib/interop/import-file";
import { readCsv } from "@/lib/interop/csv";
import { NotFoundError } from "@/lib/errors";
import { makeDeck, makeUser } from "../fixtures";
import { ankiApkgExport, editCollection } from "../../unit/interop/fixtures";

const NOW = new Date("2026-11-30T12:00:00Z");
const DAY = 86_400_000;

async function counts() {
  const [decks, articles, cards, states, logs] = await Promise.all([
    db.deck.count(),
    db.article.count(),
    db.card.count(),
    db.cardState.count(),
    db.reviewLog.count(),
  ]);
  return { decks, articles, cards, states, logs };
}

describe("importing an Anki package into the database", () => {
  it("creates the teacher's deck with its cards and tags, and the revlog as the teacher's review history", async () => {
    const teacher = await makeUser("teacher");
    const source = await ankiApkgExport("Cold War", [
      { front: "Who said <i>no expansion</i>?", back: "James Baker", tags: ["nato"] },
      { front: "When did the Wall fall?", back: "1989" },
    ]);
    const apkg = await editCollection(source, (sqlite) => {
      const cardIds = sqlite.exec("select id from cards order by nid")[0]!.values.map((v) => Number(v[0]));
      const t0 = NOW.getTime() - 20 * DAY;
      sqlite.run("insert into revlog values (?, ?, 0, 3, 1, 0, 2500, 4000, 0)", [t0, cardIds[0]!]);
      sqlite.run("insert into revlog values (?, ?, 0, 3, 5, 1, 2500, 4000, 1)", [t0 + 2 * DAY, cardIds[0]!]);
      sqlite.run("insert into revlog values (?, ?, 0, 1, 1, 5, 2300, 4000, 1)", [t0 + 8 * DAY, cardIds[0]!]);
    });
    const prepared = await prepareImport(apkg, "cold-war.apkg");
    expect(prepared.preview).toMatchObject({
      title: "Cold War",
      cards: 2,
      byKind: { basic: 2, cloze: 0 },
      withHistory: 1,
      skipped: [],
    });

    const result = await storeImport(prepared, { ownerId: teacher.id, historyUserId: teacher.id }, NOW);
    expect(result).toMatchObject({ slug: "cold-war", cards: 2, reviewsImported: 3, statesImported: 1 });
    const deck = await db.deck.findUniqueOrThrow({
      where: { slug: result.slug },
      include: { cards: { orderBy: { position: "asc" } }, article: true },
    });
    expect(deck.ownerId).toBe(teacher.id);
    expect(deck.cards.map((c) => [c.type, c.prompt, c.answer, c.tags])).toEqual([
      ["basic", "Who said no expansion?", "James Baker", ["nato"]],
      ["basic", "When did the Wall fall?", "1989", []],
    ]);
    expect(deck.article.body).toContain("Who said no expansion? — James Baker");
    const logs = await db.reviewLog.findMany({
      where: { userId: teacher.id, deckId: deck.id },
      orderBy: { reviewedAt: "asc" },
    });
    expect(logs.map((l) => [l.rating, l.reviewedAt.getTime()])).toEqual([
      ["good", NOW.getTime() - 20 * DAY],
      ["good", NOW.getTime() - 18 * DAY],
      ["again", NOW.getTime() - 12 * DAY],
    ]);
    const state = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: teacher.id, cardId: deck.cards[0]!.id } },
    });
    expect(state).toMatchObject({
      reps: 3,
      lastReview: new Date(NOW.getTime() - 12 * DAY),
      state: logs[2]!.stateAfter,
      stability: logs[2]!.stabilityAfter,
    });

    // A second import of the same file is a new deck under the next free slug, never a merge into the first.
    const again = await storeImport(await prepareImport(apkg, "cold-war.apkg"), { ownerId: teacher.id }, NOW);
    expect(again.slug).toBe("cold-war-2");
  });

  it("writes nothing for a bad file", async () => {
    const before = await counts();
    const bad = [
      new TextEncoder().encode("not a zip"),
      await editCollection(await ankiApkgExport("X", [{ front: "Q", back: "A" }]), (s) =>
        s.run("update col set ver = 99"),
      ),
      await ankiApkgExport("X", [{ front: "<script>alert(1)</script>", back: "A" }]),
    ];
    for (const bytes of bad) await expect(prepareImport(bytes, "bad.apkg")).rejects.toBeInstanceOf(ImportFileError);
    await expect(prepareImport(new TextEncoder().encode("name,age\nA,1\n"), "bad.csv")).rejects.toBeInstanceOf(
      ImportFileError,
    );
    await expect(prepareImport(new TextEncoder().encode("{}"), "deck.docx")).rejects.toMatchObject({
      code: "import_unknown_format",
    });
    expect(await counts()).toEqual(before);
  });
});

describe("exporting a deck", () => {
  it("exports an apkg with the viewer's own progress only, and a CSV that imports back", async () => {
    const student = await makeUser("student");
    const other = await makeUser("student");
    const deck = await makeDeck("interop-export", { isPublic: true });
    const card = deck.cards[0]!;
    const state = {
      deckId: deck.id,
      cardId: card.id,
      due: new Date(NOW.getTime() + 5 * DAY),
      stability: 5,
      difficulty: 5,
      scheduledDays: 5,
      reps: 1,
      state: "review" as const,
      lastReview: NOW,
    };
    await db.cardState.create({ data: { ...state, userId: student.id } });
    await db.cardState.create({ data: { ...state, userId: other.id, reps: 7 } });

    const apkg = await exportDeckAs(student, "interop-export", "apkg", NOW);
    expect(apkg.fileName).toBe("interop-export.apkg");
    const read = await readApkg(apkg.bytes, apkg.fileName);
    expect(read.cards.length).toBe(deck.cards.length);
    expect(read.cards[0]!.schedule).toMatchObject({ intervalDays: 5, reps: 1 });
    expect(read.cards.slice(1).every((c) => c.schedule === null)).toBe(true);

    const csv = await exportDeckAs(student, "interop-export", "csv", NOW);
    const back = readCsv(new TextDecoder().decode(csv.bytes), csv.fileName);
    expect(back.cards.map((c) => c.answer)).toHaveLength(deck.cards.length);
  });

  it("answers not found for a deck the user may not see", async () => {
    const owner = await makeUser("teacher");
    const stranger = await makeUser("student");
    await makeDeck("interop-private", { isPublic: false, ownerId: owner.id });
    await expect(exportDeckAs(stranger, "interop-private", "csv", NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});
