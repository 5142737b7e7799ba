// The study page's outbox: reviews answered in the browser and not yet recorded by the server, sent
// in the order they were given, one at a time, each with its own reviewId (the server records a
// reviewId once, so a retry can never count twice). Pure functions over plain JSON data: the outbox
// is kept in IndexedDB as it is (offline-store.ts), so answers given offline survive a reload.
import type { Rating, Response } from "@/app/study/[slug]/study-client";

/** One review waiting to be recorded, as POST /api/reviews takes it, plus its delivery state. */
export interface OutboxReview {
  reviewId: string;
  cardId: string;
  /** The card state's version the review applies to. */
  version: number;
  rating?: Rating;
  response?: Response;
  answerMs: number;
  /** When the student answered (ms since epoch): the server applies the review at this time. */
  answeredAt: number;
  /** Failed attempts so far. */
  attempts: number;
  /** Not sent before this time (ms since epoch): the back-off after a failure. */
  notBefore: number;
  /**
   * pending: waiting its turn; sending: a request is in flight; conflict: the server answered 409
   * (the card changed elsewhere) and the review waits to be rebased on the card's current version.
   */
  status: "pending" | "sending" | "conflict";
}

export interface Outbox {
  /** Oldest first: the order the answers were given, which is the order they are recorded in. */
  items: OutboxReview[];
  /** Reviews recorded this session. */
  saved: number;
  /** Reviews the server refused for good (the review was undone elsewhere, the card retired...). */
  dropped: number;
  /** The last failure, while a review is still waiting (cleared once one is recorded). */
  lastError: string | null;
}

export type NewReview = Omit<OutboxReview, "attempts" | "notBefore" | "status">;

export const EMPTY_OUTBOX: Outbox = { items: [], saved: 0, dropped: 0, lastError: null };

/** Waits between attempts: 1 s, 2 s, 4 s... up to 30 s. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempts - 1));
}

export function enqueue(outbox: Outbox, review: NewReview): Outbox {
  if (outbox.items.some((i) => i.reviewId === review.reviewId)) return outbox;
  return { ...outbox, items: [...outbox.items, { ...review, attempts: 0, notBefore: 0, status: "pending" }] };
}

/**
 * The review to send now, or null: only the oldest, once nothing is in flight and its back-off has
 * passed, so reviews of one card reach the server in the order they were given.
 */
export function nextToSend(outbox: Outbox, now: number): OutboxReview | null {
  const head = outbox.items[0];
  return head && head.status === "pending" && head.notBefore <= now ? head : null;
}

/** When the oldest review may be sent again (null: nothing is waiting on a back-off). */
export function nextAttemptAt(outbox: Outbox): number | null {
  const head = outbox.items[0];
  return head && head.status === "pending" ? head.notBefore : null;
}

const update = (outbox: Outbox, reviewId: string, change: (i: OutboxReview) => OutboxReview): Outbox => ({
  ...outbox,
  items: outbox.items.map((i) => (i.reviewId === reviewId ? change(i) : i)),
});

export function markSending(outbox: Outbox, reviewId: string): Outbox {
  return update(outbox, reviewId, (i) => ({ ...i, status: "sending" }));
}

export function markSaved(outbox: Outbox, reviewId: string): Outbox {
  if (!outbox.items.some((i) => i.reviewId === reviewId)) return outbox;
  return {
    ...outbox,
    items: outbox.items.filter((i) => i.reviewId !== reviewId),
    saved: outbox.saved + 1,
    lastError: null,
  };
}

/** No answer, or a server error: the review waits and is tried again after a back-off. */
export function markFailed(outbox: Outbox, reviewId: string, now: number, message: string): Outbox {
  return {
    ...update(outbox, reviewId, (i) => ({
      ...i,
      status: "pending",
      attempts: i.attempts + 1,
      notBefore: now + backoffMs(i.attempts + 1),
    })),
    lastError: message,
  };
}

/** The connection is back: every waiting review may be tried at once. */
export function retryNow(outbox: Outbox): Outbox {
  return { ...outbox, items: outbox.items.map((i) => (i.status === "pending" ? { ...i, notBefore: 0 } : i)) };
}

export function markConflict(outbox: Outbox, reviewId: string): Outbox {
  return update(outbox, reviewId, (i) => ({ ...i, status: "conflict" }));
}

/**
 * A 409 reconciled: the answer is kept and applied to the card's current version, under a new
 * reviewId (the old one was never recorded, and a reviewId names one request body).
 */
export function rebase(outbox: Outbox, reviewId: string, version: number, newReviewId: string): Outbox {
  return update(outbox, reviewId, (i) => ({ ...i, reviewId: newReviewId, version, status: "pending", notBefore: 0 }));
}

/** The server refused the review for good: it leaves the outbox, counted, with the reason kept. */
export function drop(outbox: Outbox, reviewId: string, message: string): Outbox {
  if (!outbox.items.some((i) => i.reviewId === reviewId)) return outbox;
  return {
    ...outbox,
    items: outbox.items.filter((i) => i.reviewId !== reviewId),
    dropped: outbox.dropped + 1,
    lastError: message,
  };
}

export function isWaiting(outbox: Outbox, cardId: string): boolean {
  return outbox.items.some((i) => i.cardId === cardId);
}

/**
 * Where a review that met a 409 goes: rebased on the card's version in a fresh queue when the card is
 * still to be studied, or dropped when it no longer is (another tab or device already reviewed it).
 */
export function reconcile(
  review: OutboxReview,
  fresh: { cards: ReadonlyArray<{ cardId: string; version: number }> },
): { version: number } | null {
  const card = fresh.cards.find((c) => c.cardId === review.cardId);
  return card && card.version !== review.version ? { version: card.version } : null;
}

/**
 * An outbox read back from storage after a reload: nothing is in flight any more (a request cut
 * by the reload is sent again with its reviewId, which the server records once), and nothing waits.
 */
export function restoredOutbox(items: readonly OutboxReview[]): Outbox {
  return {
    ...EMPTY_OUTBOX,
    items: items.map((i) => ({ ...i, status: "pending", notBefore: 0 })),
  };
}

/** What the page says about saving: nothing to say, saving, saved, or waiting for the connection. */
export function saveStatus(outbox: Outbox): { kind: "idle" | "saving" | "saved" | "offline"; text: string } {
  const n = outbox.items.length;
  const answers = (k: number) => (k === 1 ? "1 answer" : `${k} answers`);
  if (n === 0) return outbox.saved > 0 ? { kind: "saved", text: "All answers saved" } : { kind: "idle", text: "" };
  if (outbox.items[0]!.attempts > 0) return { kind: "offline", text: `${answers(n)} waiting to sync` };
  return { kind: "saving", text: `Saving ${answers(n)}…` };
}
