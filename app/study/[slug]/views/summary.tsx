import Link from "next/link";
import { describeWhen, type Queue } from "@/app/study/[slug]/study-client";
import type { SessionCounters } from "@/app/study/[slug]/study-state";

export function Summary({
  counters,
  queue,
  slug,
  timeZone,
}: {
  counters: SessionCounters;
  queue: Queue | null;
  slug: string;
  timeZone: string;
}) {
  const minutes = Math.max(1, Math.round(((counters.finishedAt ?? counters.startedAt) - counters.startedAt) / 60_000));
  const accuracy = counters.reviews ? Math.round(((counters.reviews - counters.again) / counters.reviews) * 100) : null;
  return (
    <section className="card space-y-4" data-testid="session-summary" aria-labelledby="summary-heading">
      <h1 id="summary-heading" className="text-xl font-semibold">
        {counters.reviews ? "Session complete" : "Nothing due right now"}
      </h1>
      <dl className="grid grid-cols-3 gap-3 text-center">
        <div className="rounded-lg bg-canvas p-3">
          <dt className="text-xs text-muted">Cards</dt>
          <dd className="text-2xl font-bold tabular-nums">{counters.reviews}</dd>
        </div>
        <div className="rounded-lg bg-canvas p-3">
          <dt className="text-xs text-muted">Recalled</dt>
          <dd className="text-2xl font-bold tabular-nums">{accuracy === null ? "–" : `${accuracy}%`}</dd>
        </div>
        <div className="rounded-lg bg-canvas p-3">
          <dt className="text-xs text-muted">Time</dt>
          <dd className="text-2xl font-bold tabular-nums">{minutes}m</dd>
        </div>
      </dl>
      <p className="text-muted">
        {queue?.nextDueAt ? (
          <>Your next cards are due {describeWhen(queue.nextDueAt, timeZone)}.</>
        ) : (
          <>No cards are scheduled yet.</>
        )}
      </p>
      <div className="flex flex-wrap gap-2">
        <Link href="/progress" className="btn-primary">
          See your progress
        </Link>
        <Link href={`/decks/${slug}`} className="btn-secondary">
          Back to the deck
        </Link>
      </div>
    </section>
  );
}
