import { z, ZodError } from "zod";
import { HttpError } from "@/lib/http/errors";

/** What every class form action answers with (redirects aside). */
export interface ActionState {
  /** A problem with the request as a whole (403, 404, 409...), in words the user can act on. */
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Success that stays on the page ("New code: ..."). */
  message?: string;
  /** What was typed, to refill the form after an error. */
  values?: Record<string, string>;
}

/** HttpError and ZodError become form state; anything else is a real failure and propagates. */
export function toActionState(error: unknown, values?: Record<string, string>): ActionState {
  if (error instanceof HttpError) return { error: error.message, values };
  if (error instanceof ZodError) {
    const { formErrors, fieldErrors } = z.flattenError(error);
    return { error: formErrors.join(" ") || undefined, fieldErrors, values };
  }
  throw error;
}

/** FormData as plain strings (files are not expected anywhere here). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}
