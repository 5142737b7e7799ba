import { z } from "zod";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Card, Deck, ReviewLog } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";
import type { PublicUser } from "@/lib/auth/users";
import { visibleDecksWhere } from "@/lib/content/decks";
import { gradeCard, newMemoryState, previewIntervals, RatingSchema, SrsError, formatInterval, type IntervalPreview, type Rating } from "@/lib/srs";
import { AnswerCheckError, AnswerResponseSchema, checkAnswer, isAutoGraded, ratingFromAnswer, typicalAnswerMs, TYPICAL_ANSWER_WINDOW } from "@/lib/study/grading";
import { memoryStateOf, snapshotFromJson, snapshotToJson, type StateSnapshot } from "@/lib/study/memory";
import { deckSrsSettings } from "@/lib/study/settings";

/**
 * POST /api/reviews. `version` is the card state's version the student saw (0 for a card they
 * have never studied): a review based on an older state loses with 409 instead of overwriting.
 */
export const ReviewSubmissionSchema = z.object({
  reviewId: z.uuid({ error: "reviewId must be a UUID the browser generates once per review (and reuses when retrying)." }),
  cardId: z.uuid({ error: "cardId must be the id of a card from your queue." }),
  version: z.number({ error: "version must be the card's version from your queue (0 for a new card)." }).int().min(0),
  /** Self-graded cards: required. Auto-graded cards: optional, the student's override of the suggested rating. */
  rating: RatingSchema.optional(),
  /** Auto-graded cards: the answer, checked on the server. */
  response: AnswerResponseSchema.optional(),
  /** Time from showing the card to answering; drives Easy/Hard on auto-graded cards. */
  answerMs: z.number().int().min(0).max(24 * 3600 * 1000).optional(),
});
export type ReviewSubmission = z.infer<typeof ReviewSubmissionSchema>;

export interface CardStateView {
  due: Date;
  state: "new" | "learning" | "review" | "relearning";
  version: number;
  reps: number;
  lapses: number;
  suspended: boolean;
  leech: boolean;
}

export interface ReviewResult {
  reviewId: string;
  cardId: string;
  rating: Rating;
  /** Auto-graded cards: was the answer right. Null for self-graded cards. */
  correct: boolean | null;
  expected: string;
  explanation: string;
  quote: string;
  /** The passage in the reader, for going back to the source after a lapse. */
  readerUrl: string;
  lapse: boolean;
  /** "4d": how long until the card is due again. */
  interval: string;
  state: CardStateView;
  /** Where each other rating would have sent the card (for overriding the suggested rating). */
  alternatives: Record<Rating, IntervalPreview>;
  /** True when this answers a retry of a review already recorded. */
  replayed: boolean;
}

type CardWithDeck = Card & { deck: Deck };

const CONFLICT = "This card changed since you loaded it (reviewed in another tab?). Reload your queue to continue.";

/**
 * Records one review exactly once: the log row and the card's new state in one transaction. A retry
 * with the same reviewId returns the stored result without writing; of two reviews racing on one
 * card, one wins and the other gets 409.
 */
export async function submitReview(user: Pick<PublicUser, "id">, input: ReviewSubmission, now: Date): Promise<ReviewResult> {
  const stored = await findReview(user.id, input.reviewId);
  if (stored) return replay(stored, input);

  const card = await db.card.findFirst({ where: { id: input.cardId, deck: visibleDecksWhere(user) }, include: { deck: true } });
  if (!card) throw new HttpError(404, "That card is not in any of your decks.", "card_not_found");
  if (card.retiredAt) throw new HttpError(422, "This card was removed from its deck and is no longer studied.", "card_retired");

  const { rating, correct } = await rateAnswer(user.id, card, input);
  const settings = deckSrsSettings(card.deck);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId: card.id } } });
      if ((row?.version ?? 0) !== input.version) throw new HttpError(409, CONFLICT, "version_conflict");
      if (row?.suspended) throw new HttpError(422, "This card is suspended (it became a leech). Unsuspend it to study it again.", "card_suspended");

      const before: StateSnapshot = row
        ? { ...memoryStateOf(row), suspended: row.suspended, leech: row.leech, version: row.version }
        : { ...newMemoryState(now), suspended: false, leech: false, version: 0 };
      const graded = gradeCard(before, rating, now, settings);
      const after = { ...graded.state, suspended: graded.leech || before.suspended, leech: graded.leech || before.leech };
      if (row) {
        const { count } = await tx.cardState.updateMany({
          where: { userId: user.id, cardId: card.id, version: input.version },
          data: { ...after, version: { increment: 1 } },
        });
        if (count === 0) throw new HttpError(409, CONFLICT, "version_conflict");
      } else {
        await tx.cardState.create({ data: { ...after, userId: user.id, cardId: card.id, deckId: card.deckId, version: 1 } });
      }
      const log = await tx.reviewLog.create({
        data: {
          clientReviewId: input.reviewId,
          userId: user.id,
          cardId: card.id,
          deckId: card.deckId,
          rating,
          stateBefore: graded.review.stateBefore,
          stateAfter: graded.review.stateAfter,
          elapsedDays: graded.review.elapsedDays,
          scheduledDays: graded.review.scheduledDays,
          dueAfter: graded.review.due,
          stabilityAfter: graded.review.stability,
          difficultyAfter: graded.review.difficulty,
          previous: row ? snapshotToJson(before) : undefined,
          answerMs: input.answerMs ?? null,
          correct,
          reviewedAt: now,
        },
      });
      return buildResult(log, card, { ...after, version: before.version + 1 }, false);
    });
  } catch (error) {
    // Lost a race: if it was against a retry of this same review, answer with what was stored.
    if ((error instanceof HttpError && error.code === "version_conflict") || isUniqueViolation(error)) {
      const winner = await findReview(user.id, input.reviewId);
      if (winner) return replay(winner, input);
      throw new HttpError(409, CONFLICT, "version_conflict");
    }
    if (error instanceof SrsError) throw new HttpError(422, error.message, "cannot_schedule");
    throw error;
  }
}

async function rateAnswer(userId: string, card: CardWithDeck, input: ReviewSubmission): Promise<{ rating: Rating; correct: boolean | null }> {
  if (!isAutoGraded(cardForGrading(card))) {
    if (input.response) throw new HttpError(422, "This card is self-graded: send a rating (again, hard, good or easy), not an answer.", "self_graded");
    if (!input.rating) throw new HttpError(422, "Rate how well you recalled this card: again, hard, good or easy.", "rating_required");
    return { rating: input.rating, correct: null };
  }
  if (!input.response) throw new HttpError(422, "Send your answer for this card: it is checked on the server.", "response_required");
  let correct: boolean;
  try {
    correct = checkAnswer(cardForGrading(card), input.response).correct;
  } catch (error) {
    if (error instanceof AnswerCheckError) throw new HttpError(422, error.message, error.code);
    throw error;
  }
  if (input.rating) return { rating: input.rating, correct };
  const typicalMs = correct ? await typicalAnswerTime(userId, card.type) : null;
  return { rating: ratingFromAnswer({ correct, answerMs: input.answerMs ?? null, typicalMs }), correct };
}

function cardForGrading(card: Card) {
  return { type: card.type, answer: card.answer, options: card.options, extra: (card.extra ?? {}) as Record<string, unknown> };
}

/** The student's usual time for a right answer on this kind of card (median of recent ones). */
async function typicalAnswerTime(userId: string, type: Card["type"]): Promise<number | null> {
  const recent = await db.reviewLog.findMany({
    where: { userId, correct: true, answerMs: { not: null }, card: { type } },
    orderBy: { reviewedAt: "desc" },
    take: TYPICAL_ANSWER_WINDOW,
    select: { answerMs: true },
  });
  return typicalAnswerMs(recent.map((r) => r.answerMs!));
}

function findReview(userId: string, reviewId: string) {
  return db.reviewLog.findUnique({ where: { userId_clientReviewId: { userId, clientReviewId: reviewId } }, include: { card: { include: { deck: true } } } });
}

async function replay(stored: ReviewLog & { card: CardWithDeck }, input: ReviewSubmission): Promise<ReviewResult> {
  if (stored.cardId !== input.cardId) {
    throw new HttpError(422, "This reviewId was already used for another card. Generate a new one for each review.", "review_id_reused");
  }
  const state = await db.cardState.findUnique({ where: { userId_cardId: { userId: stored.userId, cardId: stored.cardId } } });
  const previous = snapshotFromJson(stored.previous);
  const view = {
    due: stored.dueAfter,
    state: stored.stateAfter,
    version: (previous?.version ?? 0) + 1,
    reps: state?.reps ?? 0,
    lapses: state?.lapses ?? 0,
    suspended: state?.suspended ?? false,
    leech: state?.leech ?? false,
  };
  return buildResult(stored, stored.card, view, true);
}

function buildResult(
  log: ReviewLog,
  card: CardWithDeck,
  state: CardStateView,
  replayed: boolean,
): ReviewResult {
  const previous = snapshotFromJson(log.previous) ?? newMemoryState(log.reviewedAt);
  return {
    reviewId: log.clientReviewId,
    cardId: log.cardId,
    rating: log.rating,
    correct: log.correct,
    expected: card.answer,
    explanation: card.explanation,
    quote: card.quote,
    readerUrl: `/decks/${card.deck.slug}/article?card=${encodeURIComponent(card.externalId)}`,
    lapse: log.rating === "again",
    interval: formatInterval(log.dueAfter.getTime() - log.reviewedAt.getTime()),
    state: {
      due: state.due,
      state: state.state,
      version: state.version,
      reps: state.reps,
      lapses: state.lapses,
      suspended: state.suspended,
      leech: state.leech,
    },
    alternatives: previewIntervals(previous, log.reviewedAt, deckSrsSettings(card.deck)),
    replayed,
  };
}

/**
 * Undoes the student's latest review of a card: puts the card's state back exactly as it was
 * (or removes it, for a card that was new) and deletes the log row, in one transaction.
 */
export async function undoReview(user: Pick<PublicUser, "id">, reviewId: string): Promise<{ reviewId: string; cardId: string; state: CardStateView | null }> {
  const log = await db.reviewLog.findUnique({ where: { userId_clientReviewId: { userId: user.id, clientReviewId: reviewId } } });
  if (!log) throw new HttpError(404, "There is no review with that id to undo.", "review_not_found");
  const latest = await db.reviewLog.findFirst({
    where: { userId: user.id, cardId: log.cardId },
    orderBy: [{ reviewedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true },
  });
  if (latest?.id !== log.id) throw new HttpError(409, "Only the most recent review of a card can be undone.", "not_latest_review");

  const previous = snapshotFromJson(log.previous);
  const versionAfter = (previous?.version ?? 0) + 1;
  return db.$transaction(async (tx) => {
    const where = { userId: user.id, cardId: log.cardId, version: versionAfter };
    const { count } = previous
      ? await tx.cardState.updateMany({ where, data: previous })
      : await tx.cardState.deleteMany({ where });
    if (count === 0) throw new HttpError(409, "This card changed after that review, so it can no longer be undone.", "version_conflict");
    const deleted = await tx.reviewLog.deleteMany({ where: { id: log.id } });
    if (deleted.count === 0) throw new HttpError(409, "That review was already undone.", "already_undone");
    return {
      reviewId,
      cardId: log.cardId,
      state: previous
        ? { due: previous.due, state: previous.state, version: previous.version, reps: previous.reps, lapses: previous.lapses, suspended: previous.suspended, leech: previous.leech }
        : null,
    };
  });
}
