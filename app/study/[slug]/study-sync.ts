"use client";

// The study page's background work: fetching the queue ahead and delivering the outbox's reviews,
// in order, with retries. What to do when is decided by pure functions (wantsRefill in
// study-state.ts, nextToSend and reconcile in outbox.ts); this hook only performs the requests and
// reports their outcomes as actions.
import { useEffect, useState, type Dispatch } from "react";
import { nextAttemptAt, nextToSend, reconcile } from "@/app/study/[slug]/outbox";
import { ApiError, fetchQueue, QUEUE_PAGE, sendReview } from "@/app/study/[slug]/study-client";
import { wantsRefill, type StudyAction, type StudyState } from "@/app/study/[slug]/study-state";

const messageOf = (e: unknown) => (e as Error).message;

/** An answer the server will never take: anything but no answer, a server error or a conflict. */
const refusedForGood = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 409;

export function useStudySync(slug: string, state: StudyState, dispatch: Dispatch<StudyAction>) {
  // Re-evaluated when a back-off ends.
  const [tick, setTick] = useState(0);

  // The queue, fetched ahead.
  useEffect(() => {
    const now = Date.now();
    if (!wantsRefill(state, now)) {
      // Look again when a back-off ends, or when the card waited for comes due.
      const due = state.phase === "waiting" && state.queue?.nextDueAt ? Date.parse(state.queue.nextDueAt) + 500 : 0;
      const wake = Math.max(state.refillNotBefore, due);
      if (state.refilling || wake <= now) return;
      const timer = setTimeout(() => setTick((t) => t + 1), wake - now);
      return () => clearTimeout(timer);
    }
    dispatch({ type: "refillStarted" });
    fetchQueue(slug).then(
      (queue) =>
        dispatch({ type: "queueLoaded", queue, now: Date.now(), reviewId: crypto.randomUUID(), limit: QUEUE_PAGE }),
      (e: unknown) => dispatch({ type: "loadFailed", message: messageOf(e), now: Date.now() }),
    );
  }, [slug, state, dispatch, tick]);

  // The outbox, oldest review first, one at a time.
  const { outbox } = state;
  useEffect(() => {
    const now = Date.now();
    const review = nextToSend(outbox, now);
    if (!review) {
      const at = nextAttemptAt(outbox);
      if (at === null || at <= now) return;
      const timer = setTimeout(() => setTick((t) => t + 1), at - now);
      return () => clearTimeout(timer);
    }
    dispatch({ type: "reviewSending", reviewId: review.reviewId });
    const { reviewId, cardId, version, rating, response, answerMs, answeredAt } = review;
    sendReview({
      reviewId,
      cardId,
      version,
      answerMs,
      answeredAt: new Date(answeredAt).toISOString(),
      ...(rating ? { rating } : {}),
      ...(response ? { response } : {}),
    })
      .then((result) => dispatch({ type: "reviewSaved", reviewId, result }))
      .catch(async (e: unknown) => {
        const next = { now: Date.now(), nextReviewId: crypto.randomUUID() };
        if (e instanceof ApiError && e.code === "version_conflict") {
          // The card changed elsewhere: keep the answer, on the card's version as the queue now has it.
          dispatch({ type: "reviewConflicted", reviewId });
          try {
            const current = reconcile(review, await fetchQueue(slug));
            if (current)
              dispatch({ type: "reviewRebased", reviewId, version: current.version, newReviewId: next.nextReviewId });
            else
              dispatch({
                type: "reviewDropped",
                reviewId,
                ...next,
                message: "That card was already reviewed elsewhere.",
              });
          } catch (error) {
            dispatch({ type: "reviewRebased", reviewId, version, newReviewId: reviewId }); // tried again later
            dispatch({ type: "reviewFailed", reviewId, message: messageOf(error), now: Date.now() });
          }
        } else if (refusedForGood(e)) dispatch({ type: "reviewDropped", reviewId, ...next, message: messageOf(e) });
        else {
          // No answer at all (offline): a card waiting for this check moves on (study-state.ts).
          const offline = e instanceof ApiError && e.status === 0;
          dispatch({ type: "reviewFailed", reviewId, message: messageOf(e), now: next.now, ...(offline ? next : {}) });
        }
      });
  }, [slug, outbox, dispatch, tick]);

  // Back online: try at once rather than at the end of the back-off.
  useEffect(() => {
    const online = () => dispatch({ type: "connectionRestored" });
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [dispatch]);
}
