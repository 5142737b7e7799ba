import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { CARD_TYPE_LABELS } from "@/lib/cards";
import { deckPageTitle, findPageDeck } from "@/app/_lib/page-deck";
import { buildPassages, buildReaderParagraphs } from "@/lib/content/passages";
import { ArticleReader } from "@/app/decks/[slug]/article/article-reader";
import { articleUrl } from "@/lib/content/links";
import { formatDayKey } from "@/lib/format";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ card?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await deckPageTitle((await params).slug, "Article") };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { card: focusCard } = await searchParams;
  await requireUser(articleUrl(slug));
  const deck = await findPageDeck(slug);
  if (!deck) notFound();

  const passages = buildPassages(
    deck.cards.map((c) => ({ id: c.externalId, quoteStart: c.quoteStart, quoteEnd: c.quoteEnd })),
  );
  const paragraphs = buildReaderParagraphs(deck.article.body, passages);
  const cards = deck.cards.map((c) => ({
    id: c.externalId,
    typeLabel: CARD_TYPE_LABELS[c.type],
    prompt: c.prompt,
    answer: c.answer,
    explanation: c.explanation,
  }));
  const initialPassage = focusCard ? (passages.find((p) => p.cardIds.includes(focusCard))?.number ?? null) : null;
  const { article } = deck;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-muted">
          <Link href="/" className="link">
            Decks
          </Link>{" "}
          /{" "}
          <Link href={`/decks/${deck.slug}`} className="link">
            {deck.title}
          </Link>{" "}
          / Article
        </p>
        <h1 className="font-serif text-3xl font-bold leading-tight">{article.title}</h1>
        <p className="text-sm text-muted">
          {[article.outlet, article.publishedAt && formatDayKey(article.publishedAt.toISOString())]
            .filter(Boolean)
            .join(" · ")}
          {article.sourceUrl && (
            <>
              {" · "}
              <a href={article.sourceUrl} className="link" rel="noreferrer">
                source
              </a>
            </>
          )}
        </p>
        <p className="text-sm text-muted">
          Highlighted passages have cards: {passages.length} passages, {deck.cards.length} cards. Choose one to see its
          cards.
        </p>
      </div>
      <ArticleReader
        paragraphs={paragraphs}
        passages={passages}
        cards={cards}
        initialPassage={initialPassage}
        focusCard={focusCard ?? null}
      />
    </div>
  );
}
