"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/app/_lib/action-result";

/**
 * One button that posts a server action with hidden fields, optionally behind a second "confirm"
 * click (no window.confirm: it is not styleable and browsers may suppress it), and shows the
 * action's message or error next to it.
 */
export function ClassActionButton({
  action,
  fields,
  label,
  pendingLabel,
  confirm,
  variant = "secondary",
}: {
  action: (prev: ActionResult, formData: FormData) => Promise<ActionResult>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  /** When set: the first click asks this question, with Confirm and Cancel. */
  confirm?: string;
  /** quiet: a small outlined button for a destructive action repeated down a list (its Confirm is red). */
  variant?: "primary" | "secondary" | "danger" | "quiet";
}) {
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(action, {});
  const [asking, setAsking] = useState(false);
  const buttonClass = {
    primary: "btn-primary",
    secondary: "btn-secondary",
    danger: "btn-danger",
    quiet: "btn border border-line px-2.5 font-medium text-muted hover:border-bad hover:text-bad",
  }[variant];
  const confirmClass = variant === "quiet" ? "btn-danger" : buttonClass;
  return (
    <form action={formAction} className="space-y-2" onSubmit={() => setAsking(false)}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm && !asking ? (
        <button type="button" className={`${buttonClass} py-1.5`} onClick={() => setAsking(true)} disabled={pending}>
          {pending ? pendingLabel : label}
        </button>
      ) : confirm ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label={confirm}>
          <span className="text-sm">{confirm}</span>
          <button
            type="submit"
            className={`${confirmClass} py-1.5`}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the button clicked is gone: focus moves to its Confirm
            autoFocus
          >
            Confirm
          </button>
          <button type="button" className="btn-secondary py-1.5" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="submit" className={`${buttonClass} py-1.5`} disabled={pending}>
          {pending ? pendingLabel : label}
        </button>
      )}
      {state.error && (
        <p role="alert" className="text-sm text-bad">
          {state.error}
        </p>
      )}
      {state.message && (
        <p role="status" className="text-sm text-good">
          {state.message}
        </p>
      )}
    </form>
  );
}
