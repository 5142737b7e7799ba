import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { PublicUser } from "@/lib/auth/users";
import { visibleDecksWhere } from "@/lib/content/decks";
import {
  nextStudyDay,
  previewIntervals,
  startOfStudyDay,
  newMemoryState,
  type IntervalPreview,
  type Rating,
} from "@/lib/srs";
import { cardKind, type CardType, type ResponseKind } from "@/lib/cards";
import { memoryStateOf } from "@/lib/study/memory";
import { queueSql, type QueueSqlRow } from "@/lib/study/queue-sql";
import { deckSrsSettings, studyDayOf } from "@/lib/study/settings";
import { parametersForStudent, withStudentParameters } from "@/lib/models/parameters";
import { assignedRetention, withAssignedRetention } from "@/lib/study/assigned-retention";

/** One card as the study page shows it. Auto-graded cards carry no answer: the server checks it. */
export interface QueueCard {
  cardId: string;
  externalId: string;
  type: CardType;
  prompt: string;
  /** Options in a fixed per-student order (a timeline's events shuffled). */
  options: string[];
  autoGraded: boolean;
  /** What the student answers with when the server checks it (null: self-graded, rated by the student). */
  responseKind: ResponseKind | null;
  /** Self-graded cards only, revealed after the student has tried. */
  answer: string | null;
  explanation: string | null;
  quote: string;
  /** The card state's version, echoed back with the review (0: new to this student). */
  version: number;
  kind: "new" | "learning" | "review";
  /** Self-graded cards only: where each rating would send the card ("Good · 4d"). */
  intervals: Record<Rating, IntervalPreview> | null;
}

export interface StudyQueue {
  deck: { slug: string; title: string };
  /** What is left for today, limits applied. */
  remaining: { new: number; learning: number; review: number };
  /** The cards to show next, in order. */
  cards: QueueCard[];
  /** When the next card not yet due (a learning step, or tomorrow's reviews) comes due. */
  nextDueAt: Date | null;
  /** When the student's next day starts (their day-start hour, local time): today's limits reset. */
  dayEndsAt: Date;
}

/** Deterministic shuffle seeded by a string: the same student sees the same order on every reload. */
function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  return items
    .map((item, i) => ({ item, key: createHash("sha256").update(`${seed}:${i}`).digest().readUInt32BE(0) }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

function displayOptions(card: { id: string; type: CardType; options: string[] }, userId: string): string[] {
  const order = cardKind(card.type).optionOrder;
  if (order === "as-written") return card.options;
  const shuffled = seededShuffle(card.options, `${userId}:${card.id}`);
  if (order === "shuffled-out-of-order" && shuffled.every((o, i) => o === card.options[i]) && shuffled.length > 1) {
    shuffled.push(shuffled.shift()!);
  }
  return shuffled;
}

/**
 * The student's queue for a deck, in `orderQueue`'s order (lib/study/queue-order.ts), computed in SQL
 * (lib/study/queue-sql.ts) so only the cards shown leave the database: learning cards
 * that are due, then due reviews (lowest retrievability first) up to the daily review limit, then new
 * cards in deck order up to the daily new-card limit. Days are the student's own (their time zone and
 * day-start hour).
 */
export async function fetchQueue(
  user: Pick<PublicUser, "id" | "timezone" | "dayStartHour">,
  slug: string,
  now: Date,
  limit = 20,
): Promise<StudyQueue> {
  const deck = await db.deck.findFirst({ where: { AND: [{ slug }, visibleDecksWhere(user)] } });
  if (!deck) throw new NotFoundError(`No deck "${slug}" among your decks.`, "deck_not_found");
  // The student's memory model (lib/models/parameters.ts) and their teacher's retention, if set
  // (lib/study/assigned-retention.ts): the buttons' labels are what grading gives.
  const [parameters, assigned] = await Promise.all([
    parametersForStudent(user.id),
    assignedRetention(user.id, deck.id, now),
  ]);
  const settings = withStudentParameters(withAssignedRetention(deckSrsSettings(deck), assigned), parameters);
  const day = studyDayOf(user);
  const dayStart = startOfStudyDay(now, day);
  const dayEnd = nextStudyDay(now, day);

  const [row] = await db.$queryRaw<QueueSqlRow[]>(
    queueSql({
      userId: user.id,
      deckId: deck.id,
      now,
      dayStart,
      dayEnd,
      newCardsPerDay: deck.newCardsPerDay,
      maxReviewsPerDay: deck.maxReviewsPerDay,
      limit,
    }),
  );
  const ordered = row!.cards;
  const ids = ordered.map((e) => e.cardId);
  // Content and scheduling fields of the cards shown only.
  const [cardRows, stateRows] = await Promise.all([
    db.card.findMany({ where: { id: { in: ids } } }),
    db.cardState.findMany({ where: { userId: user.id, cardId: { in: ids } } }),
  ]);
  const cards = new Map(cardRows.map((c) => [c.id, c]));
  const states = new Map(stateRows.map((s) => [s.cardId, s]));
  type Entry = (typeof ordered)[number];

  const view = ({ cardId, kind }: Entry): QueueCard => {
    const card = cards.get(cardId)!;
    const state = kind === "new" ? null : states.get(cardId)!;
    const gradable = {
      type: card.type,
      answer: card.answer,
      options: card.options,
      extra: (card.extra ?? {}) as Record<string, unknown>,
    };
    const responseKind = cardKind(card.type).responseKind(gradable);
    const auto = responseKind !== null;
    return {
      cardId: card.id,
      externalId: card.externalId,
      type: card.type,
      prompt: card.prompt,
      options: displayOptions(card, user.id),
      autoGraded: auto,
      responseKind,
      answer: auto ? null : card.answer,
      explanation: auto ? null : card.explanation,
      quote: card.quote,
      version: state?.version ?? 0,
      kind,
      intervals: auto
        ? null
        : previewIntervals(state ? memoryStateOf(state) : newMemoryState(now), now, settings, {
            cardId: card.id,
            day,
          }),
    };
  };
  return {
    deck: { slug: deck.slug, title: deck.title },
    remaining: { new: row!.new, learning: row!.learning, review: row!.review },
    cards: ordered.map(view),
    nextDueAt: row!.nextDueAt === null ? null : new Date(row!.nextDueAt),
    dayEndsAt: dayEnd,
  };
}
