"use client";

import { useActionState } from "react";
import { signUpAction, type SignUpResult } from "@/app/sign-up/actions";
import { FieldErrors } from "@/app/_components/field-errors";

/** `callbackUrl`: where the new account lands (a join link it came from), else home with a welcome. */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignUpResult, FormData>(signUpAction, {});
  // The browser knows the student's zone; daily limits and streaks reset at its midnight.
  const submit = (formData: FormData) => {
    formData.set("timezone", Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
    action(formData);
  };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={submit} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="name" className="field-label">
          Name
        </label>
        <input
          id="name"
          name="name"
          autoComplete="name"
          required
          defaultValue={state.values?.name}
          className="field-input"
          aria-invalid={Boolean(errors.name)}
          aria-describedby={errors.name ? "name-error" : undefined}
        />
        <FieldErrors id="name-error" errors={errors.name} />
      </div>
      <div>
        <label htmlFor="email" className="field-label">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values?.email}
          className="field-input"
          aria-invalid={Boolean(errors.email)}
          aria-describedby={errors.email ? "email-error" : undefined}
        />
        <FieldErrors id="email-error" errors={errors.email} />
      </div>
      <div>
        <label htmlFor="password" className="field-label">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={128}
          className="field-input"
          aria-invalid={Boolean(errors.password)}
          aria-describedby="password-hint password-error"
        />
        <p id="password-hint" className="mt-1 text-sm text-muted">
          At least 8 characters. Common passwords are refused.
        </p>
        <FieldErrors id="password-error" errors={errors.password} />
      </div>
      <fieldset aria-describedby={errors.role ? "role-error" : undefined}>
        <legend className="field-label">I am a</legend>
        <div className="grid grid-cols-2 gap-3">
          {(["student", "teacher"] as const).map((role) => (
            <label
              key={role}
              className="flex cursor-pointer items-center gap-2 rounded-lg border border-line bg-surface px-3 py-2 has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
            >
              <input
                type="radio"
                name="role"
                value={role}
                defaultChecked={(state.values?.role ?? "student") === role}
              />
              <span className="capitalize">{role}</span>
            </label>
          ))}
        </div>
        <FieldErrors id="role-error" errors={errors.role} />
      </fieldset>
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
