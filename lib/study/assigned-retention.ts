import { db } from "@/lib/db";
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
  const row = await db.assignment.findFirst({
    where: {
      deckId,
      desiredRetention: { not: null },
      dueAt: { gt: now },
      class: { archivedAt: null, memberships: { some: { userId } } },
    },
    orderBy: [{ desiredRetention: "desc" }, { dueAt: "asc" }],
    select: { desiredRetention: true, targetRecall: true, dueAt: true, class: { select: { name: true } } },
  });
  if (!row || row.desiredRetention === null) return null;
  return {
    retention: row.desiredRetention,
    targetRecall: row.targetRecall,
    dueAt: row.dueAt,
    className: row.class.name,
  };
}

/** `settings` with the teacher's retention in place of the deck's, when there is one. */
export function withAssignedRetention<T extends Pick<SrsSettings, "desiredRetention">>(
  settings: T,
  assigned: Pick<AssignedRetention, "retention"> | null,
): T {
  return assigned ? { ...settings, desiredRetention: assigned.retention } : settings;
}
