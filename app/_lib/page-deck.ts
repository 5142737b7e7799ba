import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findDeckForUser } from "@/lib/content/decks";

/**
 * The signed-in user's deck `slug`, or null: one query per request, shared by a page and its
 * generateMetadata (getCurrentUser is cached too, so both pass the same user).
 */
export const findPageDeck = cache(async (slug: string) => {
  const user = await getCurrentUser();
  return user ? findDeckForUser(user, slug) : null;
});

/** A deck page's title: "<what> · <deck title>", or `what` alone when the deck is not found. */
export async function deckPageTitle(slug: string, what?: string): Promise<string> {
  const deck = await findPageDeck(slug);
  if (!deck) return what ?? "Deck";
  return what ? `${what} · ${deck.title}` : deck.title;
}
