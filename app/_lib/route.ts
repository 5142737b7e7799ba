import { ZodError } from "zod";
import { DomainError, MalformedError, type DomainErrorKind } from "@/lib/errors";

// The route-handler transport: every error a handler lets out becomes one JSON shape,
// { error, code, details? } (plus `issues` for a malformed field), with the status its kind
// deserves. docs/api.md documents it; app/_lib/api-client.ts reads it.

const STATUS: Record<DomainErrorKind, number> = {
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
};

export type ZodIssueBody = { path: string; message: string };

/** What every error answer of the JSON API carries. */
export type ApiErrorBody = { error: string; code: string; details?: unknown; issues?: ZodIssueBody[] };

/** The HTTP status of a domain error. */
export function httpStatusOf(error: DomainError): number {
  return STATUS[error.kind];
}

/** zod issues as "field: message" lines, for the 400 answer. */
export function describeZodError(error: ZodError): { message: string; issues: ZodIssueBody[] } {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  return { message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join(" "), issues };
}

/** The JSON answer for a domain or zod error; null for anything else (a real failure). */
export function errorResponse(error: unknown): Response | null {
  if (error instanceof DomainError) {
    const body: ApiErrorBody = {
      error: error.message,
      code: error.code,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
    const retryAfter =
      error.kind === "rate_limited"
        ? (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds
        : undefined;
    return Response.json(body, {
      status: httpStatusOf(error),
      headers: retryAfter === undefined ? undefined : { "Retry-After": String(retryAfter) },
    });
  }
  if (error instanceof ZodError) {
    const { message, issues } = describeZodError(error);
    return Response.json({ error: message, code: "invalid_request", issues } satisfies ApiErrorBody, { status: 400 });
  }
  return null;
}

/** Reads a JSON body; malformed JSON is the client's mistake (400), not a crash. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new MalformedError("The request body must be JSON.", "invalid_json");
  }
}

/**
 * Wraps a route handler: domain errors and zod errors become JSON answers with their status;
 * anything else is a real server error (500), logged by Next.
 *
 * @example export const GET = apiRoute(async (request: Request) => Response.json(await load(await requireSignedInUser(request))));
 */
export function apiRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      const response = errorResponse(error);
      if (response) return response;
      throw error;
    }
  };
}
