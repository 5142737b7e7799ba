import { db } from "@/lib/db";
import { visibleDecksWhere } from "@/lib/content/decks";
import { NotFoundError } from "@/lib/errors";
import { writeApkg, type AnkiProgress } from "./anki/write";
import { layOutCard } from "./card-layout";
import { writeCsv } from "./csv";

export type ExportFormat = "apkg" | "csv";

export type ExportedFile = { fileName: string; contentType: string; bytes: Uint8Array };

/**
 * A deck the viewer may see, as a file: an Anki package carrying the viewer's own scheduling and
 * review history (a student leaves with their progress; nobody else's is ever included), or a CSV of
 * its cards. "operator" is the command line, which has the database itself: any deck, no progress.
 *
 * @throws NotFoundError when there is no such deck among those the viewer may see.
 */
export async function exportDeckAs(
  viewer: { id: string } | "operator",
  slug: string,
  format: ExportFormat,
  now: Date,
): Promise<ExportedFile> {
  const deck = await db.deck.findFirst({
    where: viewer === "operator" ? { slug } : { AND: [{ slug }, visibleDecksWhere(viewer)] },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      article: { select: { title: true } },
      cards: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: {
          id: true,
          externalId: true,
          type: true,
          prompt: true,
          answer: true,
          options: true,
          explanation: true,
          quote: true,
          extra: true,
          tags: true,
        },
      },
    },
  });
  if (!deck) throw new NotFoundError(`There is no deck "${slug}" among yours.`, "deck_not_found");
  const laidOut = deck.cards.map((card) => ({ card, note: layOutCard(card, deck.article.title) }));
  if (format === "csv") {
    const text = writeCsv(
      laidOut.map(({ card, note }) => ({
        front: note.front,
        back: note.back,
        type: card.type,
        explanation: card.explanation,
        quote: card.quote,
        tags: card.tags,
      })),
    );
    return {
      fileName: `${deck.slug}.csv`,
      contentType: "text/csv; charset=utf-8",
      bytes: new TextEncoder().encode(`\uFEFF${text}\r\n`),
    };
  }
  const progress = viewer === "operator" ? new Map<string, AnkiProgress>() : await progressOf(viewer.id, deck.id);
  const bytes = await writeApkg(
    deck.title,
    laidOut.map(({ card, note }) => ({
      key: `${deck.slug}/${card.externalId}`,
      kind: note.kind,
      front: note.front,
      back: note.back,
      extra: note.extra,
      tags: note.tags,
      progress: progress.get(card.id) ?? null,
    })),
    now,
    deck.description,
  );
  return { fileName: `${deck.slug}.apkg`, contentType: "application/octet-stream", bytes };
}

async function progressOf(userId: string, deckId: string): Promise<Map<string, AnkiProgress>> {
  const [states, logs] = await Promise.all([
    db.cardState.findMany({ where: { userId, deckId } }),
    db.reviewLog.findMany({
      where: { userId, deckId },
      orderBy: { reviewedAt: "asc" },
      select: { cardId: true, rating: true, reviewedAt: true, scheduledDays: true, stateBefore: true },
    }),
  ]);
  const progress = new Map<string, AnkiProgress>();
  for (const state of states) {
    progress.set(state.cardId, {
      state: state.state,
      due: state.due,
      scheduledDays: state.scheduledDays,
      reps: state.reps,
      lapses: state.lapses,
      stability: state.stability,
      difficulty: state.difficulty,
      reviews: [],
    });
  }
  for (const log of logs) {
    progress.get(log.cardId)?.reviews.push({
      rating: log.rating,
      reviewedAt: log.reviewedAt,
      scheduledDays: log.scheduledDays,
      state: log.stateBefore,
    });
  }
  return progress;
}
