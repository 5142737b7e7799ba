import { createHash } from "node:crypto";
import { z } from "zod";
import { db, queryRows } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { Prisma, type Card, type Deck, type ReviewLog } from "@/lib/generated/prisma/client";
import { ConflictError, InvalidError, NotFoundError, type DomainError } from "@/lib/errors";
import type { PublicUser } from "@/lib/auth/users";
import { visibleDeckSql } from "@/lib/content/decks";
import {
  gradeCard,
  newMemoryState,
  previewIntervals,
  RatingSchema,
  SrsError,
  formatInterval,
  type IntervalPreview,
  type MemoryState,
  type Rating,
  type StudyDayRule,
} from "@/lib/srs";
import { AnswerCheckError, AnswerResponseSchema, checkAnswer, isAutoGraded, ratingPolicyOf } from "@/lib/cards";
import { ratingFromAnswer, schedulingSettingsFor, typicalAnswerMs, TYPICAL_ANSWER_WINDOW } from "@/lib/study/grading";
import {
  memoryStateOf,
  snapshotFromJson,
  stateFromSqlJson,
  type SqlStateJson,
  type StateSnapshot,
} from "@/lib/study/memory";
import { insertCardStateSql, insertReviewLogSql, isWrongAnswer, setCardStateSql } from "@/lib/study/rows";
import { deckSrsSettings, studyDayOf } from "@/lib/study/settings";
import { passageUrl } from "@/lib/content/links";
import {
  parametersForStudent,
  studentParametersOf,
  studentParametersSql,
  withStudentParameters,
  type StudentParameters,
  type StudentParametersJson,
} from "@/lib/models/parameters";
import { checksForFit, queueFitAfterReviews } from "@/lib/models/worker";
import {
  assignedRetention,
  assignedRetentionAt,
  assignedRetentionsSql,
  withAssignedRetention,
  type AssignedRetention,
  type AssignedRetentionJson,
} from "@/lib/study/assigned-retention";

/**
 * POST /api/reviews. `version` is the card state's version the student saw (0 for a card they
 * have never studied): a review based on an older state loses with 409 instead of overwriting.
 */
export const ReviewSubmissionSchema = z.object({
  reviewId: z.uuid({
    error: "reviewId must be a UUID the browser generates once per review (and reuses when retrying).",
  }),
  cardId: z.uuid({ error: "cardId must be the id of a card from your queue." }),
  version: z.number({ error: "version must be the card's version from your queue (0 for a new card)." }).int().min(0),
  /** Self-graded cards: required. Auto-graded cards: optional, the student's override of the suggested rating. */
  rating: RatingSchema.optional(),
  /** Auto-graded cards: the answer, checked on the server; `{ kind: "dont_know" }` is an honest "again". */
  response: AnswerResponseSchema.optional(),
  /** Time from showing the card to answering; a slow right recall is "hard" (lib/study/grading.ts). */
  answerMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000)
    .optional(),
  /**
   * Overriding an auto-graded answer's rating: the reviewId of that review (the card's latest). The
   * override replaces it as a new version of the review, at the original answer's time; send `rating`
   * and the card's current `version`, and no answer (the checked correctness is kept).
   */
  overrides: z
    .uuid({ error: "overrides must be the reviewId of the review whose rating you are changing." })
    .optional(),
  /**
   * When the student answered, for a review sent later (answered offline): the review is applied at
   * this time rather than at arrival. See `reviewTimeOf` for the limits.
   */
  answeredAt: z.iso
    .datetime({
      offset: true,
      error: "answeredAt must be an ISO 8601 date-time, such as 2026-11-30T12:00:00.000Z.",
    })
    .optional(),
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
  /** Set when the student overrode the automatic rating: the rating the checked answer gave. */
  autoRating: Rating | null;
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
  /** The time the review is recorded at: `answeredAt` when one was sent (within its limits), else arrival. */
  reviewedAt: Date;
  /**
   * True when a newer review of the card had already been recorded (from another device) before this
   * late one arrived: it is kept in the history, and the card's state stays the newer review's.
   */
  superseded: boolean;
}

/** What reviewing needs of a card and of its deck's rules. */
type ReviewCard = Pick<
  Card,
  "id" | "deckId" | "externalId" | "type" | "answer" | "options" | "extra" | "explanation" | "quote" | "retiredAt"
> & {
  deck: Pick<
    Deck,
    "slug" | "desiredRetention" | "learningSteps" | "relearningSteps" | "maximumInterval" | "leechThreshold"
  >;
};

/** What schedules this student's review, read with the card: their memory model and their teachers' retentions. */
interface ReviewScheduling {
  parameters: StudentParameters;
  /** Candidates for the retention a teacher set (lib/study/assigned-retention.ts), best first. */
  assignments: AssignedRetentionJson;
}

/**
 * The card (only if the student may see its deck), its deck's rules, the student's state of it,
 * their parameter set and the retentions their teachers set for the deck: one statement, because
 * this runs on every review (bench/review-throughput).
 */
async function loadCardForReview(
  userId: string,
  cardId: string,
): Promise<{ card: ReviewCard; state: StateSnapshot | null; scheduling: ReviewScheduling } | null> {
  const [row] = await queryRows<
    Omit<ReviewCard, "deck"> &
      ReviewCard["deck"] & {
        state: SqlStateJson<StateSnapshot> | null;
        pick: StudentParametersJson;
        assignments: AssignedRetentionJson;
      }
  >(Prisma.sql`
    SELECT c.id::text AS id, c."deckId"::text AS "deckId", c."externalId", c.type::text AS type, c.answer, c.options, c.extra,
           c.explanation, c.quote, c."retiredAt",
           d.slug, d."desiredRetention", d."learningSteps", d."relearningSteps", d."maximumInterval", d."leechThreshold",
           CASE WHEN s."userId" IS NULL THEN NULL ELSE json_build_object(
             'due', s.due, 'stability', s.stability, 'difficulty', s.difficulty, 'elapsedDays', s."elapsedDays",
             'scheduledDays', s."scheduledDays", 'learningSteps', s."learningSteps", 'reps', s.reps, 'lapses', s.lapses,
             'state', s.state, 'lastReview', s."lastReview", 'suspended', s.suspended, 'leech', s.leech, 'version', s.version) END AS state,
           ${studentParametersSql(userId)} AS pick,
           ${assignedRetentionsSql(userId, Prisma.sql`c."deckId"`)} AS assignments
    FROM "Card" c JOIN "Deck" d ON d.id = c."deckId"
    LEFT JOIN "CardState" s ON s."cardId" = c.id AND s."userId" = ${userId}::uuid
    WHERE c.id = ${cardId}::uuid AND ${visibleDeckSql(userId)}`);
  if (!row) return null;
  const {
    slug,
    desiredRetention,
    learningSteps,
    relearningSteps,
    maximumInterval,
    leechThreshold,
    state,
    pick,
    assignments,
    ...card
  } = row;
  return {
    card: {
      ...card,
      deck: { slug, desiredRetention, learningSteps, relearningSteps, maximumInterval, leechThreshold },
    },
    state: state && stateFromSqlJson(state),
    scheduling: { parameters: studentParametersOf(pick), assignments },
  };
}

const CONFLICT = "This card changed since you loaded it (reviewed in another tab?). Reload your queue to continue.";
const REUSED =
  "This reviewId was already used for a different review. Generate a new reviewId for each review, and reuse it only to retry the very same request.";

/** Who is reviewing: the account's id and the days it keeps (time zone and day-start hour). */
type Reviewer = Pick<PublicUser, "id" | "timezone" | "dayStartHour">;

/**
 * Records one review exactly once: the log row and the card's new state in one statement. A retry
 * with the same reviewId and body returns the stored result without writing; the same reviewId with
 * another body is refused (422, `review_id_reused`); of two reviews racing on one card, one wins and
 * the other gets 409. With `overrides`, see `overrideReview`.
 */
export async function submitReview(user: Reviewer, input: ReviewSubmission, now: Date): Promise<ReviewResult> {
  const loaded = await loadCardForReview(user.id, input.cardId);
  if (!loaded)
    return replayOr(user, input, new NotFoundError("That card is not in any of your decks.", "card_not_found"));
  const { card, state: row, scheduling } = loaded;
  if (card.retiredAt)
    throw new InvalidError("This card was removed from its deck and is no longer studied.", "card_retired");
  const answeredAt = reviewTimeOf(input, now);
  // A stale version is either a retry of a review already recorded, or a real conflict; a late
  // review (answeredAt sent) of a card that changed meanwhile is resolved instead (resolveLateReview).
  if ((row?.version ?? 0) !== input.version) {
    if (!input.answeredAt || input.overrides || !row)
      return replayOr(user, input, new ConflictError(CONFLICT, "version_conflict"));
    return resolveLateReview(user, card, row, scheduling, input, answeredAt, now);
  }
  if (input.overrides) return overrideReview(user, card, row, scheduling, input, input.overrides, now);
  return applyReview(user, card, row, scheduling, input, answeredAt, now);
}

/** How far back an offline answer may be applied: past this, the client's clock or outbox is wrong. */
export const MAX_ANSWER_AGE_MS = 30 * 24 * 3600 * 1000;

/**
 * The time a review is applied at: its `answeredAt`, never in the future (a fast client clock is
 * clamped to arrival), or arrival when none was sent. An answer older than MAX_ANSWER_AGE_MS is
 * refused (422) rather than clamped: scheduling it as if given today would misstate the interval.
 */
function reviewTimeOf(input: ReviewSubmission, now: Date): Date {
  if (!input.answeredAt) return now;
  const at = new Date(input.answeredAt);
  if (now.getTime() - at.getTime() > MAX_ANSWER_AGE_MS)
    throw new InvalidError(
      `answeredAt is more than ${MAX_ANSWER_AGE_MS / 86_400_000} days ago: a review is applied at most that late. Answer the card again.`,
      "answered_too_long_ago",
    );
  return at.getTime() > now.getTime() ? now : at;
}

/**
 * A review graded from the card's current state at `answeredAt`, clamped to the card's last review
 * (a review never goes back before one already applied: the clocks of two devices may disagree).
 */
async function applyReview(
  user: Reviewer,
  card: ReviewCard,
  row: StateSnapshot | null,
  scheduling: ReviewScheduling,
  input: ReviewSubmission,
  answeredAt: Date,
  now: Date,
): Promise<ReviewResult> {
  if (row?.suspended)
    throw new InvalidError(
      "This card is suspended (it became a leech). Unsuspend it to study it again.",
      "card_suspended",
    );
  const reviewedAt = row?.lastReview && row.lastReview > answeredAt ? row.lastReview : answeredAt;
  const { rating, correct } = await rateAnswer(user.id, card, input);
  const before: StateSnapshot = row
    ? { ...memoryStateOf(row), suspended: row.suspended, leech: row.leech, version: row.version }
    : { ...newMemoryState(reviewedAt), suspended: false, leech: false, version: 0 };
  return recordReview(user, card, scheduling, input, {
    exists: row !== null,
    before,
    rating,
    correct,
    autoRating: null,
    answerMs: input.answerMs ?? null,
    reviewedAt,
    writtenAt: now,
  });
}

/**
 * A late review (answered offline) of a card whose state moved since the student's copy, resolved
 * the way Anki's sync does: every review is kept, and the latest state wins. Answered after the
 * card's last review, it is applied on the current state; answered before, it joins the history
 * (`superseded`) and the state stays the newer review's. A retry is answered from the log first.
 */
async function resolveLateReview(
  user: Reviewer,
  card: ReviewCard,
  row: StateSnapshot,
  scheduling: ReviewScheduling,
  input: ReviewSubmission,
  answeredAt: Date,
  now: Date,
): Promise<ReviewResult> {
  const stored = await findReview(user.id, input.reviewId);
  if (stored) return replayFor(user, stored, input);
  if (!row.lastReview || answeredAt >= row.lastReview)
    return applyReview(user, card, row, scheduling, input, answeredAt, now);
  const refused = new ConflictError(CONFLICT, "version_conflict");
  const { rating, correct } = await rateAnswer(user.id, card, input);
  const current: StateSnapshot = {
    ...memoryStateOf(row),
    suspended: row.suspended,
    leech: row.leech,
    version: row.version,
  };
  // The state does not move: the row says so with versionAfter equal to its previous snapshot's
  // version (a review that moves the state always adds one), which is how a replay tells it apart.
  // The state stays, but a wrong answer still counts (CardState.wrongCount), in the same statement.
  const counted = isWrongAnswer({ correct, rating })
    ? Prisma.sql`, counted AS (
        UPDATE "CardState" SET "wrongCount" = "wrongCount" + 1
        WHERE "userId" = ${user.id}::uuid AND "cardId" = ${card.id}::uuid AND EXISTS (SELECT 1 FROM logged) RETURNING 1)`
    : Prisma.empty;
  let written: { logId: string }[];
  try {
    written = await queryRows<{ logId: string }>(Prisma.sql`
      WITH logged AS (${insertReviewLogSql({
        clientReviewId: input.reviewId,
        userId: user.id,
        cardId: card.id,
        deckId: card.deckId,
        rating,
        stateBefore: row.state,
        stateAfter: row.state,
        elapsedDays: 0,
        scheduledDays: row.scheduledDays,
        dueAfter: row.due,
        stabilityAfter: row.stability,
        difficultyAfter: row.difficulty,
        lapsesAfter: row.lapses,
        leech: false,
        previous: current,
        answerMs: input.answerMs ?? null,
        correct,
        autoRating: null,
        versionAfter: row.version,
        requestHash: requestHash(input),
        reviewedAt: answeredAt,
        createdAt: now,
      })}
      WHERE NOT EXISTS (SELECT 1 FROM "UndoneReview" WHERE "userId" = ${user.id}::uuid AND "clientReviewId" = ${input.reviewId}::uuid)
      RETURNING id)${counted}
      SELECT id::text AS "logId" FROM logged`);
  } catch (error) {
    if (isUniqueViolation(error)) return replayOr(user, input, refused);
    throw error;
  }
  if (!written[0]) return replayOr(user, input, refused);
  return buildResult(
    {
      reviewId: input.reviewId,
      cardId: card.id,
      rating,
      correct,
      autoRating: null,
      dueAfter: row.due,
      reviewedAt: answeredAt,
      previous: memoryStateOf(row),
      superseded: true,
    },
    card,
    current,
    studyDayOf(user),
    scheduling.parameters,
    assignedRetentionAt(scheduling.assignments, answeredAt),
    false,
  );
}

/**
 * The student overrides an auto-graded answer's rating: a new version of that review, which replaces
 * it (the card is re-graded from the state before it). The override keeps the checked correctness
 * beside the new rating and the original answer's time (`reviewedAt`, `answerMs`: reading the
 * feedback is not answering), and never rates a wrong answer above Hard. Only the card's latest
 * review can be overridden, and only once per version: a second override names the first.
 */
async function overrideReview(
  user: Reviewer,
  card: ReviewCard,
  row: StateSnapshot | null,
  scheduling: ReviewScheduling,
  input: ReviewSubmission,
  overridden: string,
  now: Date,
): Promise<ReviewResult> {
  if (!isAutoGraded(cardForGrading(card)))
    throw new InvalidError(
      "Only an automatically graded answer can be overridden; rate this card with a new review.",
      "not_auto_graded",
    );
  if (!input.rating)
    throw new InvalidError("Send the rating you want instead: again, hard, good or easy.", "rating_required");
  const original = await findReview(user.id, overridden);
  if (!original || original.cardId !== card.id || !row)
    throw new NotFoundError("There is no review of this card with that id to override.", "review_not_found");
  if (original.correct === null)
    throw new InvalidError(
      "That review was rated by you, not graded automatically: undo it and rate again.",
      "not_auto_graded",
    );
  if (versionAfterOf(original) !== row.version || isSuperseded(original))
    throw new ConflictError(
      "Only the card's most recent review can be overridden. Reload your queue to continue.",
      "not_latest_review",
    );

  const previous = snapshotFromJson(original.previous);
  const before: StateSnapshot = previous
    ? { ...previous, version: row.version }
    : { ...newMemoryState(original.reviewedAt), suspended: false, leech: false, version: row.version };
  return recordReview(
    user,
    card,
    scheduling,
    input,
    {
      exists: true,
      before,
      // The snapshot the replaced review recorded, so undoing the override undoes the review.
      logPrevious: previous,
      rating: capWrongAnswer(input.rating, original.correct),
      correct: original.correct,
      autoRating: original.autoRating ?? original.rating,
      answerMs: original.answerMs,
      reviewedAt: original.reviewedAt,
      writtenAt: now,
    },
    original,
  );
}

/** A wrong answer is at best a Hard (a pass that was barely one): never Good or Easy. */
function capWrongAnswer(rating: Rating, correct: boolean): Rating {
  return !correct && (rating === "good" || rating === "easy") ? "hard" : rating;
}

interface ReviewToRecord {
  /** The student has a CardState row for the card (else this is their first review of it). */
  exists: boolean;
  /** The state graded from; its version is the card's current version. */
  before: StateSnapshot;
  /** `ReviewLog.previous`, when it differs from `before` (an override records the replaced review's). */
  logPrevious?: StateSnapshot | null;
  rating: Rating;
  correct: boolean | null;
  autoRating: Rating | null;
  answerMs: number | null;
  reviewedAt: Date;
  /** When the write happens (`updatedAt`, `createdAt`): an override's `reviewedAt` is the original's. */
  writtenAt: Date;
}

async function recordReview(
  user: Reviewer,
  card: ReviewCard,
  scheduling: ReviewScheduling,
  input: ReviewSubmission,
  review: ReviewToRecord,
  replaces?: ReviewLog,
): Promise<ReviewResult> {
  const { before, reviewedAt } = review;
  const day = studyDayOf(user);
  const { parameters } = scheduling;
  const assigned = assignedRetentionAt(scheduling.assignments, reviewedAt);
  let graded;
  try {
    graded = gradeCard(before, review.rating, reviewedAt, cardSrsSettings(card, parameters, assigned), {
      cardId: card.id,
      day,
    });
  } catch (error) {
    if (error instanceof SrsError) throw new InvalidError(error.message, "cannot_schedule");
    throw error;
  }
  const after = {
    ...graded.state,
    suspended: graded.leech || before.suspended,
    leech: graded.leech || before.leech,
    version: before.version + 1,
  };
  const logPrevious = review.logPrevious !== undefined ? review.logPrevious : review.exists ? before : null;

  let written: { logId: string | null }[];
  try {
    written = await queryRows<{ logId: string | null }>(
      writeReviewSql(user.id, card, input, review, logPrevious, after, graded.review, replaces),
    );
  } catch (error) {
    // The review id is taken: a retry racing its original. Answer with what the winner stored.
    if (isUniqueViolation(error)) return replayOr(user, input, new ConflictError(CONFLICT, "version_conflict"));
    throw error;
  }
  if (!written[0]?.logId) return replayOr(user, input, new ConflictError(CONFLICT, "version_conflict"));
  const recorded: RecordedReview = {
    reviewId: input.reviewId,
    cardId: card.id,
    rating: review.rating,
    correct: review.correct,
    autoRating: review.autoRating,
    dueAfter: graded.review.due,
    reviewedAt,
    previous: logPrevious ?? newMemoryState(reviewedAt),
    superseded: false,
  };
  // Every FIT_EVERY_REVIEWS reviews (asked on one review in FIT_CHECK_EVERY), a refit of the
  // student's memory model is queued for the background worker (lib/models/worker.ts). The review
  // is recorded already: a failure here must not turn it into an error the browser would retry.
  if (checksForFit(input.reviewId))
    await queueFitAfterReviews(user.id, review.writtenAt).catch((error: unknown) => {
      console.warn(`[clio] could not queue a parameter fit: ${error instanceof Error ? error.message : String(error)}`);
    });
  return buildResult(recorded, card, after, day, parameters, assigned, false);
}

/**
 * The card's new state and its log row in ONE statement (data-modifying CTEs): atomic like a
 * transaction, in one round trip instead of five (bench/review-throughput). The state is written
 * only if its version is still the one the student saw; the log row only if the state was written.
 * For a card new to the student, a concurrent first review, or a retry of an undone one, makes the
 * insert do nothing instead. An override also deletes the review it replaces and spends its id.
 */
function writeReviewSql(
  userId: string,
  card: Pick<Card, "id" | "deckId">,
  input: ReviewSubmission,
  review: ReviewToRecord,
  previous: StateSnapshot | null,
  after: StateSnapshot,
  graded: ReturnType<typeof gradeCard>["review"],
  replaces?: ReviewLog,
) {
  const { writtenAt } = review;
  // CardState.wrongCount follows the log: one more for a wrong answer, one less for a replaced one.
  const wrong = isWrongAnswer(review) ? 1 : 0;
  const wrongDelta = wrong - (replaces && isWrongAnswer(replaces) ? 1 : 0);
  const writeState = review.exists
    ? Prisma.sql`
        UPDATE "CardState" SET ${setCardStateSql(after, writtenAt, wrongDelta)}
        WHERE "userId" = ${userId}::uuid AND "cardId" = ${card.id}::uuid AND version = ${review.before.version}
        RETURNING version`
    : Prisma.sql`
        ${insertCardStateSql({ ...after, userId, cardId: card.id, deckId: card.deckId, wrongCount: wrong, createdAt: writtenAt, updatedAt: writtenAt })}
        WHERE NOT EXISTS (SELECT 1 FROM "UndoneReview" WHERE "userId" = ${userId}::uuid AND "clientReviewId" = ${input.reviewId}::uuid)
        ON CONFLICT ("userId", "cardId") DO NOTHING
        RETURNING version`;
  const log = insertReviewLogSql({
    clientReviewId: input.reviewId,
    userId,
    cardId: card.id,
    deckId: card.deckId,
    rating: review.rating,
    stateBefore: graded.stateBefore,
    stateAfter: graded.stateAfter,
    elapsedDays: graded.elapsedDays,
    scheduledDays: graded.scheduledDays,
    dueAfter: graded.due,
    stabilityAfter: graded.stability,
    difficultyAfter: graded.difficulty,
    lapsesAfter: after.lapses,
    leech: after.suspended && !review.before.suspended,
    previous,
    answerMs: review.answerMs,
    correct: review.correct,
    autoRating: review.autoRating,
    versionAfter: after.version,
    requestHash: requestHash(input),
    reviewedAt: review.reviewedAt,
    createdAt: writtenAt,
  });
  const replaced = replaces
    ? Prisma.sql`,
    replaced AS (DELETE FROM "ReviewLog" WHERE id = ${replaces.id}::uuid AND EXISTS (SELECT 1 FROM written) RETURNING id),
    spent AS (
      INSERT INTO "UndoneReview" ("userId", "clientReviewId", "cardId")
      SELECT ${userId}::uuid, ${replaces.clientReviewId}::uuid, ${card.id}::uuid FROM replaced
      ON CONFLICT DO NOTHING RETURNING 1)`
    : Prisma.empty;
  return Prisma.sql`
    WITH written AS (${writeState}),
    logged AS (${log} FROM written RETURNING id)${replaced}
    SELECT (SELECT id::text FROM logged) AS "logId"`;
}

/**
 * The request's fingerprint for the idempotency key (reviewId): the same id may only come back with
 * the same body. Keys are sorted so the JSON key order the client used does not matter.
 */
function requestHash(input: ReviewSubmission): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash("sha256")
    .update(JSON.stringify(canonical(input)))
    .digest("hex");
}

/** A recorded review's result, previewed with the student's parameters and the retention that applied then. */
async function replayFor(user: Reviewer, stored: ReviewLog & { card: ReviewCard }, input: ReviewSubmission) {
  const [parameters, assigned] = await Promise.all([
    parametersForStudent(user.id),
    assignedRetention(user.id, stored.deckId, stored.reviewedAt),
  ]);
  return replay(stored, input, studyDayOf(user), parameters, assigned);
}

/** For a request that cannot apply: the stored result if it is a retry of a recorded review, else `error`. */
async function replayOr(user: Reviewer, input: ReviewSubmission, error: DomainError): Promise<ReviewResult> {
  const stored = await findReview(user.id, input.reviewId);
  if (stored) return replayFor(user, stored, input);
  const undone = await db.undoneReview.findUnique({
    where: { userId_clientReviewId: { userId: user.id, clientReviewId: input.reviewId } },
  });
  if (undone)
    throw new ConflictError(
      "That review was undone or replaced, so it cannot be applied again. Reload your queue to continue.",
      "review_undone",
    );
  throw error;
}

async function rateAnswer(
  userId: string,
  card: ReviewCard,
  input: ReviewSubmission,
): Promise<{ rating: Rating; correct: boolean | null }> {
  if (!isAutoGraded(cardForGrading(card))) {
    if (input.response)
      throw new InvalidError(
        "This card is self-graded: send a rating (again, hard, good or easy), not an answer.",
        "self_graded",
      );
    if (!input.rating)
      throw new InvalidError("Rate how well you recalled this card: again, hard, good or easy.", "rating_required");
    return { rating: input.rating, correct: null };
  }
  if (!input.response)
    throw new InvalidError("Send your answer for this card: it is checked on the server.", "response_required");
  let correct: boolean;
  try {
    correct = checkAnswer(cardForGrading(card), input.response).correct;
  } catch (error) {
    if (error instanceof AnswerCheckError) throw new InvalidError(error.message, error.code);
    throw error;
  }
  if (input.rating) return { rating: input.rating, correct };
  const policy = ratingPolicyOf(cardForGrading(card));
  const typicalMs = correct && policy.evidence === "recall" ? await typicalAnswerTime(userId, card.type) : null;
  return { rating: ratingFromAnswer({ correct, answerMs: input.answerMs ?? null, typicalMs, policy }), correct };
}

/**
 * The settings this card is scheduled with for this student: the deck's, or the retention their
 * teacher set for it (lib/study/assigned-retention.ts), a recognition card aiming higher
 * (lib/study/grading.ts), with the student's memory model (lib/models/parameters.ts).
 */
function cardSrsSettings(
  card: Pick<ReviewCard, "type" | "answer" | "options" | "extra" | "deck">,
  parameters: StudentParameters,
  assigned: AssignedRetention | null,
) {
  return withStudentParameters(
    schedulingSettingsFor(
      withAssignedRetention(deckSrsSettings(card.deck), assigned),
      ratingPolicyOf(cardForGrading(card)),
    ),
    parameters,
  );
}

function cardForGrading(card: Pick<Card, "type" | "answer" | "options" | "extra">) {
  return {
    type: card.type,
    answer: card.answer,
    options: card.options,
    extra: (card.extra ?? {}) as Record<string, unknown>,
  };
}

/** The student's usual time for a right answer on this kind of card (median of recent ones). */
async function typicalAnswerTime(userId: string, type: Card["type"]): Promise<number | null> {
  const recent = await queryRows<{ answerMs: number }>(Prisma.sql`
    SELECT r."answerMs" FROM "ReviewLog" r JOIN "Card" c ON c.id = r."cardId"
    WHERE r."userId" = ${userId}::uuid AND r.correct AND r."answerMs" IS NOT NULL AND c.type = ${type}::"CardType"
    ORDER BY r."reviewedAt" DESC LIMIT ${TYPICAL_ANSWER_WINDOW}`);
  return typicalAnswerMs(recent.map((r) => r.answerMs));
}

function findReview(userId: string, reviewId: string) {
  return db.reviewLog.findUnique({
    where: { userId_clientReviewId: { userId, clientReviewId: reviewId } },
    include: { card: { include: { deck: true } } },
  });
}

/** A review kept in the history only: a newer one had moved the card already (resolveLateReview). */
function isSuperseded(log: Pick<ReviewLog, "versionAfter" | "previous">): boolean {
  const previous = snapshotFromJson(log.previous);
  return log.versionAfter !== null && previous !== null && log.versionAfter === previous.version;
}

/** The card state's version a recorded review produced (older rows: one past the version it started from). */
function versionAfterOf(log: Pick<ReviewLog, "versionAfter" | "previous">): number {
  return log.versionAfter ?? (snapshotFromJson(log.previous)?.version ?? 0) + 1;
}

function replay(
  stored: ReviewLog & { card: ReviewCard },
  input: ReviewSubmission,
  day: StudyDayRule,
  parameters: StudentParameters,
  assigned: AssignedRetention | null,
): ReviewResult {
  if (stored.cardId !== input.cardId) {
    throw new InvalidError(
      "This reviewId was already used for another card. Generate a new one for each review.",
      "review_id_reused",
    );
  }
  if (stored.requestHash !== null && stored.requestHash !== requestHash(input))
    throw new InvalidError(REUSED, "review_id_reused");
  // Only what the review recorded: the card may have been reviewed again since, and a retry must
  // answer exactly what the first attempt answered.
  const previous = snapshotFromJson(stored.previous);
  const view: CardStateView = {
    due: stored.dueAfter,
    state: stored.stateAfter,
    version: versionAfterOf(stored),
    // Every review adds one rep (lib/srs undoReview relies on it too).
    reps: (previous?.reps ?? 0) + (isSuperseded(stored) ? 0 : 1),
    lapses: stored.lapsesAfter ?? previous?.lapses ?? 0,
    suspended: stored.leech || (previous?.suspended ?? false),
    leech: stored.leech || (previous?.leech ?? false),
  };
  const recorded: RecordedReview = {
    reviewId: stored.clientReviewId,
    cardId: stored.cardId,
    rating: stored.rating,
    correct: stored.correct,
    autoRating: stored.autoRating,
    dueAfter: stored.dueAfter,
    reviewedAt: stored.reviewedAt,
    previous: previous ?? newMemoryState(stored.reviewedAt),
    superseded: isSuperseded(stored),
  };
  return buildResult(recorded, stored.card, view, day, parameters, assigned, true);
}

/** What a recorded review contributes to its result (from the write just made, or from the log). */
interface RecordedReview {
  reviewId: string;
  cardId: string;
  rating: Rating;
  correct: boolean | null;
  autoRating: Rating | null;
  dueAfter: Date;
  reviewedAt: Date;
  /** The memory state the review started from (a new card's empty state for a first review). */
  previous: MemoryState;
  superseded: boolean;
}

/** Only the view's fields: the state objects passed in may carry more (stability, ...). */
function toStateView(s: CardStateView): CardStateView {
  return {
    due: s.due,
    state: s.state,
    version: s.version,
    reps: s.reps,
    lapses: s.lapses,
    suspended: s.suspended,
    leech: s.leech,
  };
}

function previewTimeOf({ previous, reviewedAt }: Pick<RecordedReview, "previous" | "reviewedAt">): Date {
  return previous.lastReview && previous.lastReview > reviewedAt ? previous.lastReview : reviewedAt;
}

function buildResult(
  review: RecordedReview,
  card: ReviewCard,
  state: CardStateView,
  day: StudyDayRule,
  parameters: StudentParameters,
  assigned: AssignedRetention | null,
  replayed: boolean,
): ReviewResult {
  return {
    reviewId: review.reviewId,
    cardId: review.cardId,
    rating: review.rating,
    correct: review.correct,
    autoRating: review.autoRating,
    expected: card.answer,
    explanation: card.explanation,
    quote: card.quote,
    readerUrl: passageUrl(card.deck.slug, card.externalId),
    lapse: review.rating === "again",
    interval: formatInterval(review.dueAfter.getTime() - review.reviewedAt.getTime()),
    state: toStateView(state),
    // A superseded review predates the state it is previewed from: preview from that state's time.
    alternatives: previewIntervals(
      review.previous,
      previewTimeOf(review),
      cardSrsSettings(card, parameters, assigned),
      {
        cardId: review.cardId,
        day,
      },
    ),
    replayed,
    reviewedAt: review.reviewedAt,
    superseded: review.superseded,
  };
}

/**
 * Undoes the student's latest review of a card: puts the card's memory back exactly as it was (or
 * removes its state, for a card that was new) and deletes the log row, in one transaction. The
 * version moves forward, never back, and the review's id stays spent (UndoneReview): a stale tab or
 * a late retry of the undone review cannot apply again.
 */
export async function undoReview(
  user: Pick<PublicUser, "id">,
  reviewId: string,
): Promise<{ reviewId: string; cardId: string; state: CardStateView | null }> {
  const log = await db.reviewLog.findUnique({
    where: { userId_clientReviewId: { userId: user.id, clientReviewId: reviewId } },
  });
  if (!log) throw new NotFoundError("There is no review with that id to undo.", "review_not_found");
  const latest = await db.reviewLog.findFirst({
    where: { userId: user.id, cardId: log.cardId },
    orderBy: [{ reviewedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true },
  });
  if (latest?.id !== log.id)
    throw new ConflictError("Only the most recent review of a card can be undone.", "not_latest_review");

  const previous = snapshotFromJson(log.previous);
  const versionAfter = versionAfterOf(log);
  const restored = previous && { ...previous, version: versionAfter + 1 };
  return db.$transaction(async (tx) => {
    const where = { userId: user.id, cardId: log.cardId, version: versionAfter };
    const { count } = restored
      ? await tx.cardState.updateMany({
          where,
          data: { ...restored, wrongCount: { decrement: isWrongAnswer(log) ? 1 : 0 } },
        })
      : await tx.cardState.deleteMany({ where });
    if (count === 0)
      throw new ConflictError(
        "This card changed after that review, so it can no longer be undone.",
        "version_conflict",
      );
    const deleted = await tx.reviewLog.deleteMany({ where: { id: log.id } });
    if (deleted.count === 0) throw new ConflictError("That review was already undone.", "already_undone");
    await tx.undoneReview.create({ data: { userId: user.id, clientReviewId: reviewId, cardId: log.cardId } });
    return {
      reviewId,
      cardId: log.cardId,
      state: restored ? toStateView(restored) : null,
    };
  });
}

/**
 * Brings back a card suspended as a leech: it is scheduled again from its current state. The leech
 * flag stays, as a record. Returns false when the student has no such suspended card.
 */
export async function unsuspendCard(user: Pick<PublicUser, "id">, cardId: string): Promise<boolean> {
  const { count } = await db.cardState.updateMany({
    where: { userId: user.id, cardId, suspended: true },
    data: { suspended: false, version: { increment: 1 } },
  });
  return count === 1;
}
