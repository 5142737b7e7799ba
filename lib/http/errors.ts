import { NextResponse } from "next/server";
import { ZodError } from "zod";

export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

/** An error with the HTTP answer it deserves and a message a person can act on. */
export class HttpError extends Error {
  constructor(
    readonly status: HttpStatus,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** Reads a JSON body; malformed JSON is the client's mistake (400), not a crash. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new HttpError(400, "The request body must be JSON.", "invalid_json");
  }
}

/** zod issues as "field: message" lines, for the 400 answer. */
export function describeZodError(error: ZodError): { message: string; issues: { path: string; message: string }[] } {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  return { message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join(" "), issues };
}

/**
 * Wraps a route handler: HttpError and ZodError become JSON answers with their status; anything
 * else is a real server error (500), logged.
 */
export function apiRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof HttpError) {
        return NextResponse.json({ error: error.message, ...(error.code ? { code: error.code } : {}) }, { status: error.status });
      }
      if (error instanceof ZodError) {
        const { message, issues } = describeZodError(error);
        return NextResponse.json({ error: message, code: "invalid_request", issues }, { status: 400 });
      }
      throw error;
    }
  };
}
