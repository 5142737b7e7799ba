import { db } from "@/lib/db";
import { pickDeckSettings } from "@/lib/srs";
import { fromStoredCard } from "@/lib/cards";
import type { Article, CardInput, DeckFile } from "@/lib/content/schema";

export class DeckNotFoundError extends Error {
  constructor(slug: string) {
    super(`No deck with the slug "${slug}".`);
    this.name = "DeckNotFoundError";
  }
}

/** A deck file with its article embedded: what `deck export` prints and `deck import` reads back. */
export type ExportedDeck = Omit<DeckFile, "article"> & { article: Article };

type CardRow = {
  externalId: string;
  type: CardInput["type"];
  prompt: string;
  answer: string;
  options: string[];
  explanation: string;
  quote: string;
  extra: unknown;
};

function toCardInput(card: CardRow): CardInput {
  const common = { id: card.externalId, prompt: card.prompt, explanation: card.explanation, quote: card.quote };
  return fromStoredCard(common, card.type, { answer: card.answer, options: card.options, extra: (card.extra ?? {}) as Record<string, unknown> });
}

/**
 * The deck as stored (live cards in deck order, settings, and its article), in the deck file format.
 * Importing the result gives the same deck.
 */
export async function exportDeck(slug: string): Promise<ExportedDeck> {
  const deck = await db.deck.findUnique({
    where: { slug },
    include: { article: true, cards: { where: { retiredAt: null }, orderBy: { position: "asc" } } },
  });
  if (!deck) throw new DeckNotFoundError(slug);
  const { article } = deck;
  return {
    slug: deck.slug,
    title: deck.title,
    description: deck.description,
    article: {
      slug: article.slug,
      title: article.title,
      ...(article.outlet ? { outlet: article.outlet } : {}),
      ...(article.publishedAt ? { publishedAt: article.publishedAt.toISOString().slice(0, 10) } : {}),
      ...(article.sourceUrl ? { sourceUrl: article.sourceUrl } : {}),
      body: article.body,
    },
    settings: pickDeckSettings(deck),
    cards: deck.cards.map(toCardInput),
  };
}
