import fs from "node:fs";
import path from "node:path";
import { normalizeDeck, parseArticleMarkdown, parseDeckJson } from "@/lib/content/load";
import { ContentError } from "@/lib/content/problems";
import { syncDeck, type SyncReport } from "@/lib/content/sync";

/**
 * Validates a deck file's text and loads it into the database (see syncDeck). Its article is either
 * embedded (as `deck export` writes it) or a slug of `<contentDir>/articles/<slug>.md`.
 *
 * @throws ContentError listing every problem, each naming the card and the fix; nothing is written then.
 */
export async function importDeck(
  text: string,
  options: { file: string; contentDir: string; ownerId?: string | null; isPublic?: boolean },
  now: Date,
): Promise<SyncReport & { slug: string; cards: number }> {
  const file = parseDeckJson(text, options.file);
  let article;
  if (typeof file.article === "string") {
    const articlePath = path.join(options.contentDir, "articles", `${file.article}.md`);
    if (!fs.existsSync(articlePath)) {
      throw new ContentError([
        { file: options.file, message: `the article "${file.article}" is not in ${path.dirname(articlePath)}`, fix: "embed the article in the deck file, or add its Markdown file" },
      ]);
    }
    article = parseArticleMarkdown(file.article, fs.readFileSync(articlePath, "utf8"), articlePath);
  } else {
    article = file.article;
  }
  const deck = normalizeDeck(file, article, { deckFile: options.file });
  const report = await syncDeck(deck, { ownerId: options.ownerId ?? null, isPublic: options.isPublic ?? false }, now);
  return { ...report, slug: deck.slug, cards: deck.cards.length };
}
