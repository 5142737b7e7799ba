import { RATINGS, RATING_LABELS, type Rating } from "@/app/study/[slug]/study-client";

const TONE: Record<Rating, string> = { again: "text-bad", hard: "text-warn", good: "text-good", easy: "text-accent" };

export function RatingButtons({
  intervals,
  current,
  busy,
  onRate,
}: {
  intervals: Record<Rating, { label: string }>;
  current?: Rating;
  busy: boolean;
  onRate: (r: Rating) => void;
}) {
  return (
    <div className="grid grid-cols-4 gap-2" role="group" aria-label="Rate your recall">
      {RATINGS.map((rating, i) => (
        <button
          key={rating}
          type="button"
          disabled={busy}
          onClick={() => onRate(rating)}
          aria-pressed={current === rating}
          className={`flex flex-col items-center rounded-lg border px-2 py-2 text-sm font-semibold transition-colors ${current === rating ? "border-accent bg-accent-soft" : "border-line hover:bg-canvas"}`}
        >
          <span className={TONE[rating]}>{RATING_LABELS[rating]}</span>
          <span className="text-xs font-normal text-muted">
            {/* The key only where there is a keyboard to press it on. */}
            <span className="pointer-coarse:hidden">
              <kbd>{i + 1}</kbd> ·{" "}
            </span>
            {intervals[rating].label}
          </span>
        </button>
      ))}
    </div>
  );
}
