// Pure: an assignment's status for one student, from a few counts. No database, no clock.

export const ASSIGNMENT_STATUSES = ["not_started", "in_progress", "on_track", "behind", "done"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  on_track: "On track",
  behind: "Behind",
  done: "Done",
};

/** What each status means, for the legend under the dashboard and the student's list. */
export const STATUS_DESCRIPTIONS: Record<AssignmentStatus, string> = {
  not_started: "No card studied yet.",
  in_progress:
    "Studying and keeping up with reviews; the cards studied so far are not yet remembered well enough for the target, and the reviews FSRS has scheduled before the due date will raise that.",
  on_track: "The cards studied so far are predicted to be remembered on the due date at or above the target.",
  behind:
    "The due date has passed without reaching the target, too many cards are left to fit the deck's new-card limit before it, or reviews are more than a day overdue while recall is below target.",
  done: "Every card studied (when required) and predicted recall on the due date at or above the target.",
};

const DAY_MS = 86_400_000;
/** A review counts as overdue once its card has been due for more than this. */
export const OVERDUE_GRACE_MS = DAY_MS;

/** One student's progress on one assignment's deck. */
export interface StudentProgress {
  /** Live (not retired) cards in the deck. */
  cardCount: number;
  /** Live cards the student has reviewed at least once. */
  studied: number;
  /** Σ predicted recall at the forecast date over the studied cards (lib/srs forecastRecall; unseen cards add 0). */
  recallSum: number;
  /** Studied, not suspended cards due more than `OVERDUE_GRACE_MS` before now. */
  overdue: number;
}

export interface AssignmentTerms {
  dueAt: Date;
  /** 0–1. */
  targetRecall: number;
  requireAllStudied: boolean;
  /** The deck's daily limit on new cards: the fastest pace the study queue allows. */
  newCardsPerDay: number;
}

/**
 * When recall is forecast: the due date, or now once the due date has passed (a past due date has
 * nothing left to predict; the teacher then sees what the class remembers today).
 */
export function forecastDate(dueAt: Date, now: Date): Date {
  return new Date(Math.max(dueAt.getTime(), now.getTime()));
}

/**
 * Predicted recall on the due date: the mean recall the student's model predicts at the forecast
 * date (lib/srs forecastRecall, on the student's days) over the deck's live cards, unseen cards
 * counting as 0. 0 for a deck without cards.
 */
export function predictedRecall(p: Pick<StudentProgress, "cardCount" | "recallSum">): number {
  return p.cardCount === 0 ? 0 : p.recallSum / p.cardCount;
}

/** Predicted recall over the cards studied so far only (null before the first card). */
export function studiedRecall(p: Pick<StudentProgress, "studied" | "recallSum">): number | null {
  return p.studied === 0 ? null : p.recallSum / p.studied;
}

/** Whole days left before the due date (rounded up; 0 once it has passed). */
export function daysLeft(dueAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((dueAt.getTime() - now.getTime()) / DAY_MS));
}

/**
 * The status, by the first rule that applies:
 *
 * 1. **not started** — no card studied.
 * 2. **done** — every live card studied (when the assignment requires it) and predicted recall
 *    (all cards, unseen = 0) ≥ target.
 * 3. **behind** — the due date has passed (and rule 2 did not apply).
 * 4. **behind** — every card is required and more are left unstudied than the deck's new-card limit
 *    lets in before the due date (`newCardsPerDay × daysLeft`): the student cannot finish in time.
 * 5. **on track** — mean predicted recall on the due date over the cards studied so far ≥ target.
 * 6. **behind** — below target so far and at least one review more than a day overdue.
 * 7. **in progress** — below target so far but keeping up: FSRS forecasts recall *if no further
 *    review happened*, and the reviews it has scheduled before the due date will raise it.
 *
 * @example
 * assignmentStatus({ cardCount: 10, studied: 10, recallSum: 8.5, overdue: 0 }, terms, now); // "done" (target 0.8)
 */
export function assignmentStatus(p: StudentProgress, terms: AssignmentTerms, now: Date): AssignmentStatus {
  if (p.studied === 0) return "not_started";
  const allStudied = p.studied >= p.cardCount;
  if ((allStudied || !terms.requireAllStudied) && predictedRecall(p) >= terms.targetRecall) return "done";
  if (now.getTime() >= terms.dueAt.getTime()) return "behind";
  if (terms.requireAllStudied && p.cardCount - p.studied > terms.newCardsPerDay * daysLeft(terms.dueAt, now))
    return "behind";
  if ((studiedRecall(p) ?? 0) >= terms.targetRecall) return "on_track";
  if (p.overdue > 0) return "behind";
  return "in_progress";
}
