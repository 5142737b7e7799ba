import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PublicUser } from "@/lib/auth/users";

/** Decks a user may read: public ones, their own, and (for students) those assigned to their classes. */
export function visibleDecksWhere(user: Pick<PublicUser, "id">): Prisma.DeckWhereInput {
  return {
    OR: [
      { isPublic: true },
      { ownerId: user.id },
      { assignments: { some: { class: { memberships: { some: { userId: user.id } } } } } },
    ],
  };
}

export interface DeckSummary {
  slug: string;
  title: string;
  description: string;
  articleTitle: string;
  cardCount: number;
  studiedCount: number;
}

/** The home page's list: every deck the user can study, with how far they have got. */
export async function listDecksForUser(user: Pick<PublicUser, "id">): Promise<DeckSummary[]> {
  const decks = await db.deck.findMany({
    where: visibleDecksWhere(user),
    orderBy: { title: "asc" },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      article: { select: { title: true } },
      _count: { select: { cards: { where: { retiredAt: null } } } },
    },
  });
  const studied = await db.cardState.groupBy({
    by: ["deckId"],
    where: { userId: user.id, deckId: { in: decks.map((d) => d.id) }, card: { retiredAt: null } },
    _count: { _all: true },
  });
  const studiedByDeck = new Map(studied.map((s) => [s.deckId, s._count._all]));
  return decks.map((d) => ({
    slug: d.slug,
    title: d.title,
    description: d.description,
    articleTitle: d.article.title,
    cardCount: d._count.cards,
    studiedCount: studiedByDeck.get(d.id) ?? 0,
  }));
}
