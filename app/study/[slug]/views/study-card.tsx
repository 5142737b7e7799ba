import type { ReactNode } from "react";
import type { QueueCard } from "@/app/study/[slug]/study-client";

const KIND_LABELS: Record<QueueCard["kind"], string> = { new: "New", learning: "Learning", review: "Review" };

/** The card on screen: its kind, its prompt, then the question or the result below. */
export function StudyCard({ card, typeLabel, children }: { card: QueueCard; typeLabel: string; children: ReactNode }) {
  return (
    <section className="card space-y-5" aria-labelledby="prompt" data-testid="study-card" data-card-type={card.type}>
      <div className="flex items-center justify-between text-xs uppercase tracking-wide text-muted">
        <span>{typeLabel}</span>
        <span>{KIND_LABELS[card.kind]}</span>
      </div>
      <h1 id="prompt" className="text-xl font-semibold leading-snug sm:text-2xl">
        {card.prompt}
      </h1>
      {children}
    </section>
  );
}
