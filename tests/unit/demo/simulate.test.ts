import { describe, expect, it } from "vitest";
import { simulateStudy, SYNTHETIC_STUDENTS } from "@/lib/demo/classes";
import { seededRandom } from "@/lib/seeded-random";

const NOW = new Date("2026-11-27T09:00:00Z");

describe("the demo class's simulated students", () => {
  it("simulates the same history from the same seed", () => {
    const cards = Array.from({ length: 10 }, (_, i) => ({ id: `card-${i}`, autoGraded: i % 2 === 0 }));
    const settings = {
      desiredRetention: 0.9,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
      maximumInterval: 36500,
      enableFuzz: true,
      leechThreshold: 8,
      newCardsPerDay: 20,
    };
    const profile = SYNTHETIC_STUDENTS[3]!.profile;
    const a = simulateStudy(cards, profile, settings, NOW, seededRandom(42));
    const b = simulateStudy(cards, profile, settings, NOW, seededRandom(42));
    expect(a).toEqual(b);
    expect(a.reviews.length).toBeGreaterThan(10);
    expect(a.reviews.every((r) => r.reviewedAt < NOW)).toBe(true);
  });
});
