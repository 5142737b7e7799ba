// The browser's one client for Clio's JSON API (docs/api.md). Every error answer carries a stable
// `code` (app/_lib/route.ts writes them): callers switch on it, never on the message, which is for
// people. A request that got no answer at all is an ApiError with status 0 and NETWORK_ERROR.

export const NETWORK_ERROR = "network_error";

/** An error answer of the API, or no answer (status 0, code NETWORK_ERROR). */
export class ApiError<Details = unknown> extends Error {
  readonly name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly code: string = status === 0 ? NETWORK_ERROR : "server_error",
    readonly details?: Details,
  ) {
    super(message);
  }
}

export interface ApiRequest extends Omit<RequestInit, "body"> {
  /** Sent as the JSON body. */
  json?: unknown;
  /**
   * Extra attempts after a network failure (never after an answer). Only for requests that are
   * safe to repeat: a read, or a write that carries its own id (a review).
   */
  retries?: number;
  /** The message when an error answer carries none (a crash page, a proxy's error). */
  unexplained?: (status: number) => string;
}

const RETRY_DELAY_MS = 400;

/**
 * Sends one request to the API and returns its JSON body, or throws ApiError.
 *
 * @example await callApi<{ version: number }>(`/api/drafts/${id}`, { method: "PUT", json: { version, ...doc } })
 */
export async function callApi<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const { json, retries = 0, unexplained = (status) => `Request failed (${status}).`, ...init } = request;
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
    let res: Response;
    try {
      res = await fetch(path, {
        ...init,
        headers: { "content-type": "application/json", ...init.headers },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    } catch (error) {
      lastError = error;
      continue;
    }
    const body = (await res.json().catch(() => ({}))) as { error?: unknown; code?: unknown; details?: unknown };
    if (res.ok) return body as T;
    throw new ApiError(
      res.status,
      typeof body.error === "string" ? body.error : unexplained(res.status),
      typeof body.code === "string" ? body.code : undefined,
      body.details,
    );
  }
  throw new ApiError(
    0,
    `Network error: ${(lastError as Error | undefined)?.message ?? "offline"}. Check your connection.`,
  );
}
