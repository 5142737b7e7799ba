"use client";

import { useActionState } from "react";
import { createAssignmentAction } from "@/app/classes/actions";
import type { ActionResult } from "@/app/_lib/action-result";
import { FieldErrors } from "@/app/_components/field-errors";

export function CreateAssignmentForm({
  classId,
  decks,
  defaultDueDate,
  minDueDate,
  timeZone,
  defaultTarget,
}: {
  classId: string;
  decks: { id: string; title: string; cardCount: number; assigned: boolean }[];
  defaultDueDate: string;
  minDueDate: string;
  timeZone: string;
  defaultTarget: number;
}) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(createAssignmentAction, {});
  const errors = state.fieldErrors ?? {};
  const values = state.values;
  const describedBy = (field: string, hint?: string) =>
    [hint, errors[field] ? `${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const available = decks.filter((d) => !d.assigned);
  if (available.length === 0) {
    return (
      <div className="space-y-2">
        {state.message && (
          <p role="status" className="text-sm text-good">
            {state.message}
          </p>
        )}
        <p className="text-sm text-muted">Every deck you can assign is assigned to this class.</p>
      </div>
    );
  }
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" noValidate key={state.message ?? "form"}>
      <input type="hidden" name="classId" value={classId} />
      <div className="sm:col-span-2">
        <label htmlFor="deckId" className="field-label">
          Deck
        </label>
        <select
          id="deckId"
          name="deckId"
          className="field-input"
          defaultValue={values?.deckId ?? available[0]?.id}
          aria-invalid={Boolean(errors.deckId)}
          aria-describedby={describedBy("deckId")}
        >
          {available.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title} ({d.cardCount} cards)
            </option>
          ))}
        </select>
        <FieldErrors id="deckId-error" errors={errors.deckId} />
      </div>
      <div>
        <label htmlFor="dueDate" className="field-label">
          Due date
        </label>
        <input
          id="dueDate"
          name="dueDate"
          type="date"
          required
          min={minDueDate}
          defaultValue={values?.dueDate ?? defaultDueDate}
          className="field-input"
          aria-invalid={Boolean(errors.dueDate)}
          aria-describedby={describedBy("dueDate", "dueDate-hint")}
        />
        <p id="dueDate-hint" className="mt-1 text-sm text-muted">
          Due at 23:59 that day ({timeZone}).
        </p>
        <FieldErrors id="dueDate-error" errors={errors.dueDate} />
      </div>
      <div>
        <label htmlFor="targetPercent" className="field-label">
          Target recall on the due date (%)
        </label>
        <input
          id="targetPercent"
          name="targetPercent"
          type="number"
          inputMode="numeric"
          min={50}
          max={99}
          step={1}
          required
          defaultValue={values?.targetPercent ?? String(defaultTarget)}
          className="field-input"
          aria-invalid={Boolean(errors.targetPercent)}
          aria-describedby={describedBy("targetPercent", "targetPercent-hint")}
        />
        <p id="targetPercent-hint" className="mt-1 text-sm text-muted">
          Predicted share of the deck each student still remembers on that day.
        </p>
        <FieldErrors id="targetPercent-error" errors={errors.targetPercent} />
      </div>
      <div className="sm:col-span-2">
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="requireAllStudied"
            defaultChecked={values ? values.requireAllStudied === "on" : true}
            className="mt-1"
          />
          <span>Every card must be studied at least once</span>
        </label>
      </div>
      {state.error && (
        <p role="alert" className="field-error sm:col-span-2">
          {state.error}
        </p>
      )}
      {state.message && (
        <p role="status" className="text-sm text-good sm:col-span-2">
          {state.message}
        </p>
      )}
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Assigning…" : "Assign deck"}
        </button>
      </div>
    </form>
  );
}
