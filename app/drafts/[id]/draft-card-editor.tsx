"use client";

import { useEffect, useRef } from "react";
import type { DraftCard, DraftEntry } from "@/lib/content/drafts";

type Props = {
  entry: DraftEntry;
  typeLabel: string;
  /** The sentences of the card's paragraph: a basic card may quote any of them. */
  sentences: string[];
  problems: string[];
  autoFocus: boolean;
  onChange: (patch: Partial<DraftCard>) => void;
  onDiscard: (discarded: boolean) => void;
};

const HINTS: Partial<Record<DraftCard["type"], string>> = {
  cloze: "Write the missing words as ____ (four underscores); the answer fills the blank and must appear in the quote.",
  multiple_choice: "Students pick one option; the answer must be one of them, written the same way.",
  true_false: "The prompt is a statement; say whether the article supports it.",
  viewpoint:
    "Who holds this view, and what it is. With options the card is multiple choice; without, students grade themselves.",
  timeline: "Students put the events in order; the events and their dates come from the article.",
  fact_or_opinion:
    "The prompt is a sentence from the article, without “according to the author”; say whether it reports or judges, and why in the explanation.",
};

export function DraftCardEditor({ entry, typeLabel, sentences, problems, autoFocus, onChange, onDiscard }: Props) {
  const { card } = entry;
  const id = (field: string) => `card-${card.id}-${field}`;
  const promptRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) promptRef.current?.focus();
  }, [autoFocus]);

  if (entry.discarded) {
    return (
      <article
        id={`card-${card.id}`}
        className="flex scroll-mt-24 flex-wrap items-center justify-between gap-3 rounded-xl border border-dashed border-line px-4 py-2 text-sm text-muted"
        data-testid="draft-card"
        data-card-id={card.id}
        data-discarded="true"
      >
        <span className="min-w-0 flex-1 truncate">
          Discarded · {typeLabel}: <span className="line-through">{card.prompt || "no prompt"}</span>
        </span>
        <button type="button" className="link" onClick={() => onDiscard(false)}>
          Restore
        </button>
      </article>
    );
  }

  const options = card.options.join("\n");
  const setOptions = (text: string) => onChange({ options: text.split("\n") });
  const quoteChoices = sentences.includes(card.quote) ? sentences : [card.quote, ...sentences];

  return (
    <article
      id={`card-${card.id}`}
      aria-labelledby={id("heading")}
      className={`card scroll-mt-24 space-y-3 ${problems.length > 0 ? "border-bad" : ""}`}
      data-testid="draft-card"
      data-card-id={card.id}
      data-card-type={card.type}
    >
      <div className="flex items-center justify-between gap-3">
        <h3 id={id("heading")} className="text-sm font-semibold">
          <span className="rounded bg-accent-soft px-2 py-0.5 text-accent">{typeLabel}</span>
          {entry.origin === "added" && <span className="ml-2 text-xs font-normal text-muted">added by you</span>}
        </h3>
        <button
          type="button"
          className="btn-secondary py-1 text-xs"
          onClick={() => onDiscard(true)}
          aria-label={`Discard this card: ${card.prompt || typeLabel}`}
        >
          Discard
        </button>
      </div>
      {problems.length > 0 && (
        <ul className="space-y-1 rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      {HINTS[card.type] && <p className="text-xs text-muted">{HINTS[card.type]}</p>}

      {card.type === "viewpoint" && (
        <Field id={id("party")} label="Whose view">
          <input
            id={id("party")}
            value={card.party ?? ""}
            maxLength={200}
            onChange={(e) => onChange({ party: e.target.value })}
            className="field-input"
          />
        </Field>
      )}
      <Field
        id={id("prompt")}
        label={card.type === "true_false" || card.type === "fact_or_opinion" ? "Statement" : "Question"}
      >
        <textarea
          ref={promptRef}
          id={id("prompt")}
          rows={2}
          value={card.prompt}
          maxLength={2000}
          onChange={(e) => onChange({ prompt: e.target.value })}
          className="field-input"
        />
      </Field>

      {card.type === "true_false" ? (
        <>
          <Field id={id("answer")} label="The statement is">
            <select
              id={id("answer")}
              value={card.answer}
              onChange={(e) => onChange({ answer: e.target.value })}
              className="field-input"
            >
              <option value="True">True</option>
              <option value="False">False</option>
            </select>
          </Field>
          {card.answer === "False" && (
            <Field id={id("correction")} label="What the article actually says">
              <textarea
                id={id("correction")}
                rows={2}
                value={card.correction ?? ""}
                maxLength={2000}
                onChange={(e) => onChange({ correction: e.target.value })}
                className="field-input"
              />
            </Field>
          )}
        </>
      ) : card.type === "fact_or_opinion" ? (
        <Field id={id("answer")} label="The statement is">
          <select
            id={id("answer")}
            value={card.answer}
            onChange={(e) => onChange({ answer: e.target.value })}
            className="field-input"
          >
            <option value="fact">Reported fact</option>
            <option value="opinion">The author’s judgement (opinion)</option>
          </select>
        </Field>
      ) : card.type === "timeline" ? (
        <div>
          <p className="field-label">Events, earliest first</p>
          <ol className="list-decimal space-y-1 pl-6 text-sm">
            {(card.events ?? []).map((event, i) => (
              <li key={i}>
                <span className="font-semibold tabular-nums">{event.date}</span> — {event.label}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <Field id={id("answer")} label="Answer">
          <input
            id={id("answer")}
            value={card.answer}
            maxLength={1000}
            onChange={(e) => onChange({ answer: e.target.value })}
            className="field-input"
          />
        </Field>
      )}

      {(card.type === "multiple_choice" || card.type === "viewpoint") && (
        <Field
          id={id("options")}
          label={card.type === "viewpoint" ? "Options (optional), one per line" : "Options, one per line"}
          hint={
            card.type === "multiple_choice"
              ? "The answer and at least three others."
              : "Leave empty, or give the answer and at least three others."
          }
        >
          <textarea
            id={id("options")}
            rows={Math.max(3, card.options.length)}
            value={options}
            onChange={(e) => setOptions(e.target.value)}
            className="field-input"
          />
        </Field>
      )}

      <Field
        id={id("explanation")}
        label={card.type === "fact_or_opinion" ? "Reason" : "Explanation"}
        hint={
          card.type === "fact_or_opinion"
            ? "Shown after answering: the words that judge or hedge, or what makes the statement checkable."
            : "Shown after answering."
        }
      >
        <textarea
          id={id("explanation")}
          rows={2}
          value={card.explanation}
          maxLength={4000}
          onChange={(e) => onChange({ explanation: e.target.value })}
          className="field-input"
        />
      </Field>

      {card.type === "basic" ? (
        <Field
          id={id("quote")}
          label="Quote"
          hint="The sentence of the paragraph the card comes from; students are sent back to it."
        >
          <select
            id={id("quote")}
            value={card.quote}
            onChange={(e) => onChange({ quote: e.target.value })}
            className="field-input text-sm"
          >
            {quoteChoices.map((sentence) => (
              <option key={sentence} value={sentence}>
                {sentence}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <figure>
          <figcaption className="field-label">Quote</figcaption>
          <blockquote className="border-l-4 border-mark bg-mark/40 px-3 py-2 font-serif text-sm">
            {card.quote}
          </blockquote>
        </figure>
      )}
    </article>
  );
}

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {hint && <p className="mt-1 text-xs text-muted">{hint}</p>}
    </div>
  );
}
