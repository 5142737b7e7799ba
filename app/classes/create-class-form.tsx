"use client";

import { useActionState } from "react";
import { createClassAction } from "@/app/classes/actions";
import type { ActionResult } from "@/app/_lib/action-result";
import { ActionOutcome, FieldErrors } from "@/app/_components/field-errors";

export function CreateClassForm() {
  const [state, action, pending] = useActionState<ActionResult, FormData>(createClassAction, {});
  const nameErrors = state.fieldErrors?.name;
  return (
    <form action={action} className="space-y-3" noValidate>
      <div>
        <label htmlFor="class-name" className="field-label">
          Class name
        </label>
        <input
          id="class-name"
          name="name"
          required
          maxLength={80}
          placeholder="e.g. History 11B"
          defaultValue={state.values?.name}
          className="field-input"
          aria-invalid={Boolean(nameErrors)}
          aria-describedby={nameErrors ? "class-name-error" : undefined}
        />
        <FieldErrors id="class-name-error" errors={nameErrors} />
      </div>
      <ActionOutcome state={state} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Creating…" : "Create class"}
      </button>
    </form>
  );
}
