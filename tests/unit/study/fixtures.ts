import type { Queue, QueueCard, Rating, ReviewResult } from "@/app/study/[slug]/study-client";

export const NOW = Date.parse("2026-03-02T09:00:00.000Z");
export const MINUTE = 60_000;

const iso = (ms: number) => new Date(ms).toISOString();
const intervals = (labels: [string, string, string, string]): Record<Rating, { due: string; label: string }> => ({
  again: { due: iso(NOW + MINUTE), label: labels[0] },
  hard: { due: iso(NOW + 6 * MINUTE), label: labels[1] },
  good: { due: iso(NOW + 10 * MINUTE), label: labels[2] },
  easy: { due: iso(NOW + 4 * 1440 * MINUTE), label: labels[3] },
});

/** A self-graded basic card, changed by `overrides`. */
export function basicCard(overrides: Partial<QueueCard> = {}): QueueCard {
  return {
    cardId: "card-basic",
    externalId: "basic-1",
    type: "basic",
    prompt: "Which treaty founded NATO?",
    options: [],
    autoGraded: false,
    responseKind: null,
    answer: "The North Atlantic Treaty",
    explanation: "Signed in Washington in 1949.",
    quote: "The North Atlantic Treaty was signed in 1949.",
    version: 0,
    kind: "new",
    intervals: intervals(["1m", "6m", "10m", "4d"]),
    ...overrides,
  };
}

export function choiceCard(overrides: Partial<QueueCard> = {}): QueueCard {
  return basicCard({
    cardId: "card-choice",
    externalId: "choice-1",
    type: "multiple_choice",
    prompt: "When was NATO founded?",
    options: ["1945", "1949", "1955"],
    autoGraded: true,
    responseKind: "choice",
    answer: null,
    explanation: null,
    intervals: null,
    ...overrides,
  });
}

export function clozeCard(overrides: Partial<QueueCard> = {}): QueueCard {
  return choiceCard({
    cardId: "card-cloze",
    externalId: "cloze-1",
    type: "cloze",
    responseKind: "text",
    prompt: "NATO was founded in ____.",
    options: [],
    ...overrides,
  });
}

export function timelineCard(overrides: Partial<QueueCard> = {}): QueueCard {
  return choiceCard({
    cardId: "card-timeline",
    externalId: "timeline-1",
    type: "timeline",
    responseKind: "order",
    prompt: "Put these in order.",
    options: ["Warsaw Pact", "NATO", "Budapest Memorandum"],
    ...overrides,
  });
}

export function queueOf(cards: QueueCard[], overrides: Partial<Queue> = {}): Queue {
  return {
    deck: { slug: "russia-ukraine-nato", title: "Russia, Ukraine and NATO" },
    remaining: { new: cards.length, learning: 0, review: 0 },
    cards,
    nextDueAt: null,
    dayEndsAt: "2026-03-03T00:00:00.000Z",
    ...overrides,
  };
}

/** The server's answer to a review of `card`, changed by `overrides`. */
export function reviewOf(card: QueueCard, overrides: Partial<ReviewResult> = {}): ReviewResult {
  return {
    reviewId: `review-of-${card.cardId}`,
    cardId: card.cardId,
    rating: "good",
    correct: card.autoGraded ? true : null,
    autoRating: null,
    expected: "1949",
    explanation: "Signed in Washington in 1949.",
    quote: card.quote,
    readerUrl: "/decks/russia-ukraine-nato/article?card=choice-1",
    lapse: false,
    interval: "10m",
    state: {
      due: iso(NOW + 10 * MINUTE),
      state: "learning",
      version: card.version + 1,
      reps: 1,
      lapses: 0,
      suspended: false,
      leech: false,
    },
    alternatives: intervals(["1m", "6m", "10m", "4d"]),
    replayed: false,
    reviewedAt: iso(NOW),
    superseded: false,
    ...overrides,
  };
}
