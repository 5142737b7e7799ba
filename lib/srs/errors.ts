/**
 * Errors thrown by the scheduling layer. Every one extends `SrsError`, so a route handler can map the
 * whole family with one `instanceof` and switch on `code` for the details.
 */
export type SrsErrorCode =
  | "invalid_rating"
  | "invalid_settings"
  | "invalid_memory_state"
  | "invalid_date"
  | "review_time"
  | "undo_mismatch"
  | "invalid_time_zone";

export abstract class SrsError extends Error {
  abstract readonly code: SrsErrorCode;
}

/** The rating is not one of "again", "hard", "good", "easy". */
export class InvalidRatingError extends SrsError {
  readonly code = "invalid_rating";
  readonly name = "InvalidRatingError";
  constructor(readonly rating: unknown) {
    super(`Invalid rating ${describeValue(rating)}: expected "again", "hard", "good" or "easy".`);
  }
}

export interface SettingsIssue {
  /** Dotted path of the offending setting, e.g. "learningSteps.1". */
  path: string;
  message: string;
}

/** Scheduling settings failed `SrsSettingsSchema`; `issues` lists each bad field. */
export class InvalidSettingsError extends SrsError {
  readonly code = "invalid_settings";
  readonly name = "InvalidSettingsError";
  constructor(readonly issues: SettingsIssue[]) {
    super(
      `Invalid scheduling settings: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`,
    );
  }
}

/** A memory state that ts-fsrs cannot schedule (e.g. a reviewed card without `lastReview`). */
export class InvalidMemoryStateError extends SrsError {
  readonly code = "invalid_memory_state";
  readonly name = "InvalidMemoryStateError";
  constructor(readonly issues: SettingsIssue[]) {
    super(`Invalid memory state: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`);
  }
}

/** A `Date` argument is not a valid date (e.g. `new Date("nonsense")`). */
export class InvalidDateError extends SrsError {
  readonly code = "invalid_date";
  readonly name = "InvalidDateError";
  constructor(readonly argument: string) {
    super(`${argument} is not a valid date.`);
  }
}

/** The review time is earlier than the card's last review: the state is newer than the clock. */
export class ReviewTimeError extends SrsError {
  readonly code = "review_time";
  readonly name = "ReviewTimeError";
  constructor(
    readonly reviewedAt: Date,
    readonly lastReview: Date,
  ) {
    super(`Review time ${reviewedAt.toISOString()} is before the card's last review at ${lastReview.toISOString()}.`);
  }
}

/** The review to undo did not produce the given state (another review or change came after it). */
export class UndoMismatchError extends SrsError {
  readonly code = "undo_mismatch";
  readonly name = "UndoMismatchError";
  constructor(reason: string) {
    super(`Cannot undo this review: ${reason}. Only a card's latest review can be undone.`);
  }
}

/** Not an IANA time zone that this runtime's Intl knows (e.g. "Mars/Olympus"). */
export class InvalidTimeZoneError extends SrsError {
  readonly code = "invalid_time_zone";
  readonly name = "InvalidTimeZoneError";
  constructor(readonly timeZone: string) {
    super(`Unknown time zone ${JSON.stringify(timeZone)}: expected an IANA name such as "Europe/Berlin".`);
  }
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  try {
    return String(value);
  } catch {
    return typeof value;
  }
}
