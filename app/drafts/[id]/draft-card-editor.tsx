"use client";

import { useEffect, useRef } from "react";
import type { DraftCard, DraftEntry } from "@/lib/content/drafts";
import { Field, KIND_EDITORS } from "./kind-editors";

type Props = {
  entry: DraftEntry;
  typeLabel: string;
  /** The sentences of the card's paragraph: a basic card may quote any of them. */
  sentences: string[];
  problems: string[];
  onChange: (patch: Partial<DraftCard>) => void;
  onDiscard: () => void;
  onClose: () => void;
};

/** One card open for editing, below its line in the list: the fields every kind shares and its kind's own. */
export function DraftCardEditor({ entry, typeLabel, sentences, problems, onChange, onDiscard, onClose }: Props) {
  const { card } = entry;
  const id = (field: string) => `card-${card.id}-${field}`;
  const kind = KIND_EDITORS[card.type];
  const promptRef = useRef<HTMLTextAreaElement>(null);
  // Opening a card is asking to edit it: the prompt takes focus (a new card's empty prompt above all).
  useEffect(() => {
    promptRef.current?.focus();
  }, []);
  const quoteChoices = sentences.includes(card.quote) ? sentences : [card.quote, ...sentences];

  return (
    <div id={id("editor")} className="space-y-3 border-t border-line px-3 pt-3 pb-4" data-testid="draft-card-editor">
      {problems.length > 0 && (
        <ul className="space-y-1 rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      {kind.hint && <p className="text-xs text-muted">{kind.hint}</p>}

      <Field id={id("prompt")} label={kind.promptLabel}>
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

      <kind.Fields card={card} fieldId={id} onChange={onChange} />

      <Field id={id("explanation")} label={kind.explanationLabel} hint={kind.explanationHint}>
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

      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary py-1 text-sm" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          className="btn-secondary py-1 text-sm"
          onClick={onDiscard}
          aria-label={`Discard this card: ${card.prompt || typeLabel}`}
        >
          Discard
        </button>
      </div>
    </div>
  );
}
