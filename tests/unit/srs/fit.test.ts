import { describe, expect, it } from "vitest";
import { FSRSAlgorithm, generatorParameters } from "ts-fsrs";
import {
  DEFAULT_PARAMETERS,
  evaluateParameters,
  fitParameters,
  fitRating,
  splitByTime,
  trainingItemsOf,
  type FitReview,
} from "@/lib/srs/fit";
import { DEFAULT_SRS_SETTINGS, gradeCard, newMemoryState, parseSrsSettings } from "@/lib/srs";
import { seededRandom } from "@/lib/seeded-random";

const NEW_YORK = { timeZone: "America/New_York", dayStartHour: 4 };

function review(cardId: string, iso: string, rating: FitReview["rating"], correct: boolean | null = null): FitReview {
  return { cardId, reviewedAt: new Date(iso), rating, correct };
}

/** Reviews of a student whose memory is `factor` times as stable as FSRS-6's defaults assume, one review a day per due card. */
function simulatedStudent(factor: number, cards: number, days: number, seed: number): FitReview[] {
  const w = [...DEFAULT_PARAMETERS];
  for (let i = 0; i < 4; i++) w[i] = w[i]! * factor;
  w[8] = w[8]! + w[9]! * Math.log(factor);
  w[11] = w[11]! * factor ** (1 - w[13]!);
  const truth = new FSRSAlgorithm(generatorParameters({ w, enable_short_term: true }));
  const random = seededRandom(seed);
  const reviews: FitReview[] = [];
  const settings = { ...DEFAULT_SRS_SETTINGS, enableFuzz: false, learningSteps: [], relearningSteps: [] };
  for (let c = 0; c < cards; c++) {
    const start = Date.UTC(2027, 0, 4, 16) + Math.floor(c / 10) * 86_400_000;
    let state = newMemoryState(new Date(start));
    let memory: { stability: number; difficulty: number } | null = null;
    let last = start;
    for (let t = start; t < start + days * 86_400_000;) {
      const elapsed = memory ? Math.round((t - last) / 86_400_000) : 0;
      const recalled = memory ? random() < truth.forgetting_curve(elapsed, memory.stability) : random() < 0.6;
      const rating = recalled ? "good" : "again";
      reviews.push({ cardId: `c${c}`, reviewedAt: new Date(t), rating, correct: recalled });
      const next = truth.next_state(memory, elapsed, recalled ? 3 : 1);
      memory = { stability: next.stability, difficulty: next.difficulty };
      last = t;
      state = gradeCard(state, rating, new Date(t), settings, { cardId: `c${c}`, day: NEW_YORK }).state;
      t = state.due.getTime();
    }
  }
  return reviews;
}

describe("fitRating", () => {
  it("takes recall from the checked answer where there is one, and the button otherwise", () => {
    expect(fitRating({ rating: "good", correct: false })).toBe(1);
    expect(fitRating({ rating: "again", correct: true })).toBe(3);
    expect(fitRating({ rating: "hard", correct: true })).toBe(2);
    expect(fitRating({ rating: "easy", correct: null })).toBe(4);
    expect(fitRating({ rating: "again", correct: null })).toBe(1);
  });
});

describe("trainingItemsOf", () => {
  it("makes one item per review after a card's first, counting the student's days, ordered by time", () => {
    const items = trainingItemsOf(
      [
        // 23:30 in New York on the 4th, then 02:00 local on the 5th (before the 4 am day start: still the 4th)...
        review("a", "2027-01-05T04:30:00Z", "good"),
        review("a", "2027-01-05T07:00:00Z", "good"),
        // ...then 09:00 local on the 7th: three of the student's days later.
        review("a", "2027-01-07T14:00:00Z", "again", false),
        review("b", "2027-01-06T15:00:00Z", "hard", true),
        review("b", "2027-01-06T16:00:00Z", "good", false),
      ],
      NEW_YORK,
    );
    expect(items).toEqual([
      {
        reviews: [
          { rating: 3, deltaT: 0 },
          { rating: 3, deltaT: 0 },
        ],
        at: new Date("2027-01-05T07:00:00Z"),
      },
      {
        reviews: [
          { rating: 2, deltaT: 0 },
          { rating: 1, deltaT: 0 },
        ],
        at: new Date("2027-01-06T16:00:00Z"),
      },
      {
        reviews: [
          { rating: 3, deltaT: 0 },
          { rating: 3, deltaT: 0 },
          { rating: 1, deltaT: 3 },
        ],
        at: new Date("2027-01-07T14:00:00Z"),
      },
    ]);
  });

  it("counts UTC days when the student's day is UTC midnight", () => {
    const items = trainingItemsOf(
      [review("a", "2027-01-04T23:00:00Z", "good"), review("a", "2027-01-05T01:00:00Z", "good")],
      { timeZone: "UTC", dayStartHour: 0 },
    );
    expect(items[0]!.reviews[1]!.deltaT).toBe(1);
  });
});

describe("splitByTime", () => {
  it("trains on items before the cut and holds out the rest", () => {
    const items = trainingItemsOf(
      [
        review("a", "2027-01-04T15:00:00Z", "good"),
        review("a", "2027-01-06T15:00:00Z", "good"),
        review("a", "2027-01-10T15:00:00Z", "good"),
      ],
      NEW_YORK,
    );
    const { train, test } = splitByTime(items, new Date("2027-01-08T00:00:00Z"));
    expect(train.map((i) => i.at.toISOString())).toEqual(["2027-01-06T15:00:00.000Z"]);
    expect(test.map((i) => i.at.toISOString())).toEqual(["2027-01-10T15:00:00.000Z"]);
  });
});

describe("fitParameters and evaluateParameters", () => {
  it("returns FSRS-6's defaults below the minimum of training items", async () => {
    await expect(fitParameters([])).resolves.toEqual([...DEFAULT_PARAMETERS]);
  });

  it("fits a weak student's memory better than the defaults on their later reviews", async () => {
    const items = trainingItemsOf(simulatedStudent(0.4, 300, 120, 7), NEW_YORK);
    const cut = items[Math.floor(items.length * 0.75)]!.at;
    const { train, test } = splitByTime(items, cut);
    const fitted = await fitParameters(train);
    expect(fitted).toHaveLength(21);
    // The fitted set schedules: lib/srs accepts it as settings.
    expect(parseSrsSettings({ parameters: fitted }).parameters).toEqual(fitted);
    const before = evaluateParameters(DEFAULT_PARAMETERS, test)!;
    const after = evaluateParameters(fitted, test)!;
    expect(after.logLoss).toBeLessThan(before.logLoss);
    expect(after.rmseBins).toBeLessThan(before.rmseBins);
  }, 30_000);

  it("never hands the optimizer an item within one day (fsrs-rs panics on it, aborting the process)", async () => {
    const sameDay = Array.from({ length: 100 }, (_, i) => ({
      reviews: [
        { rating: 3 as const, deltaT: 0 },
        { rating: 3 as const, deltaT: 0 },
      ],
      at: new Date(Date.UTC(2027, 0, 1, 0, i)),
    }));
    await expect(fitParameters(sameDay)).resolves.toEqual([...DEFAULT_PARAMETERS]);
    expect(evaluateParameters(DEFAULT_PARAMETERS, sameDay)).toBeNull();
  });

  it("cannot evaluate without held-out reviews", () => {
    expect(evaluateParameters(DEFAULT_PARAMETERS, [])).toBeNull();
  });
});

describe("scheduling with a fitted set", () => {
  it("uses the set's weights: a weaker memory model gives a shorter first interval", () => {
    const now = new Date("2027-01-04T16:00:00Z");
    const base = { ...DEFAULT_SRS_SETTINGS, enableFuzz: false, learningSteps: [] };
    const weak = [...DEFAULT_PARAMETERS];
    weak[2] = weak[2]! * 0.4;
    const days = (settings: typeof base) =>
      (gradeCard(newMemoryState(now), "good", now, settings).state.due.getTime() - now.getTime()) / 86_400_000;
    expect(days({ ...base, parameters: weak })).toBeLessThan(days(base));
    expect(days({ ...base, parameters: [...DEFAULT_PARAMETERS] })).toBe(days(base));
  });
});
