import type { CardInput } from "@/lib/cards";
import type { Article, DeckFile } from "@/lib/content/schema";
import type { ImportedCard, ImportedDeck } from "./imported-deck";

/**
 * An imported deck as a Clio deck file. A Clio card quotes its article; an imported deck has none,
 * so the article is made of the notes themselves, one paragraph per note, and each card quotes its
 * own note. The reader then shows the deck's notes as its text. Pure.
 */
export function toDeckFile(
  imported: ImportedDeck,
  slug: string,
): { file: DeckFile; article: Article; sources: Map<string, ImportedCard> } {
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  const sources = new Map<string, ImportedCard>();
  const cards: CardInput[] = imported.cards.map((card) => {
    // One line per quote: paragraphs are split on blank lines, and a quote must sit inside one.
    const quote = card.source.replace(/\s+/g, " ").trim();
    if (!seen.has(quote)) {
      seen.add(quote);
      paragraphs.push(quote);
    }
    const id = cardId(card.sourceId);
    sources.set(id, card);
    const explanation =
      card.explanation.trim() ||
      `From the ${imported.format === "apkg" ? "Anki deck" : "CSV file"} “${imported.title}”.`;
    return card.kind === "cloze"
      ? { id, type: "cloze", prompt: card.prompt, answer: card.answer, explanation, quote }
      : { id, type: "basic", prompt: card.prompt, answer: card.answer, explanation, quote };
  });
  const title = imported.title.trim() || "Imported deck";
  const article: Article = { slug, title, body: paragraphs.join("\n\n") };
  return {
    file: {
      slug,
      title,
      description: `Imported from ${imported.format === "apkg" ? "an Anki package" : "a CSV file"}.`,
      article,
      cards,
    },
    article,
    sources,
  };
}

/** Card ids are lower-case words with hyphens (CardIdSchema). */
export function cardId(sourceId: string): string {
  return sourceId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}
