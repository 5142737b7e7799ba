// Where the product links to an article. One place, so the reader's URL scheme can change once.

/** The reader for a deck's article. */
export function articleUrl(deckSlug: string): string {
  return `/decks/${deckSlug}/article`;
}

/** The reader scrolled to the passage a card quotes: where a forgotten card sends the student. */
export function passageUrl(deckSlug: string, cardExternalId: string): string {
  return `${articleUrl(deckSlug)}?card=${encodeURIComponent(cardExternalId)}`;
}
