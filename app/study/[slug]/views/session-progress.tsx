import type { Queue } from "@/app/study/[slug]/study-client";

/**
 * Reviews done, what is left today by kind (study-state.ts remainingToday: it moves with every
 * answer), and the share done as a bar.
 */
export function SessionProgress({
  reviews,
  remaining,
  progress,
}: {
  reviews: number;
  remaining: Queue["remaining"] | null;
  progress: number;
}) {
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm text-muted">
        <span>{reviews} reviewed</span>
        {remaining && (
          <span data-testid="remaining-today">
            <span className="sr-only">Cards left today: </span>
            <span className="text-accent">{remaining.new} new</span> ·{" "}
            <span className="text-warn">{remaining.learning} learning</span> ·{" "}
            <span className="text-good">{remaining.review} due</span>
          </span>
        )}
      </div>
      <div
        className="h-2 overflow-hidden rounded-full bg-line"
        role="progressbar"
        aria-label="Session progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress * 100)}
      >
        <div className="h-full bg-accent transition-all" style={{ width: `${progress * 100}%` }} />
      </div>
    </div>
  );
}
