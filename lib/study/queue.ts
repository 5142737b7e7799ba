import { createHash } from "node:crypto";
import { queryRows } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { PublicUser } from "@/lib/auth/users";
import { visibleDeckSql } from "@/lib/content/decks";
import { Prisma, type Deck } from "@/lib/generated/prisma/client";
import {
  nextStudyDay,
  previewIntervals,
  startOfStudyDay,
  newMemoryState,
  type IntervalPreview,
  type Rating,
} from "@/lib/srs";
import { cardKind, type CardType, type ResponseKind } from "@/lib/cards";
import { queueSql, type QueueSqlRow } from "@/lib/study/queue-sql";
import { memoryStateOf, stateFromSqlJson } from "@/lib/study/memory";
import { deckSrsSettings, studyDayOf } from "@/lib/study/settings";
import {
  studentParametersOf,
  studentParametersSql,
  withStudentParameters,
  type StudentParametersJson,
} from "@/lib/models/parameters";
import {
  assignedRetentionAt,
  assignedRetentionsSql,
  withAssignedRetention,
  type AssignedRetentionJson,
} from "@/lib/study/assigned-retention";

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

/** What the queue needs of a deck: its limits and scheduling rules. */
type QueueDeck = Pick<
  Deck,
  | "id"
  | "slug"
  | "title"
  | "newCardsPerDay"
  | "maxReviewsPerDay"
  | "desiredRetention"
  | "learningSteps"
  | "relearningSteps"
  | "maximumInterval"
  | "leechThreshold"
>;

/**
 * The deck, if the student may see it, with the student's parameter set and their teachers'
 * retentions for it (lib/models/parameters.ts, lib/study/assigned-retention.ts): one statement.
 */
async function findVisibleDeck(
  userId: string,
  slug: string,
): Promise<(QueueDeck & { pick: StudentParametersJson; assignments: AssignedRetentionJson }) | null> {
  const [deck] = await queryRows<QueueDeck & { pick: StudentParametersJson; assignments: AssignedRetentionJson }>(
    Prisma.sql`
    SELECT d.id::text AS id, d.slug, d.title, d."newCardsPerDay", d."maxReviewsPerDay", d."desiredRetention",
           d."learningSteps", d."relearningSteps", d."maximumInterval", d."leechThreshold",
           ${studentParametersSql(userId)} AS pick, ${assignedRetentionsSql(userId, Prisma.sql`d.id`)} AS assignments
    FROM "Deck" d WHERE d.slug = ${slug} AND ${visibleDeckSql(userId)}`,
  );
  return deck ?? null;
}

/**
 * The student's queue for a deck, in `orderQueue`'s order (lib/study/queue-order.ts), computed in SQL
 * (lib/study/queue-sql.ts) so only the cards shown leave the database: learning cards
 * that are due, then due reviews (lowest retrievability first) up to the daily review limit, then new
 * cards in deck order up to the daily new-card limit. Days are the student's own (their time zone and
 * day-start hour).
 *
 * Two statements in sequence (bench/due-queue): the deck with the student's parameter set and
 * their teachers' retentions, then the queue (which returns the shown cards' content and states too).
 */
export async function fetchQueue(
  user: Pick<PublicUser, "id" | "timezone" | "dayStartHour">,
  slug: string,
  now: Date,
  limit = 20,
): Promise<StudyQueue> {
  const deck = await findVisibleDeck(user.id, slug);
  if (!deck) throw new NotFoundError(`No deck "${slug}" among your decks.`, "deck_not_found");
  const day = studyDayOf(user);
  const dayStart = startOfStudyDay(now, day);
  const dayEnd = nextStudyDay(now, day);
  const [row] = await queryRows<QueueSqlRow>(
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
  // The student's memory model and their teacher's retention, if set: the buttons' labels are what
  // grading gives.
  const settings = withStudentParameters(
    withAssignedRetention(deckSrsSettings(deck), assignedRetentionAt(deck.assignments, now)),
    studentParametersOf(deck.pick),
  );
  const ordered = row!.cards;
  type Entry = (typeof ordered)[number];

  const view = (card: Entry): QueueCard => {
    const { kind } = card;
    const state = kind === "new" || card.state === null ? null : card.state;
    const gradable = {
      type: card.type,
      answer: card.answer,
      options: card.options,
      extra: (card.extra ?? {}) as Record<string, unknown>,
    };
    const responseKind = cardKind(card.type).responseKind(gradable);
    const auto = responseKind !== null;
    return {
      cardId: card.cardId,
      externalId: card.externalId,
      type: card.type,
      prompt: card.prompt,
      options: displayOptions({ id: card.cardId, type: card.type, options: card.options }, user.id),
      autoGraded: auto,
      responseKind,
      answer: auto ? null : card.answer,
      explanation: auto ? null : card.explanation,
      quote: card.quote,
      version: state?.version ?? 0,
      kind,
      intervals: auto
        ? null
        : previewIntervals(state ? memoryStateOf(stateFromSqlJson(state)) : newMemoryState(now), now, settings, {
            cardId: card.cardId,
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
