/**
 * The errors lib/ throws when something cannot be done: each a kind (what went wrong, in domain
 * terms), a stable `code` that clients switch on, a message a person can act on, and optional
 * `details` (which fields or cards are at fault). lib/ knows nothing of HTTP: app/ translates a
 * kind once per transport (a status and JSON body for route handlers, form state for server
 * actions, notFound() for pages). lib/srs keeps its own SrsError family: it is pure and stands alone.
 *
 * @example throw new NotFoundError("There is no such draft among yours.", "draft_not_found")
 */
export type DomainErrorKind =
  "malformed" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid" | "rate_limited";

export abstract class DomainError<Details = unknown> extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    message: string,
    readonly code: string,
    readonly details?: Details,
  ) {
    super(message);
  }
}

/** The request cannot be read at all: not JSON, or an id that cannot be an id. */
export class MalformedError<Details = unknown> extends DomainError<Details> {
  readonly kind = "malformed";
  readonly name = "MalformedError";
}

/** Nobody is signed in, or the session was revoked. */
export class UnauthenticatedError extends DomainError<undefined> {
  readonly kind = "unauthenticated";
  readonly name = "UnauthenticatedError";
  constructor(message = "Sign in to continue.", code = "unauthenticated") {
    super(message, code);
  }
}

/** Signed in, but this account may not do this (a student where only teachers may). */
export class ForbiddenError<Details = unknown> extends DomainError<Details> {
  readonly kind = "forbidden";
  readonly name = "ForbiddenError";
}

/** No such thing among the user's: someone else's data is reported as absent, not as forbidden. */
export class NotFoundError<Details = unknown> extends DomainError<Details> {
  readonly kind = "not_found";
  readonly name = "NotFoundError";
}

/** The thing changed since it was read (another tab), or the change clashes with what exists. */
export class ConflictError<Details = unknown> extends DomainError<Details> {
  readonly kind = "conflict";
  readonly name = "ConflictError";
}

/** Well-formed, but breaks a rule of the domain; `details` says where when there are several problems. */
export class InvalidError<Details = unknown> extends DomainError<Details> {
  readonly kind = "invalid";
  readonly name = "InvalidError";
}

/** Too many attempts; `details.retryAfterSeconds` says when to try again. */
export class RateLimitedError extends DomainError<{ retryAfterSeconds: number }> {
  readonly kind = "rate_limited";
  readonly name = "RateLimitedError";
}
