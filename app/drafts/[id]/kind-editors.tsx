"use client";

import type { ReactNode } from "react";
import type { CardType } from "@/lib/cards";
import type { DraftCard } from "@/lib/content/drafts";

export type KindFieldsProps = {
  card: DraftCard;
  /** The id of a field of this card: `card-<id>-<field>`. */
  fieldId: (field: string) => string;
  onChange: (patch: Partial<DraftCard>) => void;
};

/** How the draft editor shows one kind of card: its hint, its labels, and its answer fields. */
export interface KindEditor {
  hint?: string;
  promptLabel: string;
  explanationLabel: string;
  explanationHint: string;
  /** What the card's one line shows after the prompt. */
  answerSummary: (card: DraftCard) => string;
  Fields: (props: KindFieldsProps) => ReactNode;
}

export function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
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

function AnswerInput({ card, fieldId, onChange }: KindFieldsProps) {
  return (
    <Field id={fieldId("answer")} label="Answer">
      <input
        id={fieldId("answer")}
        value={card.answer}
        maxLength={1000}
        onChange={(e) => onChange({ answer: e.target.value })}
        className="field-input"
      />
    </Field>
  );
}

function OptionsInput({ card, fieldId, onChange, optional }: KindFieldsProps & { optional: boolean }) {
  return (
    <Field
      id={fieldId("options")}
      label={optional ? "Options (optional), one per line" : "Options, one per line"}
      hint={
        optional
          ? "Leave empty, or give the answer and at least three others."
          : "The answer and at least three others."
      }
    >
      <textarea
        id={fieldId("options")}
        rows={Math.max(3, card.options.length)}
        value={card.options.join("\n")}
        onChange={(e) => onChange({ options: e.target.value.split("\n") })}
        className="field-input"
      />
    </Field>
  );
}

const plain = { promptLabel: "Question", explanationLabel: "Explanation", explanationHint: "Shown after answering." };
const answerOf = (card: DraftCard) => card.answer;

/**
 * One editor view per card kind. Typed by CardType, so a kind added to lib/cards without its view
 * here fails to compile (as the study page's QUESTION_VIEWS does).
 */
export const KIND_EDITORS: { [Type in CardType]: KindEditor } = {
  basic: { ...plain, answerSummary: answerOf, Fields: AnswerInput },
  cloze: {
    ...plain,
    hint: "Write the missing words as ____ (four underscores); the answer fills the blank and must appear in the quote.",
    answerSummary: answerOf,
    Fields: AnswerInput,
  },
  multiple_choice: {
    ...plain,
    hint: "Students pick one option; the answer must be one of them, written the same way.",
    answerSummary: answerOf,
    Fields: (props) => (
      <>
        <AnswerInput {...props} />
        <OptionsInput {...props} optional={false} />
      </>
    ),
  },
  true_false: {
    ...plain,
    promptLabel: "Statement",
    hint: "The prompt is a statement; say whether the article supports it.",
    answerSummary: answerOf,
    Fields: ({ card, fieldId, onChange }) => (
      <>
        <Field id={fieldId("answer")} label="The statement is">
          <select
            id={fieldId("answer")}
            value={card.answer}
            onChange={(e) => onChange({ answer: e.target.value })}
            className="field-input"
          >
            <option value="True">True</option>
            <option value="False">False</option>
          </select>
        </Field>
        {card.answer === "False" && (
          <Field id={fieldId("correction")} label="What the article actually says">
            <textarea
              id={fieldId("correction")}
              rows={2}
              value={card.correction ?? ""}
              maxLength={2000}
              onChange={(e) => onChange({ correction: e.target.value })}
              className="field-input"
            />
          </Field>
        )}
      </>
    ),
  },
  viewpoint: {
    ...plain,
    hint: "Who holds this view, and what it is. With options the card is multiple choice; without, students grade themselves.",
    answerSummary: (card) => (card.party ? `${card.party}: ${card.answer}` : card.answer),
    Fields: (props) => (
      <>
        <Field id={props.fieldId("party")} label="Whose view">
          <input
            id={props.fieldId("party")}
            value={props.card.party ?? ""}
            maxLength={200}
            onChange={(e) => props.onChange({ party: e.target.value })}
            className="field-input"
          />
        </Field>
        <AnswerInput {...props} />
        <OptionsInput {...props} optional />
      </>
    ),
  },
  timeline: {
    ...plain,
    hint: "Students put the events in order; the events and their dates come from the article.",
    answerSummary: (card) => `${card.events?.length ?? 0} events`,
    Fields: ({ card }) => (
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
    ),
  },
  fact_or_opinion: {
    promptLabel: "Statement",
    explanationLabel: "Reason",
    explanationHint: "Shown after answering: the words that judge or hedge, or what makes the statement checkable.",
    hint: "The prompt is a sentence from the article, without “according to the author”; say whether it reports or judges, and why in the explanation.",
    answerSummary: (card) => (card.answer === "opinion" ? "Opinion" : card.answer === "fact" ? "Fact" : card.answer),
    Fields: ({ card, fieldId, onChange }) => (
      <Field id={fieldId("answer")} label="The statement is">
        <select
          id={fieldId("answer")}
          value={card.answer}
          onChange={(e) => onChange({ answer: e.target.value })}
          className="field-input"
        >
          <option value="fact">Reported fact</option>
          <option value="opinion">The author’s judgement (opinion)</option>
        </select>
      </Field>
    ),
  },
};
