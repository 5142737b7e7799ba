"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/app/_lib/action-result";
import { ActionOutcome, FieldErrors } from "@/app/_components/field-errors";
import { updateDeckSettingsAction } from "@/app/decks/[slug]/actions";
import type { DeckSettings } from "@/lib/srs";

interface FieldInfo {
  label: string;
  /** What the setting does, in a sentence a teacher new to spaced repetition can follow. */
  hint: string;
  /** "steps": a list of waits such as "1m 10m"; otherwise a number input with these bounds. */
  input: "steps" | { min: number; max: number; step: number };
}

// Typed by the schema's keys: a setting added to DeckSettingsSchema does not compile until it has a
// label and a sentence here. Bounds are the browser's hint only: the server validates with the schema.
const FIELDS: Record<keyof DeckSettings, FieldInfo> = {
  desiredRetention: {
    label: "Desired retention",
    hint: "How likely a student should be to still remember a card when it comes back, from 0.7 to 0.99. Higher means more reviews, closer together.",
    input: { min: 0.7, max: 0.99, step: 0.01 },
  },
  newCardsPerDay: {
    label: "New cards per day",
    hint: "How many cards a student meets for the first time each day; the rest wait for the next day.",
    input: { min: 0, max: 9999, step: 1 },
  },
  maxReviewsPerDay: {
    label: "Maximum reviews per day",
    hint: "The most cards a student already knows that come back in one day; any over the limit wait for the next day.",
    input: { min: 0, max: 99999, step: 1 },
  },
  learningSteps: {
    label: "Learning steps",
    hint: "The waits before a new card is shown again while it is being learnt, e.g. “1m 10m” (m minutes, h hours), each under a day. Leave empty to schedule from the first answer.",
    input: "steps",
  },
  relearningSteps: {
    label: "Relearning steps",
    hint: "The waits before a forgotten card is shown again, e.g. “10m”. Leave empty to schedule it straight away.",
    input: "steps",
  },
  maximumInterval: {
    label: "Maximum interval (days)",
    hint: "The longest a card may go unseen, however well it is known (36500 days is no limit).",
    input: { min: 1, max: 36500, step: 1 },
  },
  leechThreshold: {
    label: "Leech threshold",
    hint: "After this many times forgotten a card is set aside as a leech so the student can rework it; 0 never sets a card aside.",
    input: { min: 0, max: 100, step: 1 },
  },
};

// The form shows the fields in FIELDS's order.
const KEYS = Object.keys(FIELDS) as (keyof DeckSettings)[];

const shown = (settings: DeckSettings, key: keyof DeckSettings): string => {
  const value = settings[key];
  return Array.isArray(value) ? value.join(" ") : String(value);
};

/** The deck owner's settings form (the deck page shows it to the owner only; the action checks again). */
export function DeckSettingsForm({ slug, settings }: { slug: string; settings: DeckSettings }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(
    updateDeckSettingsAction.bind(null, slug),
    {},
  );
  return (
    <form action={action} className="space-y-4" noValidate data-testid="deck-settings-form">
      <div className="grid gap-4 sm:grid-cols-2">
        {KEYS.map((key) => {
          const field = FIELDS[key];
          const errors = state.fieldErrors?.[key];
          const id = `deck-setting-${key}`;
          return (
            <div key={key}>
              <label htmlFor={id} className="field-label">
                {field.label}
              </label>
              <input
                id={id}
                name={key}
                {...(field.input === "steps"
                  ? { type: "text", autoComplete: "off", spellCheck: false }
                  : { type: "number", inputMode: field.input.step < 1 ? "decimal" : "numeric", ...field.input })}
                defaultValue={state.values?.[key] ?? shown(settings, key)}
                className="field-input"
                aria-invalid={Boolean(errors)}
                aria-describedby={`${id}-hint${errors ? ` ${id}-error` : ""}`}
              />
              <p id={`${id}-hint`} className="text-sm text-muted">
                {field.hint}
              </p>
              <FieldErrors id={`${id}-error`} errors={errors} />
            </div>
          );
        })}
      </div>
      <ActionOutcome state={state} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
