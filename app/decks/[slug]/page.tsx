import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { CARD_TYPE_LABELS } from "@/lib/cards";
import { countCardsByType } from "@/lib/content/decks";
import { deckPageTitle, findPageDeck } from "@/app/_lib/page-deck";
import { articleUrl } from "@/lib/content/links";
import { loadDeckSettings } from "@/lib/content/deck-settings";
import { DeckSettingsForm } from "@/app/decks/[slug]/deck-settings-form";
import { ExportDeckLinks } from "./export-deck-links";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await deckPageTitle((await params).slug) };
}

export default async function DeckPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/decks/${slug}`);
  const deck = await findPageDeck(slug);
  if (!deck) notFound();
  const byType = countCardsByType(deck.cards);
  const settings = deck.ownerId === user.id ? await loadDeckSettings(user, slug) : null;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/" className="link">
            Decks
          </Link>{" "}
          / {deck.title}
        </p>
        <h1 className="text-3xl font-bold leading-tight">{deck.title}</h1>
        {deck.description && <p className="max-w-2xl text-lg text-muted">{deck.description}</p>}
        <p className="text-sm text-muted">
          From “{deck.article.title}”{deck.article.outlet ? `, ${deck.article.outlet}` : ""}
        </p>
      </div>
      <div className="flex flex-wrap gap-3">
        <Link href={`/study/${deck.slug}`} className="btn-primary px-5 py-2.5 text-base">
          Study now
        </Link>
        <Link href={articleUrl(deck.slug)} className="btn-secondary px-5 py-2.5 text-base">
          Read the article
        </Link>
        {user.role === "teacher" && (
          <Link href="/classes" className="btn-secondary px-5 py-2.5 text-base">
            Assign to a class
          </Link>
        )}
        {deck.ownerId === user.id && (
          <Link href="/drafts" className="btn-secondary px-5 py-2.5 text-base">
            Your drafts
          </Link>
        )}
      </div>
      <section className="card" aria-labelledby="cards-heading">
        <h2 id="cards-heading" className="mb-3 text-lg font-semibold">
          {deck.cards.length} cards
        </h2>
        <ul className="grid gap-2 sm:grid-cols-3" data-testid="card-types">
          {byType.map((t) => (
            <li key={t.type} className="flex items-baseline justify-between rounded-lg bg-canvas px-3 py-2">
              <span>{t.label}</span>
              <span className="font-semibold tabular-nums">{t.count}</span>
            </li>
          ))}
        </ul>
        <details className="mt-4" data-testid="card-list">
          <summary className="cursor-pointer font-medium text-accent">See every card</summary>
          <ol className="mt-3 space-y-2">
            {deck.cards.map((card) => (
              <li key={card.id} className="rounded-lg border border-line px-3 py-2">
                <p className="text-xs font-medium uppercase tracking-wide text-muted">{CARD_TYPE_LABELS[card.type]}</p>
                <p>{card.prompt}</p>
                <p className="text-sm text-muted">{card.answer}</p>
              </li>
            ))}
          </ol>
        </details>
      </section>
      {settings && (
        <section className="card space-y-3" aria-labelledby="settings-heading">
          <h2 id="settings-heading" className="text-lg font-semibold">
            Study settings
          </h2>
          <p className="text-sm text-muted">
            How every student&rsquo;s reviews of this deck are scheduled. Only you can change them.
          </p>
          <DeckSettingsForm slug={deck.slug} settings={settings} />
        </section>
      )}
      <ExportDeckLinks slug={deck.slug} />
    </div>
  );
}
