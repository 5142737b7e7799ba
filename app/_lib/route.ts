import { ZodError } from "zod";
import { DomainError, MalformedError, type DomainErrorKind } from "@/lib/errors";
import { findUnsafeText, isUnsafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/validation/text";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { failureLog, summarize } from "@/lib/log";

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

/**
 * A refusal by the transport itself, before any domain code runs: a body too large, a body that
 * is not JSON, a request from another origin. Not a domain error: lib/ never sees these.
 */
export class RequestRefusedError extends Error {
  readonly name = "RequestRefusedError";
  constructor(
    readonly status: 403 | 413 | 415,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The largest JSON body a route reads (a draft of a long article's cards is well under it). */
export const MAX_JSON_BODY_BYTES = 1_000_000;

/** The JSON answer for a domain or zod error; null for anything else (a real failure). */
export function errorResponse(error: unknown): Response | null {
  if (error instanceof RequestRefusedError) {
    return Response.json({ error: error.message, code: error.code } satisfies ApiErrorBody, { status: error.status });
  }
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

/**
 * Reads a JSON body of at most `limit` bytes (413 beyond it, counted as it streams in, so a
 * 50 MB body is never held whole); malformed JSON is the client's mistake (400), not a crash.
 */
export async function readJson(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const tooLarge = () =>
    new RequestRefusedError(413, `The request body is too large (at most ${limit} bytes).`, "body_too_large");
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
  } catch {
    throw new MalformedError("The request body must be JSON.", "invalid_json");
  }
  // Every string of every body, whatever schema reads it next (lib/validation/text.ts).
  const unsafe = findUnsafeText(body);
  if (unsafe !== null)
    throw new MalformedError(`${unsafe ? `${unsafe}: ` : ""}${UNSAFE_TEXT_MESSAGE}`, "invalid_text", { path: unsafe });
  return body;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for the JSON API: a write must come from this site's own pages. Browsers send
 * `Sec-Fetch-Site` (and `Origin` on every POST), which a page on another site or subdomain cannot
 * forge; SameSite=Lax cookies alone do not stop a same-site page. A client outside a browser sends
 * `Origin` itself. And a write's body must be `application/json`, a type no HTML form can send
 * without the CORS preflight that Clio never grants.
 */
export function refuseCrossSiteWrite(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const sameOrigin =
    fetchSite !== null
      ? fetchSite === "same-origin" || fetchSite === "none"
      : origin !== null && isOwnOrigin(origin, request);
  if (!sameOrigin || (origin !== null && !isOwnOrigin(origin, request)))
    throw new RequestRefusedError(
      403,
      "This request did not come from Clio's own pages. Send it from the app, or with an Origin header naming this site.",
      "cross_origin",
    );
  const type = request.headers.get("content-type");
  const hasBody = request.body !== null || Number(request.headers.get("content-length") ?? 0) > 0;
  if ((type !== null || hasBody) && type?.split(";")[0]?.trim().toLowerCase() !== "application/json")
    throw new RequestRefusedError(
      415,
      "Send the request body as JSON (Content-Type: application/json).",
      "unsupported_media_type",
    );
}

function isOwnOrigin(origin: string, request: Request): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (a sandboxed frame, a file:) or garbage
  }
  // The Host the client addressed (a proxy in front passes it on, or names it in X-Forwarded-Host).
  const own = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  return host.toLowerCase() === own.split(",")[0]!.trim().toLowerCase();
}

/**
 * A path segment that decodes to NUL or a lone surrogate names nothing (PostgreSQL refuses such
 * text with an error). proxy.ts refuses these paths over HTTP; this holds for any caller.
 */
async function refuseUnsafeParams(context: unknown): Promise<void> {
  const params = (context as { params?: unknown } | undefined)?.params;
  if (!params) return;
  const values = Object.values((await params) as Record<string, string | string[] | undefined>).flat();
  if (values.some((v) => typeof v === "string" && isUnsafeText(v)))
    throw new MalformedError(
      "This address is not valid: it contains a character that cannot be part of one.",
      "invalid_path",
    );
}

/** Seconds a client should wait before retrying while the database is unreachable (PostgreSQL restarts in about 5). */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * The answer for an error no domain rule explains: 503 with Retry-After while the database is
 * unreachable, otherwise 500; both JSON with a code, both logged as one line per kind and interval
 * (lib/log.ts) so that an outage does not flood the log. The first 500 of a kind keeps its stack.
 */
export function failureResponse(error: unknown, now = Date.now()): Response {
  if (isDatabaseUnavailable(error)) {
    failureLog.write("database_unavailable", `Database unavailable, answering 503: ${summarize(error)}`, now);
    return Response.json(
      {
        error: "Clio cannot reach its database right now. Try again in a few seconds.",
        code: "database_unavailable",
      } satisfies ApiErrorBody,
      { status: 503, headers: { "Retry-After": String(OUTAGE_RETRY_AFTER_SECONDS) } },
    );
  }
  const line = summarize(error);
  failureLog.write(
    `internal:${line}`,
    `${line}${error instanceof Error && error.stack ? `\n${error.stack}` : ""}`,
    now,
  );
  return Response.json(
    { error: "Something went wrong on Clio's side. Try again.", code: "internal_error" } satisfies ApiErrorBody,
    { status: 500 },
  );
}

/** Next's own control flow (redirect(), notFound(), dynamic rendering bail-outs) travels as thrown errors. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && /^(NEXT_|DYNAMIC_SERVER_USAGE|BAILOUT_TO_CLIENT_SIDE_RENDERING)/.test(digest);
}

/**
 * Wraps a route handler: a write from another site or with a body that is not JSON is refused
 * first (refuseCrossSiteWrite); domain errors and zod errors become JSON answers with their status;
 * anything else becomes failureResponse (503 in an outage, else 500), never an empty body.
 *
 * @example export const GET = apiRoute(async (request: Request) => Response.json(await load(await requireSignedInUser(request))));
 */
export function apiRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      if (args[0] instanceof Request) refuseCrossSiteWrite(args[0]);
      await refuseUnsafeParams(args[1]);
      return await handler(...args);
    } catch (error) {
      if (isNextControlFlow(error)) throw error;
      return errorResponse(error) ?? failureResponse(error);
    }
  };
}
