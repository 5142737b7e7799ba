"use client";

import { Fragment, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { Passage, ReaderParagraph } from "@/lib/content/passages";

interface ReaderCard {
  id: string;
  typeLabel: string;
  prompt: string;
  answer: string;
  explanation: string;
}

interface Props {
  paragraphs: ReaderParagraph[];
  passages: Passage[];
  cards: ReaderCard[];
  /** Opened from a forgotten card: that card's passage, selected and scrolled into view. */
  initialPassage: number | null;
  focusCard: string | null;
}

const WIDE = "(min-width: 64rem)"; // Tailwind's lg: the cards sit beside the article from here up

function subscribeToWidth(onChange: () => void) {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Beside the article on a wide screen; on a phone, right under the paragraph of the chosen passage. */
function useWide(): boolean {
  return useSyncExternalStore(
    subscribeToWidth,
    () => window.matchMedia(WIDE).matches,
    () => true,
  );
}

export function ArticleReader({ paragraphs, passages, cards, initialPassage, focusCard }: Props) {
  const [selected, setSelected] = useState<number | null>(initialPassage);
  const firstMark = useRef<HTMLElement | null>(null);
  const cardsById = new Map(cards.map((c) => [c.id, c]));
  const passage = passages.find((p) => p.number === selected);
  const wide = useWide();
  const inlinePanel = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (initialPassage !== null) firstMark.current?.scrollIntoView({ block: "center" });
  }, [initialPassage]);

  // The selected passage's first segment gets the ref, to scroll it into view.
  const firstSegment = (() => {
    for (const [i, paragraph] of paragraphs.entries()) {
      const j = paragraph.segments.findIndex((s) => s.passage !== null && s.passage === selected);
      if (j >= 0) return `${i}-${j}`;
    }
    return null;
  })();
  const panelAfterParagraph = firstSegment === null ? -1 : Number(firstSegment.split("-")[0]);

  // On a phone the cards open under the passage's paragraph: keep them in view when they do.
  useEffect(() => {
    if (!wide && selected !== null) inlinePanel.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [wide, selected]);

  const panel = passage ? (
    <div
      className="card space-y-3 font-sans text-base"
      aria-live="polite"
      aria-label="Cards for the chosen passage"
      data-testid="passage-cards"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold">
          Passage {passage.number} · {passage.cardIds.length} card{passage.cardIds.length === 1 ? "" : "s"}
        </h2>
        <button type="button" className="btn-secondary px-3 py-1" onClick={() => setSelected(null)}>
          Close
        </button>
      </div>
      <ul className="space-y-3">
        {passage.cardIds.map((id) => {
          const card = cardsById.get(id);
          if (!card) return null;
          return (
            <li
              key={id}
              className={`rounded-lg border p-3 ${id === focusCard ? "border-accent" : "border-line"}`}
              data-card={id}
            >
              <p className="text-xs font-medium uppercase tracking-wide text-muted">{card.typeLabel}</p>
              <p className="mt-1">{card.prompt}</p>
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-accent">Show answer</summary>
                <p className="mt-1 font-medium">{card.answer}</p>
                <p className="mt-1 text-muted">{card.explanation}</p>
              </details>
            </li>
          );
        })}
      </ul>
    </div>
  ) : null;
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <article className="max-w-[68ch] space-y-5 font-serif text-lg leading-relaxed" aria-label="Article text">
        {paragraphs.map((paragraph, i) => (
          <Fragment key={i}>
            <p className="whitespace-pre-line">
              {paragraph.segments.map((segment, j) => {
                if (segment.passage === null) return <span key={j}>{segment.text}</span>;
                const isSelected = segment.passage === selected;
                const refFirst = `${i}-${j}` === firstSegment;
                const count = passages[segment.passage - 1]?.cardIds.length ?? 0;
                return (
                  // A span, not a <button>: buttons are always inline-block, which would break the
                  // passage out of its line. role, tabIndex and the key handler make it one.
                  <mark
                    key={j}
                    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-to-interactive-role -- see above
                    role="button"
                    tabIndex={0}
                    ref={refFirst ? firstMark : undefined}
                    onClick={() => setSelected(segment.passage)}
                    onKeyDown={(e) => {
                      if (e.key === "Enter" || e.key === " ") {
                        e.preventDefault();
                        setSelected(segment.passage);
                      }
                    }}
                    aria-pressed={isSelected}
                    aria-label={`Passage ${segment.passage}, ${count} card${count === 1 ? "" : "s"}: ${segment.text}`}
                    data-passage={segment.passage}
                    className={`cursor-pointer rounded-sm box-decoration-clone px-0.5 transition-colors ${
                      isSelected
                        ? "bg-accent text-accent-ink"
                        : `text-ink hover:bg-accent-soft ${segment.passage % 2 ? "bg-mark" : "bg-mark-alt"}`
                    }`}
                  >
                    {segment.text}
                  </mark>
                );
              })}
            </p>
            {!wide && i === panelAfterParagraph && <div ref={inlinePanel}>{panel}</div>}
          </Fragment>
        ))}
      </article>
      {wide && (
        <aside className="lg:sticky lg:top-4 lg:self-start">
          {panel ?? (
            <p className="card text-sm text-muted">Choose a highlighted passage to see the cards that come from it.</p>
          )}
        </aside>
      )}
    </div>
  );
}
