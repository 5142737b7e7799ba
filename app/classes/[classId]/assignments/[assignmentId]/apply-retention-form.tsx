"use client";

import { useActionState } from "react";
import { applyRetentionAction } from "@/app/classes/model-actions";
import type { ActionResult } from "@/app/_lib/action-result";

/** The teacher picks a desired retention from the plan (the recommended one preselected) and applies it. */
export function ApplyRetentionForm({
  classId,
  assignmentId,
  options,
  selected,
  deckRetention,
}: {
  classId: string;
  assignmentId: string;
  /** Whole percentages, each with its simulated cost and recall ("85% · 4.2 min/day · 82% recall"). */
  options: { percent: number; label: string }[];
  /** The percent preselected: the applied one, else the recommended one; null: the deck's own. */
  selected: number | null;
  deckRetention: number;
}) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(applyRetentionAction, {});
  const error = state.error ?? state.fieldErrors?.retentionPercent?.join(" ");
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <div className="min-w-0 grow">
        <label htmlFor="retentionPercent" className="field-label">
          Desired retention for this deck
        </label>
        <select
          id="retentionPercent"
          name="retentionPercent"
          className="field-input w-full"
          defaultValue={selected === null ? "" : String(selected)}
          aria-describedby={error ? "retention-error" : undefined}
        >
          {options.map((o) => (
            <option key={o.percent} value={o.percent}>
              {o.label}
            </option>
          ))}
          <option value="">The deck&apos;s own ({Math.round(deckRetention * 100)}%)</option>
        </select>
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Applying…" : "Apply to the class"}
      </button>
      {error && (
        <p id="retention-error" role="alert" className="w-full text-sm text-bad">
          {error}
        </p>
      )}
      {state.message && (
        <p role="status" className="w-full text-sm text-good">
          {state.message}
        </p>
      )}
    </form>
  );
}
