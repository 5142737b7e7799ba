// The study page's view of the JSON API (docs/api.md): the server's own types, with dates as the
// ISO strings JSON turns them into.
import type { StudyQueue, QueueCard as ServerQueueCard } from "@/lib/study/queue";
import type { ReviewResult as ServerReviewResult } from "@/lib/study/review";
import type { Rating } from "@/lib/srs";
import { ApiError, callApi, type ApiRequest } from "@/app/_lib/api-client";
import { calendarDaysBetween, formatDayMonth, formatTime } from "@/lib/format";

type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

export type { Rating };
export type QueueCard = Jsonified<ServerQueueCard>;
export type Queue = Jsonified<StudyQueue>;
export type ReviewResult = Jsonified<ServerReviewResult>;

export const RATINGS: Rating[] = ["again", "hard", "good", "easy"];
export const RATING_LABELS: Record<Rating, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };

export type Response =
  | { kind: "choice"; choice: string }
  | { kind: "text"; text: string }
  | { kind: "order"; order: string[] }
  | { kind: "dont_know" };

export { ApiError };

// Retried on network failure: a review carries its own id, so a retry can never count twice.
const call = <T>(url: string, request: ApiRequest = {}) => callApi<T>(url, { ...request, retries: 2 });

/** Cards fetched at a time: the page holds them and fetches again before they run out. */
export const QUEUE_PAGE = 50;

export const fetchQueue = (slug: string) =>
  call<Queue>(`/api/decks/${encodeURIComponent(slug)}/queue?limit=${QUEUE_PAGE}`, { cache: "no-store" });

export interface ReviewBody {
  reviewId: string;
  cardId: string;
  version: number;
  rating?: Rating;
  response?: Response;
  answerMs?: number;
  /** Overriding an auto-graded answer's rating: the reviewId of that review. */
  overrides?: string;
  /** When the student answered (ISO): a review sent late is applied at this time. */
  answeredAt?: string;
}

export const postReview = (body: ReviewBody) => call<ReviewResult>("/api/reviews", { method: "POST", json: body });

/** One attempt: the outbox (outbox.ts) retries, with a back-off, in order. */
export const sendReview = (body: ReviewBody) => callApi<ReviewResult>("/api/reviews", { method: "POST", json: body });

export const postUndo = (reviewId: string) =>
  call<{ reviewId: string; cardId: string; state: { version: number } | null }>(`/api/reviews/${reviewId}/undo`, {
    method: "POST",
  });

/**
 * "in 10 minutes", "tomorrow at 9:00 AM", "on Dec 4": in the account's time zone (the page passes
 * it), not the browser's, so the study page agrees with every other page on the day a card is due.
 */
export function describeWhen(iso: string, timeZone: string, now = new Date()): string {
  const at = new Date(iso);
  const ms = at.getTime() - now.getTime();
  if (ms <= 60_000) return "now";
  if (ms < 3_600_000) return `in ${Math.round(ms / 60_000)} minutes`;
  const days = calendarDaysBetween(now, at, timeZone);
  if (days === 0) return `today at ${formatTime(at, timeZone)}`;
  if (days === 1) return `tomorrow at ${formatTime(at, timeZone)}`;
  return `on ${formatDayMonth(at, timeZone)}`;
}
