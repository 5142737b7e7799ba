import { describe, expect, it } from "vitest";
import { chooseParameterSet, MIN_VALIDATION_REVIEWS, SHRINKAGE_ITEMS, shrunkParameters } from "@/lib/models/adoption";
import { DEFAULT_PARAMETERS, type TrainingItem } from "@/lib/srs/fit";
import { seededRandom } from "@/lib/seeded-random";

/** Items of a student who recalls `recall` of their reviews at 1–12 day gaps. */
function items(count: number, recall: number, seed: number): TrainingItem[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    reviews: [
      { rating: 3 as const, deltaT: 0 },
      { rating: random() < recall ? (3 as const) : (1 as const), deltaT: 1 + Math.floor(random() * 12) },
    ],
    at: new Date(Date.UTC(2027, 0, 1) + i * 3_600_000),
  }));
}

/** A set whose memory lasts 100 times as long as the defaults': it predicts almost no forgetting. */
const OVERCONFIDENT = DEFAULT_PARAMETERS.map((w, i) => (i < 4 ? w * 100 : w));

describe("shrunkParameters", () => {
  const fitted = DEFAULT_PARAMETERS.map((w) => w * 2);
  it("moves from the prior toward the fit by n / (n + SHRINKAGE_ITEMS)", () => {
    const halfway = shrunkParameters(fitted, DEFAULT_PARAMETERS, SHRINKAGE_ITEMS);
    halfway.forEach((w, i) => expect(w).toBeCloseTo(DEFAULT_PARAMETERS[i]! * 1.5, 12));
    const long = shrunkParameters(fitted, DEFAULT_PARAMETERS, 99 * SHRINKAGE_ITEMS);
    long.forEach((w, i) => expect(w).toBeCloseTo(DEFAULT_PARAMETERS[i]! * 1.99, 12));
  });

  it("shrinks toward the defaults when there is no class set, and leaves a fit equal to its prior unchanged", () => {
    expect(shrunkParameters(fitted, null, 0)).toEqual([...DEFAULT_PARAMETERS]);
    expect(shrunkParameters(DEFAULT_PARAMETERS, DEFAULT_PARAMETERS, 1_234)).toEqual([...DEFAULT_PARAMETERS]);
  });
});

describe("the adoption rule", () => {
  it("keeps the defaults when the student's own fit predicts their later reviews worse", async () => {
    const choice = await chooseParameterSet({
      items: items(1_000, 0.7, 1),
      classParameters: null,
      fit: async () => [...OVERCONFIDENT],
    });
    expect(choice.scope).toBe("default");
    expect(choice.parameters).toEqual([...DEFAULT_PARAMETERS]);
    expect(choice.evaluations.student!.logLoss).toBeGreaterThan(choice.evaluations.default!.logLoss);
  });

  it("adopts the student's own fit, shrunk toward the class's set, when it beats both the class's and the defaults", async () => {
    const choice = await chooseParameterSet({
      items: items(1_000, 0.97, 2),
      classParameters: [...DEFAULT_PARAMETERS],
      fit: async () => [...OVERCONFIDENT],
    });
    expect(choice.scope).toBe("student");
    // 800 training items (the latest 20% judge): the fit moves the student 800 / 5,800 of the way.
    expect(choice.trainItems).toBe(800);
    expect(choice.parameters).toEqual(shrunkParameters(OVERCONFIDENT, DEFAULT_PARAMETERS, 800));
    expect(choice.parameters[0]).toBeCloseTo(
      DEFAULT_PARAMETERS[0]! + (800 / (800 + SHRINKAGE_ITEMS)) * (OVERCONFIDENT[0]! - DEFAULT_PARAMETERS[0]!),
      10,
    );
  });

  it("takes the class's set when it beats the student's own and the defaults", async () => {
    const choice = await chooseParameterSet({
      items: items(1_000, 0.97, 3),
      classParameters: OVERCONFIDENT,
      fit: async () => [...DEFAULT_PARAMETERS],
    });
    expect(choice.scope).toBe("class");
  });

  it(`judges nothing on fewer than ${MIN_VALIDATION_REVIEWS} later reviews: the defaults`, async () => {
    const choice = await chooseParameterSet({
      items: items(300, 0.97, 4),
      classParameters: OVERCONFIDENT,
      fit: async () => [...OVERCONFIDENT],
    });
    expect(choice.validationItems).toBeLessThan(MIN_VALIDATION_REVIEWS);
    expect(choice.scope).toBe("default");
  });
});
