import { describe, expect, it } from "vitest";
import { replayHistory } from "@/lib/interop/history";
import { DEFAULT_SRS_SETTINGS, gradeCard, newMemoryState } from "@/lib/srs";

const NOW = new Date("2026-11-30T12:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() - days * DAY);

describe("replayHistory", () => {
  it("replays Anki's ratings through Clio's scheduler at their times", () => {
    const reviews = [
      { rating: "good" as const, reviewedAt: at(30) },
      { rating: "good" as const, reviewedAt: at(27) },
      { rating: "again" as const, reviewedAt: at(10) },
    ];
    const history = replayHistory({ reviews, schedule: null, memory: null }, NOW)!;
    let expected = newMemoryState(at(30));
    for (const review of reviews)
      expected = gradeCard(expected, review.rating, review.reviewedAt, DEFAULT_SRS_SETTINGS).state;
    expect(history.state).toEqual(expected);
    expect(history.reviews.map((r) => [r.rating, r.stateBefore])).toEqual([
      ["good", "new"],
      ["good", expect.any(String)],
      ["again", expect.any(String)],
    ]);
  });

  it("lets the memory state Anki's FSRS stored win over the replay, and ignores reviews after now", () => {
    const history = replayHistory(
      {
        reviews: [
          { rating: "good", reviewedAt: at(5) },
          { rating: "easy", reviewedAt: new Date(NOW.getTime() + DAY) },
        ],
        schedule: null,
        memory: { stability: 12.5, difficulty: 3.2 },
      },
      NOW,
    )!;
    expect(history.reviews).toHaveLength(1);
    expect([history.state.stability, history.state.difficulty]).toEqual([12.5, 3.2]);
  });

  it("turns an interval and ease into a review state when there is no revlog", () => {
    const due = new Date(NOW.getTime() + 4 * DAY);
    const history = replayHistory(
      { reviews: [], schedule: { intervalDays: 10, easeFactor: 2.5, due, lapses: 1, reps: 6 }, memory: null },
      NOW,
    )!;
    expect(history.state).toMatchObject({
      state: "review",
      stability: 10,
      difficulty: 5.5,
      due,
      lastReview: at(6),
      reps: 6,
      lapses: 1,
    });
    expect(
      replayHistory(
        { reviews: [], schedule: { intervalDays: 10, easeFactor: 1.3, due, lapses: 0, reps: 1 }, memory: null },
        NOW,
      )!.state.difficulty,
    ).toBe(10);
  });

  it("gives nothing for a card never studied", () => {
    expect(replayHistory({ reviews: [], schedule: null, memory: null }, NOW)).toBeNull();
  });
});
