import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PublicUser } from "@/lib/auth/users";
import { visibleDecksWhere } from "@/lib/content/decks";
import { nextStudyDay, startOfStudyDay, studyDateKey } from "@/lib/srs";
import { studyDayOf } from "@/lib/study/settings";

/** One of the student's days, as YYYY-MM-DD: the local date on which it starts (at their day-start hour). */
export type DayKey = string;

export interface ProgressSummary {
  today: DayKey;
  dueToday: number;
  dueTomorrow: number;
  reviewsToday: number;
  reviewsTotal: number;
  /** Consecutive local days with at least one review, up to today (or yesterday, if none yet today). */
  streak: number;
  /** Reviews per local day over the last 365 days (days without reviews omitted). */
  reviewsByDay: { day: DayKey; count: number }[];
  /** Share of reviews of graduated cards recalled (not Again), per week, oldest first. */
  retentionByWeek: { weekStart: DayKey; reviews: number; retention: number | null }[];
  /** Cards coming due on each of the next 30 local days (overdue counts as today). */
  forecast: { day: DayKey; count: number }[];
  cardsByState: { new: number; learning: number; review: number; relearning: number; suspended: number };
  decks: { slug: string; title: string; cards: number; studied: number; dueToday: number; retention: number | null }[];
  /** Cards suspended as leeches, to bring back once the student has reread their passage. */
  suspendedCards: { cardId: string; prompt: string; lapses: number; deckSlug: string; externalId: string }[];
}

function addDays(key: DayKey, n: number): DayKey {
  const d = new Date(`${key}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Everything the progress page draws, for one student. Days are the student's days (time zone and
 * day-start hour, docs/decisions/007-local-days.md); aggregation happens in SQL so the cost does not
 * grow with the number of reviews sent back.
 */
export async function fetchProgress(
  user: Pick<PublicUser, "id" | "timezone" | "dayStartHour">,
  now: Date,
): Promise<ProgressSummary> {
  const tz = user.timezone;
  const day = studyDayOf(user);
  // In SQL, a local time minus this is on the student's day (1 am with a 4 am start: the day before).
  const dayShift = `${day.dayStartHour} hours`;
  const today = studyDateKey(now, day);
  const dayEnd = nextStudyDay(now, day);
  const tomorrowEnd = nextStudyDay(dayEnd, day);
  const yearAgo = startOfStudyDay(new Date(now.getTime() - 365 * 86_400_000), day);
  const weeksAgo = startOfStudyDay(new Date(now.getTime() - 12 * 7 * 86_400_000), day);
  const live = { suspended: false, card: { retiredAt: null } } satisfies Prisma.CardStateWhereInput;

  const [dueToday, dueTomorrow, reviewsToday, reviewsTotal, byDay, byWeek, forecastRows, states, suspended, decks] =
    await Promise.all([
      db.cardState.count({ where: { userId: user.id, due: { lt: dayEnd }, ...live } }),
      db.cardState.count({ where: { userId: user.id, due: { gte: dayEnd, lt: tomorrowEnd }, ...live } }),
      db.reviewLog.count({ where: { userId: user.id, reviewedAt: { gte: startOfStudyDay(now, day) } } }),
      db.reviewLog.count({ where: { userId: user.id } }),
      db.$queryRaw<{ day: string; count: number }[]>`
      SELECT to_char((("reviewedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz}) - ${dayShift}::interval, 'YYYY-MM-DD') AS day, count(*)::int AS count
      FROM "ReviewLog" WHERE "userId" = ${user.id}::uuid AND "reviewedAt" >= ${yearAgo}
      GROUP BY 1 ORDER BY 1`,
      db.$queryRaw<{ week: string; reviews: number; recalled: number }[]>`
      SELECT to_char(date_trunc('week', (("reviewedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz}) - ${dayShift}::interval), 'YYYY-MM-DD') AS week,
             count(*)::int AS reviews, count(*) FILTER (WHERE rating <> 'again')::int AS recalled
      FROM "ReviewLog" WHERE "userId" = ${user.id}::uuid AND "reviewedAt" >= ${weeksAgo} AND "stateBefore" = 'review'
      GROUP BY 1 ORDER BY 1`,
      db.$queryRaw<{ day: string; count: number }[]>`
      SELECT to_char((GREATEST(s.due, ${now}) AT TIME ZONE 'UTC' AT TIME ZONE ${tz}) - ${dayShift}::interval, 'YYYY-MM-DD') AS day, count(*)::int AS count
      FROM "CardState" s JOIN "Card" c ON c.id = s."cardId"
      WHERE s."userId" = ${user.id}::uuid AND NOT s.suspended AND c."retiredAt" IS NULL AND s.due < ${new Date(now.getTime() + 31 * 86_400_000)}
      GROUP BY 1 ORDER BY 1`,
      db.cardState.groupBy({ by: ["state"], where: { userId: user.id, ...live }, _count: { _all: true } }),
      db.cardState.count({ where: { userId: user.id, suspended: true, card: { retiredAt: null } } }),
      db.deck.findMany({
        where: visibleDecksWhere(user),
        orderBy: { title: "asc" },
        select: { id: true, slug: true, title: true, _count: { select: { cards: { where: { retiredAt: null } } } } },
      }),
    ]);

  const suspendedCards = await db.cardState.findMany({
    where: { userId: user.id, suspended: true, card: { retiredAt: null } },
    orderBy: { lapses: "desc" },
    select: {
      cardId: true,
      lapses: true,
      card: { select: { prompt: true, externalId: true, deck: { select: { slug: true } } } },
    },
  });
  const deckIds = decks.map((d) => d.id);
  const [studiedByDeck, dueByDeck, retentionByDeck] = await Promise.all([
    db.cardState.groupBy({
      by: ["deckId"],
      where: { userId: user.id, deckId: { in: deckIds }, card: { retiredAt: null } },
      _count: { _all: true },
    }),
    db.cardState.groupBy({
      by: ["deckId"],
      where: { userId: user.id, deckId: { in: deckIds }, due: { lt: dayEnd }, ...live },
      _count: { _all: true },
    }),
    db.$queryRaw<{ deckId: string; reviews: number; recalled: number }[]>`
      SELECT "deckId"::text AS "deckId", count(*)::int AS reviews, count(*) FILTER (WHERE rating <> 'again')::int AS recalled
      FROM "ReviewLog" WHERE "userId" = ${user.id}::uuid AND "stateBefore" = 'review' GROUP BY 1`,
  ]);

  const reviewDays = new Set(byDay.map((d) => d.day));
  let streak = 0;
  for (let day = reviewDays.has(today) ? today : addDays(today, -1); reviewDays.has(day); day = addDays(day, -1))
    streak++;

  const forecastCounts = new Map(forecastRows.map((r) => [r.day, r.count]));
  const stateCount = (s: string) => states.find((x) => x.state === s)?._count._all ?? 0;
  const studiedTotal = studiedByDeck.reduce((n, d) => n + d._count._all, 0);
  const cardsTotal = decks.reduce((n, d) => n + d._count.cards, 0);

  return {
    today,
    dueToday,
    dueTomorrow,
    reviewsToday,
    reviewsTotal,
    streak,
    reviewsByDay: byDay,
    retentionByWeek: byWeek.map((w) => ({
      weekStart: w.week,
      reviews: w.reviews,
      retention: w.reviews ? w.recalled / w.reviews : null,
    })),
    forecast: Array.from({ length: 30 }, (_, i) => {
      const day = addDays(today, i);
      return { day, count: forecastCounts.get(day) ?? 0 };
    }),
    cardsByState: {
      new: Math.max(0, cardsTotal - studiedTotal),
      learning: stateCount("learning"),
      review: stateCount("review"),
      relearning: stateCount("relearning"),
      suspended,
    },
    suspendedCards: suspendedCards.map((s) => ({
      cardId: s.cardId,
      prompt: s.card.prompt,
      lapses: s.lapses,
      deckSlug: s.card.deck.slug,
      externalId: s.card.externalId,
    })),
    decks: decks.map((d) => {
      const r = retentionByDeck.find((x) => x.deckId === d.id);
      return {
        slug: d.slug,
        title: d.title,
        cards: d._count.cards,
        studied: studiedByDeck.find((x) => x.deckId === d.id)?._count._all ?? 0,
        dueToday: dueByDeck.find((x) => x.deckId === d.id)?._count._all ?? 0,
        retention: r && r.reviews ? r.recalled / r.reviews : null,
      };
    }),
  };
}
