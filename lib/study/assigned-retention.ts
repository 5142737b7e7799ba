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
  // Raw SQL: this runs on every review, and Prisma's compiler costs more than the lookup
  // (bench/review-throughput). Timestamps go in and out as ISO text (lib/study/rows.ts explains why).
  const [row] = await queryRows<{
    retention: number;
    targetRecall: number;
    dueAt: string;
    className: string;
  }>(Prisma.sql`
    SELECT a."desiredRetention" AS retention, a."targetRecall" AS "targetRecall",
           to_char(a."dueAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "dueAt", c.name AS "className"
    FROM "Assignment" a JOIN "Class" c ON c.id = a."classId"
    WHERE a."deckId" = ${deckId}::uuid AND a."desiredRetention" IS NOT NULL
      AND a."dueAt" > ${now.toISOString()}::timestamp AND c."archivedAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."classId" = c.id AND m."userId" = ${userId}::uuid)
    ORDER BY a."desiredRetention" DESC, a."dueAt" ASC
    LIMIT 1`);
  if (!row) return null;
  return {
    retention: row.retention,
    targetRecall: row.targetRecall,
    dueAt: new Date(row.dueAt),
    className: row.className,
  };
}

/** `settings` with the teacher's retention in place of the deck's, when there is one. */
export function withAssignedRetention<T extends Pick<SrsSettings, "desiredRetention">>(
  settings: T,
  assigned: Pick<AssignedRetention, "retention"> | null,
): T {
  return assigned ? { ...settings, desiredRetention: assigned.retention } : settings;
}
