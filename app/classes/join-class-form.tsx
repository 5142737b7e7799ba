"use client";

import { useActionState } from "react";
import { joinClassAction } from "@/app/join/actions";
import type { ActionResult } from "@/app/_lib/action-result";
import { FieldErrors } from "@/app/_components/field-errors";

export function JoinClassForm() {
  const [state, action, pending] = useActionState<ActionResult, FormData>(joinClassAction, {});
  const codeErrors = [...(state.fieldErrors?.code ?? []), ...(state.error ? [state.error] : [])];
  return (
    <form action={action} className="space-y-3" noValidate>
      <div>
        <label htmlFor="join-code" className="field-label">
          Class code
        </label>
        <input
          id="join-code"
          name="code"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="K7QM-4XTP"
          defaultValue={state.values?.code}
          className="field-input font-mono uppercase tracking-widest"
          aria-invalid={codeErrors.length > 0}
          aria-describedby={codeErrors.length ? "join-code-hint join-code-error" : "join-code-hint"}
        />
        <p id="join-code-hint" className="mt-1 text-sm text-muted">
          8 letters and digits, from your teacher. Upper or lower case, with or without the dash.
        </p>
        <FieldErrors id="join-code-error" errors={codeErrors.length ? codeErrors : undefined} />
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Joining…" : "Join class"}
      </button>
    </form>
  );
}
