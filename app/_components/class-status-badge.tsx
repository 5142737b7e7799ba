import { STATUS_DESCRIPTIONS, STATUS_LABELS, type AssignmentStatus } from "@/lib/classes/status";

const TONE: Record<AssignmentStatus, string> = {
  not_started: "border-line text-muted",
  in_progress: "border-accent/40 text-accent",
  on_track: "border-good/40 text-good",
  behind: "border-bad/40 text-bad",
  done: "border-good bg-good/10 text-good",
};

/** An assignment status as a small labelled pill; the title says what it means. */
export function ClassStatusBadge({ status }: { status: AssignmentStatus }) {
  return (
    <span
      className={`inline-flex whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold ${TONE[status]}`}
      title={STATUS_DESCRIPTIONS[status]}
      data-status={status}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}
