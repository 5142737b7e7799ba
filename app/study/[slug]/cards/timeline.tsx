import type { CardQuestionProps } from "@/app/study/[slug]/cards/card-props";

/** Events to put in order, earliest first: by the arrow buttons, or a number then the arrow keys. */
export function TimelineCard({ answer, busy, onEdit, onCheck }: CardQuestionProps) {
  const { order, picked } = answer;
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">
        Earliest first. Press an item&apos;s number, then ↑ ↓ to move it; Enter to check.
      </p>
      <ol className="space-y-2" aria-label="Events, in your order">
        {order.map((label, i) => (
          <li
            key={label}
            className={`flex items-center gap-2 rounded-lg border px-3 py-2 ${picked === i ? "border-accent bg-accent-soft" : "border-line"}`}
          >
            <button
              type="button"
              className="text-left"
              onClick={() => onEdit({ type: "timelineItemPicked", index: i })}
              aria-pressed={picked === i}
            >
              <kbd className="mr-2 rounded border border-line px-1.5 text-xs text-muted">{i + 1}</kbd>
              {label}
            </button>
            <span className="ml-auto flex gap-1">
              <button
                type="button"
                className="btn-secondary px-2 py-1"
                aria-label={`Move "${label}" earlier`}
                disabled={i === 0}
                onClick={() => onEdit({ type: "timelineItemMoved", from: i, to: i - 1 })}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn-secondary px-2 py-1"
                aria-label={`Move "${label}" later`}
                disabled={i === order.length - 1}
                onClick={() => onEdit({ type: "timelineItemMoved", from: i, to: i + 1 })}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" className="btn-primary" disabled={busy} onClick={() => onCheck()}>
        Check order
      </button>
    </div>
  );
}
