import Link from "next/link";
import type { PublicUser } from "@/lib/auth/users";
import { listStudentAssignments } from "@/lib/classes/assignments";
import { formatDateTime, formatDaysFrom, formatPercent } from "@/lib/format";
import { ClassStatusBadge } from "@/app/_components/class-status-badge";

/**
 * The signed-in student's assignments from all their classes, soonest due first, each with their
 * own status. Renders nothing for teachers; for a student in no class, a pointer to joining one.
 */
export async function AssignmentsList({ user }: { user: PublicUser }) {
  if (user.role === "teacher") return null;
  const now = new Date();
  const assignments = await listStudentAssignments(user, now);
  if (assignments.length === 0) {
    return (
      <p className="text-sm text-muted">
        Have a class code from your teacher?{" "}
        <Link href="/classes" className="link">
          Join a class
        </Link>{" "}
        to see its assignments here.
      </p>
    );
  }
  return (
    <section className="space-y-3" aria-labelledby="assignments-heading">
      <h2 id="assignments-heading" className="text-lg font-semibold">
        Assignments
      </h2>
      <ul className="space-y-3" data-testid="assignments-list">
        {assignments.map((a) => {
          const pct = a.cardCount ? Math.round((a.studied / a.cardCount) * 100) : 0;
          return (
            <li
              key={a.id}
              className="card flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between"
              data-testid="assignment-item"
              data-status={a.status}
            >
              <div className="min-w-0 space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <p className="font-semibold">{a.deck.title}</p>
                  <ClassStatusBadge status={a.status} />
                </div>
                <p className="text-sm text-muted">
                  {a.className} · due {formatDateTime(a.dueAt, user.timezone)} (
                  {formatDaysFrom(a.dueAt, now, user.timezone)})
                </p>
                <p className="text-sm">
                  {a.studied} of {a.cardCount} cards studied · predicted recall on the due date{" "}
                  {formatPercent(a.predictedRecall)}, target {formatPercent(a.targetRecall)}
                </p>
                <div
                  className="h-1.5 max-w-xs rounded-full bg-line"
                  role="progressbar"
                  aria-label={`${a.deck.title}: cards studied`}
                  aria-valuemin={0}
                  aria-valuemax={a.cardCount}
                  aria-valuenow={a.studied}
                >
                  <div className="h-full rounded-full bg-accent" style={{ width: `${pct}%` }} />
                </div>
              </div>
              <Link href={`/study/${a.deck.slug}`} className="btn-primary shrink-0 self-start sm:self-center">
                Study
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
