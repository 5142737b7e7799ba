"use client";

import { useActionState, useId, type ReactNode } from "react";
import { changeNameAction, changePasswordAction, deleteAccountAction } from "@/app/account/actions";
import type { ActionResult } from "@/app/_lib/action-result";
import { ActionOutcome, FieldErrors } from "@/app/_components/field-errors";

function Field({
  name,
  label,
  state,
  hint,
  ...input
}: {
  name: string;
  label: string;
  state: ActionResult;
  hint?: ReactNode;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const errors = state.fieldErrors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        name={name}
        className="field-input"
        aria-invalid={Boolean(errors)}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function NameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(changeNameAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      <Field
        name="name"
        label="Your name"
        state={state}
        required
        maxLength={100}
        autoComplete="name"
        defaultValue={state.values?.name ?? name}
      />
      <ActionOutcome state={state} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? "Saving…" : "Save name"}
      </button>
    </form>
  );
}

export function PasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(changePasswordAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      {/* Lets a password manager file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        state={state}
        required
        autoComplete="current-password"
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        state={state}
        required
        minLength={8}
        autoComplete="new-password"
        hint="At least 8 characters. Three or four unrelated words make a strong password."
      />
      <ActionOutcome state={state} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
      <p className="text-sm text-muted">Every other device you are signed in on is signed out; this one stays.</p>
    </form>
  );
}

export function DeleteAccountForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(deleteAccountAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      <Field
        name="confirmEmail"
        label="Type your email address to confirm"
        state={state}
        required
        autoComplete="off"
        spellCheck={false}
        hint={
          <>
            Your email is <span className="break-all font-medium text-ink">{email}</span>.
          </>
        }
        defaultValue={state.values?.confirmEmail ?? ""}
      />
      <ActionOutcome state={state} />
      <button type="submit" className="btn-danger" disabled={pending}>
        {pending ? "Deleting…" : "Delete my account"}
      </button>
    </form>
  );
}
