import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { LoadedDeck, NormalizedCard } from "@/lib/content/load";

export interface SyncReport {
  deckId: string;
  created: number;
  updated: number;
  retired: number;
  restored: number;
  unchanged: number;
}

export class DeckOwnershipError extends Error {
  constructor(slug: string) {
    super(`A deck with the slug "${slug}" already belongs to someone else. Choose another slug.`);
    this.name = "DeckOwnershipError";
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The card columns that content owns; everything else (schedules, history) belongs to students. */
function cardContent(card: NormalizedCard) {
  return {
    type: card.type,
    prompt: card.prompt,
    answer: card.answer,
    options: card.options,
    explanation: card.explanation,
    extra: card.extra as Prisma.InputJsonValue,
    quote: card.quote,
    quoteStart: card.quoteStart,
    quoteEnd: card.quoteEnd,
    position: card.position,
  };
}

export class ArticleConflictError extends Error {
  constructor(slug: string) {
    super(`Another author's deck quotes the article "${slug}" with different text. Give your article another slug.`);
    this.name = "ArticleConflictError";
  }
}

async function upsertArticle(tx: Tx, deck: LoadedDeck, ownerId: string | null): Promise<string> {
  const { article } = deck;
  const bodyHash = sha256(article.body);
  const data = {
    title: article.title,
    outlet: article.outlet ?? null,
    publishedAt: article.publishedAt ? new Date(`${article.publishedAt}T00:00:00Z`) : null,
    sourceUrl: article.sourceUrl ?? null,
  };
  const existing = await tx.article.findUnique({ where: { slug: article.slug } });
  if (!existing) {
    const created = await tx.article.create({ data: { ...data, slug: article.slug, body: article.body, bodyHash } });
    return created.id;
  }
  const textChanged = existing.bodyHash !== bodyHash;
  // Changing the text moves every quote's offsets: only decks of the same owner may do that.
  // (SQL's <> never matches NULL, so "another owner" is spelled out for both cases.)
  const otherOwner = ownerId === null ? { ownerId: { not: null } } : { OR: [{ ownerId: null }, { ownerId: { not: ownerId } }] };
  if (textChanged && (await tx.deck.count({ where: { articleId: existing.id, slug: { not: deck.slug }, ...otherOwner } })) > 0) {
    throw new ArticleConflictError(article.slug);
  }
  const metaChanged =
    existing.title !== data.title ||
    existing.outlet !== data.outlet ||
    existing.sourceUrl !== data.sourceUrl ||
    existing.publishedAt?.getTime() !== data.publishedAt?.getTime();
  if (textChanged || metaChanged) {
    await tx.article.update({
      where: { id: existing.id },
      data: { ...data, ...(textChanged ? { body: article.body, bodyHash, version: { increment: 1 } } : {}) },
    });
  }
  return existing.id;
}

/**
 * Loads a deck into the database, idempotently. Cards are matched on their stable external id:
 * an edit updates the card's text and leaves every student's schedule and history alone; a card no
 * longer in the file is retired (never scheduled again, history kept), and comes back if restored.
 *
 * @example await syncDeck(await loadDeckFromFile("content/decks/x.json", "content"), { isPublic: true }, new Date())
 */
export async function syncDeck(
  deck: LoadedDeck,
  options: { ownerId?: string | null; isPublic?: boolean },
  now: Date,
): Promise<SyncReport> {
  return db.$transaction(
    async (tx) => {
      const ownerId = options.ownerId ?? null;
      const articleId = await upsertArticle(tx, deck, ownerId);
      const deckData = {
        title: deck.title,
        description: deck.description,
        articleId,
        isPublic: options.isPublic ?? false,
        ...deck.settings,
      };
      const existingDeck = await tx.deck.findUnique({ where: { slug: deck.slug } });
      if (existingDeck && existingDeck.ownerId !== ownerId) throw new DeckOwnershipError(deck.slug);
      let deckRow = existingDeck;
      if (!deckRow) {
        deckRow = await tx.deck.create({ data: { ...deckData, slug: deck.slug, ownerId } });
      } else {
        const current = Object.fromEntries(Object.keys(deckData).map((k) => [k, deckRow![k as keyof typeof deckData]]));
        if (!isDeepStrictEqual(current, deckData)) deckRow = await tx.deck.update({ where: { id: deckRow.id }, data: deckData });
      }

      const existingCards = await tx.card.findMany({ where: { deckId: deckRow.id } });
      const byExternalId = new Map(existingCards.map((c) => [c.externalId, c]));
      const report: SyncReport = { deckId: deckRow.id, created: 0, updated: 0, retired: 0, restored: 0, unchanged: 0 };

      const toCreate: Prisma.CardCreateManyInput[] = [];
      for (const card of deck.cards) {
        const content = cardContent(card);
        const row = byExternalId.get(card.externalId);
        if (!row) {
          toCreate.push({ ...content, deckId: deckRow.id, externalId: card.externalId });
          continue;
        }
        const current = cardContent({ ...row, externalId: row.externalId, extra: row.extra as Record<string, unknown> });
        // Deep equality ignores key order, which jsonb does not keep.
        const changed = !isDeepStrictEqual(current, content);
        if (!changed && !row.retiredAt) {
          report.unchanged++;
          continue;
        }
        await tx.card.update({ where: { id: row.id }, data: { ...content, retiredAt: null } });
        if (row.retiredAt) report.restored++;
        else report.updated++;
      }
      if (toCreate.length > 0) await tx.card.createMany({ data: toCreate });
      report.created = toCreate.length;

      const inFile = new Set(deck.cards.map((c) => c.externalId));
      const retire = existingCards.filter((c) => !c.retiredAt && !inFile.has(c.externalId)).map((c) => c.id);
      if (retire.length > 0) await tx.card.updateMany({ where: { id: { in: retire } }, data: { retiredAt: now } });
      report.retired = retire.length;
      return report;
    },
    { timeout: 30_000 },
  );
}
