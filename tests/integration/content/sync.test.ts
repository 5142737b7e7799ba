import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadDeckFromFile, type LoadedDeck } from "@/lib/content/load";
import { ArticleConflictError, DeckOwnershipError, syncDeck } from "@/lib/content/sync";

const T0 = new Date("2026-11-27T08:00:00Z");
const T1 = new Date("2026-11-28T08:00:00Z");
const seed = loadDeckFromFile(path.join("content/decks/russia-ukraine-nato.json"), "content");

/** A copy of the seed deck under another slug, so each test has a deck of its own. */
function deckCopy(slug: string, change: (deck: LoadedDeck) => void = () => {}): LoadedDeck {
  const deck = structuredClone(seed);
  deck.slug = slug;
  change(deck);
  return deck;
}

async function snapshot(deckId: string) {
  const [deck, cards, article] = await Promise.all([
    db.deck.findUniqueOrThrow({ where: { id: deckId } }),
    db.card.findMany({ where: { deckId }, orderBy: { externalId: "asc" } }),
    db.article.findFirstOrThrow({ where: { decks: { some: { id: deckId } } } }),
  ]);
  return { deck, cards, article };
}

let studentId: string;
beforeAll(async () => {
  studentId = (await db.user.create({ data: { email: "s@example.org", name: "S", role: "student" } })).id;
});

/** Gives the student a schedule and a review on the deck's first three cards. */
async function studyFirstCards(deckId: string) {
  const cards = await db.card.findMany({ where: { deckId }, orderBy: { position: "asc" }, take: 3 });
  for (const [i, card] of cards.entries()) {
    await db.cardState.create({
      data: { userId: studentId, cardId: card.id, deckId, due: new Date(T0.getTime() + (i + 1) * 86_400_000), stability: 3.1 + i, difficulty: 5.5, state: "review", reps: 2, lapses: i, lastReview: T0, scheduledDays: i + 1, version: 2 },
    });
    await db.reviewLog.create({
      data: { clientReviewId: crypto.randomUUID(), userId: studentId, cardId: card.id, deckId, rating: "good", stateBefore: "learning", stateAfter: "review", elapsedDays: 0, scheduledDays: i + 1, dueAfter: new Date(T0.getTime() + (i + 1) * 86_400_000), stabilityAfter: 3.1 + i, difficultyAfter: 5.5, reviewedAt: T0 },
    });
  }
  return cards;
}

const userHistory = async () => ({
  states: await db.cardState.findMany({ where: { userId: studentId }, orderBy: { cardId: "asc" } }),
  logs: await db.reviewLog.findMany({ where: { userId: studentId }, orderBy: { cardId: "asc" } }),
});

describe("syncing a deck into the database", () => {
  it("creates every card once, and a second sync changes no row at all", async () => {
    const first = await syncDeck(deckCopy("sync-twice"), { isPublic: true }, T0);
    expect(first).toMatchObject({ created: seed.cards.length, updated: 0, retired: 0 });
    const before = await snapshot(first.deckId);

    const second = await syncDeck(deckCopy("sync-twice"), { isPublic: true }, T1);
    expect(second).toMatchObject({ deckId: first.deckId, created: 0, updated: 0, retired: 0, restored: 0, unchanged: seed.cards.length });
    expect(await snapshot(first.deckId)).toEqual(before);
  });

  it("stores each card's quote at its offsets in the article", async () => {
    const { deckId } = await syncDeck(deckCopy("sync-offsets"), {}, T0);
    const { cards, article } = await snapshot(deckId);
    for (const card of cards) expect(article.body.slice(card.quoteStart, card.quoteEnd)).toBe(card.quote);
  });

  it("updates an edited card's text in place and keeps every student's schedule and history", async () => {
    const { deckId } = await syncDeck(deckCopy("sync-edit"), {}, T0);
    const studied = await studyFirstCards(deckId);
    const history = await userHistory();
    const target = studied[1]!;

    const report = await syncDeck(
      deckCopy("sync-edit", (d) => {
        const card = d.cards.find((c) => c.externalId === target.externalId)!;
        card.prompt = `${card.prompt} (reworded)`;
        card.explanation = "A clearer explanation.";
      }),
      {},
      T1,
    );
    expect(report).toMatchObject({ updated: 1, created: 0, retired: 0 });
    const edited = await db.card.findUniqueOrThrow({ where: { id: target.id } });
    expect(edited.prompt).toMatch(/\(reworded\)$/);
    expect(edited.explanation).toBe("A clearer explanation.");
    expect(await userHistory()).toEqual(history);
  });

  it("retires a card removed from the file, keeping its history, and restores it when it comes back", async () => {
    const { deckId } = await syncDeck(deckCopy("sync-retire"), {}, T0);
    const [removed] = await studyFirstCards(deckId);
    const history = await userHistory();

    const report = await syncDeck(deckCopy("sync-retire", (d) => (d.cards = d.cards.filter((c) => c.externalId !== removed!.externalId))), {}, T1);
    expect(report).toMatchObject({ retired: 1, created: 0, updated: 0 });
    expect((await db.card.findUniqueOrThrow({ where: { id: removed!.id } })).retiredAt).toEqual(T1);
    expect(await userHistory()).toEqual(history);

    const back = await syncDeck(deckCopy("sync-retire"), {}, T1);
    expect(back).toMatchObject({ restored: 1, retired: 0 });
    expect((await db.card.findUniqueOrThrow({ where: { id: removed!.id } })).retiredAt).toBeNull();
  });

  it("bumps the article's version when its text changes, and only then", async () => {
    const { deckId } = await syncDeck(deckCopy("sync-version"), {}, T0);
    const v1 = (await snapshot(deckId)).article.version;
    await syncDeck(deckCopy("sync-version"), {}, T1);
    expect((await snapshot(deckId)).article.version).toBe(v1);

    await syncDeck(deckCopy("sync-version", (d) => (d.article = { ...d.article, slug: "edited-article", body: `${d.article.body}\n\nA new closing paragraph.` })), {}, T1);
    const article = await db.article.findUniqueOrThrow({ where: { slug: "edited-article" } });
    await syncDeck(deckCopy("sync-version", (d) => (d.article = { ...d.article, slug: "edited-article", body: `${d.article.body}\n\nAnother ending.` })), {}, T1);
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).version).toBe(article.version + 1);
  });

  it("refuses to take over another owner's deck slug or rewrite an article their deck quotes", async () => {
    const teacher = await db.user.create({ data: { email: "t1@example.org", name: "T1", role: "teacher" } });
    const other = await db.user.create({ data: { email: "t2@example.org", name: "T2", role: "teacher" } });
    await syncDeck(deckCopy("owned-deck", (d) => (d.article = { ...d.article, slug: "owned-article" })), { ownerId: teacher.id }, T0);
    await expect(syncDeck(deckCopy("owned-deck"), { ownerId: other.id }, T1)).rejects.toThrow(DeckOwnershipError);
    await expect(
      syncDeck(deckCopy("others-deck", (d) => (d.article = { ...d.article, slug: "owned-article", body: `${d.article.body}\n\nChanged.` })), { ownerId: other.id }, T1),
    ).rejects.toThrow(ArticleConflictError);
    expect(await db.deck.count({ where: { slug: "others-deck" } })).toBe(0);
  });
});
