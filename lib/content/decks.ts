import { db } from "@/lib/db";
import { CARD_TYPE_LABELS, CARD_TYPES, type CardType } from "@/lib/cards";
import { Prisma, type CardType as DatabaseCardType } from "@/lib/generated/prisma/client";
import type { PublicUser } from "@/lib/auth/users";
import { nextStudyDay } from "@/lib/srs";

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

/**
 * visibleDecksWhere as SQL, for raw queries on the hot path (the Deck row aliased `d`).
 * tests/integration/content/visibility.test.ts checks that the two always agree.
 */
export function visibleDeckSql(userId: string): Prisma.Sql {
  return Prisma.sql`(d."isPublic" OR d."ownerId" = ${userId}::uuid OR EXISTS (
    SELECT 1 FROM "Assignment" a JOIN "Membership" m ON m."classId" = a."classId"
    WHERE a."deckId" = d.id AND m."userId" = ${userId}::uuid))`;
}

export interface DeckSummary {
  slug: string;
  title: string;
  description: string;
  articleTitle: string;
  cardCount: number;
  studiedCount: number;
  /** Cards due by the end of the user's day (their time zone and day-start hour). */
  dueCount: number;
}

/** The home page's list: every deck the user can study, with how far they have got. */
export async function listDecksForUser(
  user: Pick<PublicUser, "id" | "timezone" | "dayStartHour">,
  now: Date,
): Promise<DeckSummary[]> {
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
  const due = await db.cardState.groupBy({
    by: ["deckId"],
    where: { userId: user.id, deckId: { in: decks.map((d) => d.id) }, suspended: false, due: { lt: nextStudyDay(now, { timeZone: user.timezone, dayStartHour: user.dayStartHour }) }, card: { retiredAt: null } },
    _count: { _all: true },
  });
  const dueByDeck = new Map(due.map((s) => [s.deckId, s._count._all]));
  return decks.map((d) => ({
    slug: d.slug,
    title: d.title,
    description: d.description,
    articleTitle: d.article.title,
    cardCount: d._count.cards,
    studiedCount: studiedByDeck.get(d.id) ?? 0,
    dueCount: dueByDeck.get(d.id) ?? 0,
  }));
}

// The database's enum and the card model's types must be the same set: a kind the enum lacks could
// not be stored, and a stored type without a kind could not be shown.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const databaseKnowsEveryCardType: Same<DatabaseCardType, CardType> = true;
void databaseKnowsEveryCardType;

/** A deck the user may read, with its article and live cards; null when missing or not theirs to see. */
export async function findDeckForUser(user: Pick<PublicUser, "id">, slug: string) {
  return db.deck.findFirst({
    where: { AND: [{ slug }, visibleDecksWhere(user)] },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      ownerId: true,
      article: { select: { slug: true, title: true, outlet: true, publishedAt: true, sourceUrl: true, body: true, version: true } },
      cards: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: { id: true, externalId: true, type: true, prompt: true, answer: true, explanation: true, quote: true, quoteStart: true, quoteEnd: true },
      },
    },
  });
}

export function countCardsByType(cards: readonly { type: CardType }[]): { type: CardType; label: string; count: number }[] {
  return CARD_TYPES
    .map((type) => ({ type, label: CARD_TYPE_LABELS[type], count: cards.filter((c) => c.type === type).length }))
    .filter((t) => t.count > 0);
}
