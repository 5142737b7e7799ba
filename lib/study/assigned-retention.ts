import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SrsSettings } from "@/lib/srs";

// A teacher's plan to a date (lib/classes/plan.ts) sets a desired retention on an assignment; the
// class's students are scheduled with it for that deck until the due date, in place of the deck's
// own. A student with the deck assigned in two classes gets the higher of the two: each teacher's
// target is then met. Scheduling (lib/study/review.ts), the buttons' labels (lib/study/queue.ts)
// and what the student is told (app/_components/teacher-retention-note.tsx) all ask here.

/** The retention a teacher set for a student's deck, and why. */
export interface AssignedRetention {
  retention: number;
  targetRecall: number;
  dueAt: Date;
  className: string;
}

/**
 * The highest desired retention a teacher applied to `deckId` in a class the student is in, among
 * assignments not yet due (archived classes do not count); null when none did.
 *
 * @example
 * const assigned = await assignedRetention(user.id, deck.id, now);
 * const settings = withAssignedRetention(deckSrsSettings(deck), assigned);
 */
export async function assignedRetention(userId: string, deckId: string, now: Date): Promise<AssignedRetention | null> {
  const [row] = await queryRows<{ assignments: AssignedRetentionJson }>(
    Prisma.sql`SELECT ${assignedRetentionsSql(userId, Prisma.sql`${deckId}::uuid`)} AS assignments`,
  );
  return assignedRetentionAt(row?.assignments ?? null, now);
}

/** The candidates `assignedRetentionsSql` selects, best first (null: none). */
export type AssignedRetentionJson =
  { retention: number; targetRecall: number; dueAt: string; className: string }[] | null;

/**
 * Every retention a teacher applied to the deck in the student's classes, best first (the highest
 * retention, then the nearest due date), as one JSON array: at most one per class (an assignment is
 * unique per class and deck). A scalar subquery for a statement that runs anyway (the review's card
 * lookup); `assignedRetentionAt` then applies the due dates at the review's own time.
 */
export function assignedRetentionsSql(userId: string, deckId: Prisma.Sql): Prisma.Sql {
  // Timestamps go out as ISO text (lib/study/rows.ts explains why). Aliases unlike the enclosing
  // statement's (a card's "c"), which this subquery may refer to.
  return Prisma.sql`(SELECT json_agg(json_build_object(
      'retention', a."desiredRetention", 'targetRecall', a."targetRecall",
      'dueAt', to_char(a."dueAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'className', cl.name)
      ORDER BY a."desiredRetention" DESC, a."dueAt" ASC)
    FROM "Assignment" a JOIN "Class" cl ON cl.id = a."classId"
    WHERE a."deckId" = ${deckId} AND a."desiredRetention" IS NOT NULL AND cl."archivedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."classId" = cl.id AND m."userId" = ${userId}::uuid))`;
}

/** The retention in force at `at`: the best candidate whose assignment is not yet due then. */
export function assignedRetentionAt(candidates: AssignedRetentionJson, at: Date): AssignedRetention | null {
  const best = candidates?.find((c) => new Date(c.dueAt) > at);
  return best
    ? {
        retention: best.retention,
        targetRecall: best.targetRecall,
        dueAt: new Date(best.dueAt),
        className: best.className,
      }
    : null;
}

/** `settings` with the teacher's retention in place of the deck's, when there is one. */
export function withAssignedRetention<T extends Pick<SrsSettings, "desiredRetention">>(
  settings: T,
  assigned: Pick<AssignedRetention, "retention"> | null,
): T {
  return assigned ? { ...settings, desiredRetention: assigned.retention } : settings;
}
