import { computeDecayFactor, FSRS6_DEFAULT_DECAY } from "ts-fsrs";
import { Prisma, type CardType } from "@/lib/generated/prisma/client";
import type { MemoryState } from "@/lib/srs";
import type { SqlStateJson } from "@/lib/study/memory";

// The study queue's order and limits as one SQL statement: the same rules as orderQueue
// (lib/study/queue-order.ts, the pure reference, which tests/integration/study/queue-sql.test.ts
// compares it with), computed where the rows are, so the route's cost follows the cards shown and
// the reviews due rather than the deck's size. The index CardState_queue_idx (userId, deckId, state,
// due; unsuspended states, with the columns the queue reads) serves each part: the due learning
// cards, today's reviews and the next due date are ranges of it, read from the index alone.

export interface QueueSqlParams {
  userId: string;
  deckId: string;
  now: Date;
  /** The start and the end of the student's day: limits count from the start, reviews due before the end are today's. */
  dayStart: Date;
  dayEnd: Date;
  newCardsPerDay: number;
  maxReviewsPerDay: number;
  /** How many cards to return. */
  limit: number;
  /**
   * FSRS-6's decay, w[20] (the forgetting curve R = (1 + factor·t/S)^(−decay)). Per student once
   * students have their own parameters; the default until then.
   */
  decay?: number;
}

/** A shown card's student state, as the statement's JSON gives it (timestamps as UTC text without a zone). */
export type QueueSqlState = SqlStateJson<MemoryState & { version: number }>;

/** A card to show: its place in the queue, its content, and the student's state of it (null: none). */
export interface QueueSqlCard {
  cardId: string;
  kind: "new" | "learning" | "review";
  externalId: string;
  type: CardType;
  prompt: string;
  answer: string;
  options: string[];
  extra: unknown;
  explanation: string;
  quote: string;
  state: QueueSqlState | null;
}

/** One row: what is left today, the next due date, and the cards to show, in order, with their content. */
export interface QueueSqlRow {
  learning: number;
  review: number;
  new: number;
  nextDueAt: Date | string | null;
  cards: QueueSqlCard[];
}

const iso = (d: Date) => d.toISOString();

/**
 * The queue statement, with its values as parameters: run it with `db.$queryRaw(sql)` or
 * node-postgres (`client.query(sql.text, sql.values)`).
 *
 * Retrievability is ts-fsrs's `get_retrievability` in SQL: whole days since the last review
 * (rounded down, never below 0), stability rounded to 8 digits, the result rounded to 8 digits; ties
 * go to the lower cardId (orderQueue keeps its input's order, which callers sort by cardId).
 *
 * The shown cards come with their content and the student's state of them (a join on at most
 * `limit` rows), so the route needs no further round trip for them.
 *
 * @example
 * const [row] = await db.$queryRaw<QueueSqlRow[]>(queueSql({ userId, deckId, now, dayStart, dayEnd, newCardsPerDay: 20, maxReviewsPerDay: 200, limit: 20 }));
 */
export function queueSql(p: QueueSqlParams): Prisma.Sql {
  // computeDecayFactor takes w[20] and answers the curve's exponent (−w[20]) and its factor.
  const { decay, factor } = computeDecayFactor(p.decay ?? FSRS6_DEFAULT_DECAY);
  const user = Prisma.sql`${p.userId}::uuid`;
  const deck = Prisma.sql`${p.deckId}::uuid`;
  const now = Prisma.sql`${iso(p.now)}::timestamp`;
  const dayEnd = Prisma.sql`${iso(p.dayEnd)}::timestamp`;
  const limit = Prisma.sql`${p.limit}::int`;
  // The student's unsuspended states of live cards in the deck (repeated, not a shared CTE: each
  // part must stay its own index range). Retired cards are few: they are left out by a hashed set of
  // them (the partial index Card_retired_idx) rather than by joining every state to its card, and
  // the covering index CardState_queue_idx (unsuspended states only) holds what the parts read, so
  // no state row is visited.
  const retired = Prisma.sql`(SELECT id FROM "Card" WHERE "deckId" = ${deck} AND "retiredAt" IS NOT NULL)`;
  const live = Prisma.sql`"CardState" s
    WHERE s."userId" = ${user} AND s."deckId" = ${deck} AND NOT s.suspended AND s."cardId" NOT IN ${retired}`;
  // In float8, as ts-fsrs computes it in JavaScript (roundTo: Math.round(x · 1e8) / 1e8).
  const days = Prisma.sql`GREATEST(floor(extract(epoch FROM (${now} - s."lastReview"))::float8 / 86400), 0)`;
  const stability = Prisma.sql`(round(s.stability * 1e8) / 1e8)`;
  const recall = Prisma.sql`round(power(1 + ${factor}::float8 * ${days} / ${stability}, ${decay}::float8) * 1e8) / 1e8`;
  const nextOf = (condition: Prisma.Sql) =>
    Prisma.sql`(SELECT s.due FROM ${live} AND ${condition} ORDER BY s.due LIMIT 1)`;

  return Prisma.sql`
    WITH done AS (
      SELECT count(*) FILTER (WHERE "stateBefore" = 'new')::int AS new_done,
             count(*) FILTER (WHERE "stateBefore" = 'review')::int AS review_done
      FROM "ReviewLog"
      WHERE "userId" = ${user} AND "deckId" = ${deck} AND "reviewedAt" >= ${iso(p.dayStart)}::timestamp
    ),
    -- Whether the deck has a live card the student has not seen: counted over two index ranges, so
    -- that a student who has seen them all (the usual case late in a deck) skips the walk in "fresh".
    unseen AS (
      SELECT (SELECT count(*) FROM "Card" c WHERE c."deckId" = ${deck} AND c."retiredAt" IS NULL)
           > (SELECT count(*) FROM "CardState" s WHERE s."userId" = ${user} AND s."deckId" = ${deck})
             - (SELECT count(*) FROM "CardState" s WHERE s."userId" = ${user} AND s."cardId" IN ${retired})
             AS some_unseen
    ),
    lim AS (
      SELECT CASE WHEN (SELECT some_unseen FROM unseen) THEN GREATEST(0, ${p.newCardsPerDay}::int - new_done) ELSE 0 END AS new_left,
             GREATEST(0, ${p.maxReviewsPerDay}::int - review_done) AS review_left
      FROM done
    ),
    learning AS (
      SELECT s."cardId", s.due FROM ${live}
        AND s.state IN ('learning', 'relearning') AND s.due <= ${now}
    ),
    reviews AS (
      SELECT s."cardId", ${recall} AS r FROM ${live}
        AND s.state = 'review' AND s.due < ${dayEnd}
    ),
    fresh AS (
      SELECT c.id AS "cardId", c.position FROM "Card" c
      WHERE c."deckId" = ${deck} AND c."retiredAt" IS NULL
        -- One hashed set of the student's cards in the deck, not a probe per card: a student who has
        -- studied most of the deck would otherwise cost one index lookup per card walked past.
        AND c.id NOT IN (SELECT s."cardId" FROM "CardState" s WHERE s."userId" = ${user} AND s."deckId" = ${deck})
      ORDER BY c.position, c.id
      LIMIT (SELECT new_left FROM lim)
    ),
    shown AS (
      (SELECT "cardId", 'learning' AS kind, 1 AS part, row_number() OVER (ORDER BY due, "cardId") AS rank
       FROM learning ORDER BY due, "cardId" LIMIT ${limit})
      UNION ALL
      (SELECT "cardId", 'review', 2, row_number() OVER (ORDER BY r, "cardId")
       FROM reviews ORDER BY r, "cardId" LIMIT LEAST((SELECT review_left FROM lim), ${limit}))
      UNION ALL
      (SELECT "cardId", 'new', 3, row_number() OVER (ORDER BY position, "cardId")
       FROM fresh ORDER BY position, "cardId" LIMIT ${limit})
    )
    SELECT
      (SELECT count(*)::int FROM learning) AS learning,
      (SELECT LEAST(count(*), (SELECT review_left FROM lim))::int FROM reviews) AS review,
      (SELECT count(*)::int FROM fresh) AS new,
      LEAST(
        ${nextOf(Prisma.sql`s.state IN ('new', 'learning', 'relearning') AND s.due > ${now}`)},
        ${nextOf(Prisma.sql`s.state = 'review' AND s.due >= ${dayEnd} AND s.due > ${now}`)}
      ) AS "nextDueAt",
      (SELECT COALESCE(json_agg(json_build_object(
                'cardId', x."cardId", 'kind', x.kind, 'externalId', c."externalId", 'type', c.type,
                'prompt', c.prompt, 'answer', c.answer, 'options', c.options, 'extra', c.extra,
                'explanation', c.explanation, 'quote', c.quote,
                'state', CASE WHEN st."userId" IS NULL THEN NULL ELSE json_build_object(
                  'version', st.version, 'due', st.due, 'stability', st.stability, 'difficulty', st.difficulty,
                  'elapsedDays', st."elapsedDays", 'scheduledDays', st."scheduledDays",
                  'learningSteps', st."learningSteps", 'reps', st.reps, 'lapses', st.lapses, 'state', st.state,
                  'lastReview', st."lastReview") END
              ) ORDER BY x.part, x.rank), '[]'::json)
       FROM (SELECT * FROM shown ORDER BY part, rank LIMIT ${limit}) x
       -- LATERAL: one lookup by id per card shown, never a scan of the deck's cards.
       -- (OFFSET 0 keeps the planner from flattening it into a join it may run as a scan.)
       CROSS JOIN LATERAL (SELECT * FROM "Card" WHERE id = x."cardId" OFFSET 0) c
       LEFT JOIN LATERAL (SELECT * FROM "CardState" WHERE "userId" = ${user} AND "cardId" = x."cardId" OFFSET 0) st ON true) AS cards`;
}
