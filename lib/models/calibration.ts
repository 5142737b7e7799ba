import { forgetting_curve } from "ts-fsrs";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireOwnedClass, type ClassUser } from "@/lib/classes/access";
import { DEFAULT_PARAMETERS } from "@/lib/srs/fit";
import { studyDayNumberSql } from "@/lib/stats/study-day-sql";
import { parametersForStudents } from "./parameters";

// Predictions a teacher can trust (issue 11, point 4): predicted against observed recall over the
// class's recent reviews, in bins, so "80% predicted" can be seen to mean about 80%.
//
// The class's reviews: its students' reviews of the decks assigned to it (a teacher sees nothing of
// what a student studies elsewhere).
// Predicted: the recall the student's memory model gave the card when it was reviewed, from the
// card's stability before the review (the stability the previous review left) and the days since,
// on the forgetting curve of the set the student is scheduled with now. The days are counted as the
// fit counts them (lib/srs `studyDaysBetween`, in SQL studyDayNumberSql): between the two reviews'
// days in the student's time zone and day start *now*, not the `elapsedDays` the review stored,
// which was counted with the rule of the time (another zone, or UTC days before local days came)
// or by an importer. Observed: the review passed (a checked answer right; else any rating but
// Again), as the fit labels it. Only reviews a day or more after the previous one count: same-day
// learning steps are not what the model predicts.

/** How far back the chart looks, and at most how many reviews it reads. */
export const CALIBRATION_DAYS = 90;
export const CALIBRATION_MAX_REVIEWS = 20_000;
/** Bins of predicted recall, each this wide. */
export const CALIBRATION_BIN_WIDTH = 0.1;

export interface CalibrationBin {
  /** The bin's range of predicted recall, [from, to). */
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observed: number;
}

export interface Calibration {
  /** Non-empty bins, lowest predicted first. */
  bins: CalibrationBin[];
  count: number;
  meanPredicted: number | null;
  observed: number | null;
  /** Mean |observed − predicted| over the bins, weighted by their reviews (null: no reviews). */
  gap: number | null;
  since: Date;
}

/** One judged review: what the model predicted, and whether it was passed. */
export interface JudgedReview {
  predicted: number;
  passed: boolean;
}

/**
 * Bins judged reviews by predicted recall (`CALIBRATION_BIN_WIDTH` wide). Pure.
 *
 * @example
 * binCalibration([{ predicted: 0.85, passed: true }]).bins[0]; // { from: 0.8, to: 0.9, count: 1, ... }
 */
export function binCalibration(reviews: readonly JudgedReview[]): Omit<Calibration, "since"> {
  const binCount = Math.round(1 / CALIBRATION_BIN_WIDTH);
  const sums = Array.from({ length: binCount }, () => ({ count: 0, predicted: 0, passed: 0 }));
  for (const r of reviews) {
    const i = Math.min(binCount - 1, Math.max(0, Math.floor(r.predicted * binCount)));
    const bin = sums[i]!;
    bin.count++;
    bin.predicted += r.predicted;
    bin.passed += r.passed ? 1 : 0;
  }
  const bins = sums.flatMap((s, i) =>
    s.count === 0
      ? []
      : [
          {
            from: i / binCount,
            to: (i + 1) / binCount,
            count: s.count,
            meanPredicted: s.predicted / s.count,
            observed: s.passed / s.count,
          },
        ],
  );
  const count = reviews.length;
  if (count === 0) return { bins, count, meanPredicted: null, observed: null, gap: null };
  return {
    bins,
    count,
    meanPredicted: bins.reduce((n, b) => n + b.meanPredicted * b.count, 0) / count,
    observed: bins.reduce((n, b) => n + b.observed * b.count, 0) / count,
    gap: bins.reduce((n, b) => n + Math.abs(b.observed - b.meanPredicted) * b.count, 0) / count,
  };
}

/**
 * The class's calibration over its students' reviews of its assigned decks in the last `CALIBRATION_DAYS`, for the class's
 * owner only (ForbiddenError for a student of it, NotFoundError for anyone else).
 *
 * @example
 * const c = await classCalibration(teacher, classId, now);
 * c.bins; // [{ from: 0.8, to: 0.9, count: 412, meanPredicted: 0.86, observed: 0.84 }, ...]
 */
export async function classCalibration(user: ClassUser, classId: string, now: Date): Promise<Calibration> {
  const cls = await requireOwnedClass(user, classId);
  const since = new Date(now.getTime() - CALIBRATION_DAYS * 86_400_000);
  const members = await db.membership.findMany({ where: { classId: cls.id }, select: { userId: true } });
  const ids = members.map((m) => m.userId);
  if (ids.length === 0) return { ...binCalibration([]), since };
  // The stability before each review is the one the card's previous review left (LAG), so every
  // row counts, the demo's and the benchmarks' included (they write no `previous` snapshot).
  const reviewDay = studyDayNumberSql(Prisma.sql`r."reviewedAt"`, Prisma.sql`u.timezone`, Prisma.sql`u."dayStartHour"`);
  const rows = await db.$queryRaw<
    { userId: string; elapsedDays: number; passed: boolean; stabilityBefore: number }[]
  >(Prisma.sql`
    SELECT "userId", "elapsedDays", passed, "stabilityBefore" FROM (
      SELECT "userId"::text AS "userId", "reviewedAt", COALESCE(correct, rating <> 'again') AS passed,
             LAG("stabilityAfter") OVER card AS "stabilityBefore", day - LAG(day) OVER card AS "elapsedDays"
      FROM (
        SELECT r."userId", r."cardId", r."reviewedAt", r."createdAt", r.correct, r.rating, r."stabilityAfter",
               ${reviewDay} AS day
        FROM "ReviewLog" r JOIN "User" u ON u.id = r."userId"
        WHERE r."userId" = ANY(${ids}::uuid[]) AND r."reviewedAt" <= ${now}
          AND r."deckId" IN (SELECT "deckId" FROM "Assignment" WHERE "classId" = ${cls.id}::uuid)
      ) r
      WINDOW card AS (PARTITION BY "userId", "cardId" ORDER BY "reviewedAt", "createdAt")
    ) reviews
    WHERE "reviewedAt" >= ${since} AND "elapsedDays" >= 1 AND "stabilityBefore" > 0
    ORDER BY "reviewedAt" DESC
    LIMIT ${CALIBRATION_MAX_REVIEWS}`);
  const parameters = await parametersForStudents(ids);
  const judged = rows.map((r) => {
    const w = parameters.get(r.userId)?.parameters ?? DEFAULT_PARAMETERS;
    return { predicted: forgetting_curve(w, r.elapsedDays, r.stabilityBefore), passed: r.passed };
  });
  return { ...binCalibration(judged), since };
}
