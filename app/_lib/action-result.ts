import { z, ZodError } from "zod";
import { DomainError } from "@/lib/errors";

// The server-action transport: every form action answers with an ActionResult (redirects aside),
// and a domain or zod error becomes one through toActionResult, so every form shows failures the
// same way: a sentence for the whole form, messages beside fields, and what was typed refilled.

/** What every server action behind a form answers with. `Field` names the form's fields. */
export interface ActionResult<Field extends string = string> {
  /** A problem with the request as a whole, in words the user can act on. */
  error?: string;
  /** The error's stable code (lib/errors.ts), for a form that reacts to one kind of failure. */
  code?: string;
  fieldErrors?: Partial<Record<Field, string[]>>;
  /** Success that stays on the page ("New code: ..."). */
  message?: string;
  /** What was typed, to refill the form after an error. */
  values?: Partial<Record<Field, string>>;
}

/**
 * A domain or zod error as form state; anything else is a real failure and propagates. A domain
 * error whose `details` name fields (`details.fieldErrors`) is shown beside those fields.
 *
 * @example catch (error) { return toActionResult(error, values); }
 */
export function toActionResult<Field extends string = string>(
  error: unknown,
  values?: Partial<Record<Field, string>>,
): ActionResult<Field> {
  if (error instanceof DomainError) {
    const fieldErrors = fieldErrorsOf<Field>(error.details);
    return fieldErrors ? { code: error.code, fieldErrors, values } : { error: error.message, code: error.code, values };
  }
  if (error instanceof ZodError) {
    const { formErrors, fieldErrors } = z.flattenError(error);
    return {
      error: formErrors.join(" ") || undefined,
      code: "invalid_request",
      fieldErrors: fieldErrors as Partial<Record<Field, string[]>>,
      values,
    };
  }
  throw error;
}

function fieldErrorsOf<Field extends string>(details: unknown): Partial<Record<Field, string[]>> | undefined {
  if (typeof details !== "object" || details === null || !("fieldErrors" in details)) return undefined;
  return details.fieldErrors as Partial<Record<Field, string[]>>;
}

/**
 * An action's form argument as a FormData. An action is a public endpoint and its caller can post
 * any serializable value in the form's place (a string, null, nothing): that reads as an empty
 * form, so the action's own validation answers it instead of a TypeError and a 500.
 *
 * @example formData = asFormData(formData);
 */
export function asFormData(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

/** FormData as plain strings (files are not expected anywhere here); anything else as an empty form. */
export function formValues(formData: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of asFormData(formData))
    if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}
