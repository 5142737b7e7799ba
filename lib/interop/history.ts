import { DEFAULT_SRS_SETTINGS, gradeCard, newMemoryState, type MemoryState, type Rating } from "@/lib/srs";
import type { ImportedCard } from "./imported-deck";

export type ReplayedReview = {
  rating: Rating;
  reviewedAt: Date;
  stateBefore: MemoryState["state"];
  after: MemoryState;
};

export type ReplayedHistory = { state: MemoryState; reviews: ReplayedReview[] } | null;

const DAY_MS = 86_400_000;

/**
 * A card's Anki history as a Clio memory state: its revlog ratings replayed through Clio's scheduler
 * (ts-fsrs) at the times they were given, so the state is the one Clio would have reached; the
 * stability and difficulty Anki's own FSRS stored on the card, when present, win over the replay.
 * A review card without a revlog (history cleared, or an old SM-2 collection) gets a state from its
 * interval and ease: stability = the interval (FSRS's stability is the interval at 90 % recall),
 * difficulty from the ease (2.5, Anki's start, is the middle; 1.3, its floor, is the hardest).
 * Pure; null for a card never studied.
 */
export function replayHistory(card: Pick<ImportedCard, "reviews" | "schedule" | "memory">, now: Date): ReplayedHistory {
  const reviews = card.reviews.filter((review) => review.reviewedAt.getTime() <= now.getTime());
  if (reviews.length > 0) {
    let state = newMemoryState(reviews[0]!.reviewedAt);
    const replayed: ReplayedReview[] = [];
    for (const review of reviews) {
      // Two revlog rows in one millisecond (a sync artefact) cannot both be replayed in order.
      if (state.lastReview && review.reviewedAt.getTime() <= state.lastReview.getTime()) continue;
      const { state: after } = gradeCard(state, review.rating, review.reviewedAt, DEFAULT_SRS_SETTINGS);
      replayed.push({ rating: review.rating, reviewedAt: review.reviewedAt, stateBefore: state.state, after });
      state = after;
    }
    if (card.memory && state.state !== "new") {
      state = {
        ...state,
        stability: Math.max(card.memory.stability, 0.001),
        difficulty: clamp(card.memory.difficulty, 1, 10),
      };
    }
    return { state, reviews: replayed };
  }
  const schedule = card.schedule;
  if (!schedule) return null;
  const lastReview = new Date(Math.min(schedule.due.getTime() - schedule.intervalDays * DAY_MS, now.getTime()));
  const stability = card.memory?.stability ?? schedule.intervalDays;
  const difficulty = card.memory?.difficulty ?? clamp(5.5 + (2.5 - schedule.easeFactor) * 3.75, 1, 10);
  return {
    state: {
      due: schedule.due,
      stability: Math.max(stability, 0.001),
      difficulty: clamp(difficulty, 1, 10),
      elapsedDays: 0,
      scheduledDays: schedule.intervalDays,
      learningSteps: 0,
      reps: schedule.reps,
      lapses: schedule.lapses,
      state: "review",
      lastReview,
    },
    reviews: [],
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
