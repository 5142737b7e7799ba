import type { AssignedRetention } from "@/lib/study/assigned-retention";
import { formatDate, formatPercent } from "@/lib/format";

/**
 * Tells a student that their teacher set this deck's desired retention, and why (issue 11: "a
 * student sees what their teacher set and why"). Nothing when no teacher did.
 */
export function TeacherRetentionNote({ assigned, timeZone }: { assigned: AssignedRetention | null; timeZone: string }) {
  if (!assigned) return null;
  return (
    <p className="rounded-lg bg-accent-soft px-3 py-2 text-sm" data-testid="teacher-retention">
      Your teacher set {formatPercent(assigned.retention)} retention for this deck to reach{" "}
      {formatPercent(assigned.targetRecall)} recall by {formatDate(assigned.dueAt, timeZone)} ({assigned.className}):
      each card comes back when you are about {formatPercent(assigned.retention)} likely to remember it.
    </p>
  );
}
