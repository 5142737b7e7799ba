import { describe, expect, it } from "vitest";
import { default_w } from "ts-fsrs";
import {
  CLIO,
  BEFORE,
  deckCards,
  CLASSES,
  makeStudents,
  REAL_LEARNER_CLASSES,
  REAL_LEARNERS,
  runLearningQuality,
  simulateClasses,
  summarize,
  withParameters,
} from "@/bench/learning-quality";
import { runPersonalization, SCOPES } from "@/bench/personalization";

const TINY = [
  { name: "control", students: 2, stability: [1, 1] as [number, number], sessions: [1, 1] as [number, number] },
  {
    name: "weak",
    students: 2,
    stability: [0.35, 0.7] as [number, number],
    sessions: [0.8, 0.9] as [number, number],
    varied: true,
  },
];

describe("the learning-quality benchmark", () => {
  it("reports every figure the issue asks for, as one JSON object", () => {
    const { json } = runLearningQuality({ seed: 7, days: 12, classes: TINY, strategies: [CLIO, BEFORE] });
    expect(JSON.stringify(json)).toMatch(/^\{"bench":"learning-quality"/);
    expect(json).toMatchObject({
      bench: "learning-quality",
      seed: 7,
      days: 12,
      students: 4,
      recognitionGap: expect.any(Number),
      labelMismatch: expect.any(Number),
      dayBoundaryOk: expect.any(Boolean),
      calibrationGap: expect.any(Number),
      reviewsPerDay: expect.any(Number),
      examRecall: expect.any(Number),
    });
    expect(json.labelMismatch).toBeGreaterThanOrEqual(0);
    expect(json.labelMismatch).toBeLessThanOrEqual(1);
    expect(json.examRecall).toBeGreaterThan(0);
    expect(json.examRecall).toBeLessThanOrEqual(1);
    expect(Object.keys(json.byClass).sort()).toEqual(["control", "weak"]);
    expect(Object.keys(json.baselines)).toEqual(["before"]);
  });

  it("draws students whose memory differs from the defaults beyond stability, except the control class's", () => {
    const students = makeStudents(TINY, 23);
    const control = students.filter((s) => s.className === "control");
    expect(control.every((s) => s.memory.every((w, i) => w === default_w[i]))).toBe(true);
    const weak = students.filter((s) => s.className === "weak");
    // Every varied student's decay and growth after success come from the real learners' spread...
    for (const s of weak) {
      expect(s.memory[20]).toBeGreaterThanOrEqual(REAL_LEARNERS[20]!.q10);
      expect(s.memory[20]).toBeLessThanOrEqual(REAL_LEARNERS[20]!.q90);
      expect(s.memory[20]).not.toBe(default_w[20]);
    }
    // ...and their first stabilities are still the defaults' times their stability factor.
    expect(weak[0]!.memory[2]).toBeCloseTo(default_w[2]! * weak[0]!.stabilityFactor, 10);
    expect(weak[0]!.memory[20]).not.toBe(weak[1]!.memory[20]);
  });

  it("keeps the issue's population by default and varies every class but control with --real-learners", () => {
    expect(CLASSES.some((c) => c.varied)).toBe(false);
    expect(REAL_LEARNER_CLASSES.filter((c) => c.varied).map((c) => c.name)).toEqual(["weak", "strong", "mixed"]);
    // The same students otherwise: drawing the shapes uses a stream of its own.
    const plain = makeStudents(CLASSES, 29);
    const real = makeStudents(REAL_LEARNER_CLASSES, 29);
    expect(real.map((s) => [s.stabilityFactor, s.sessionChance, s.seed])).toEqual(
      plain.map((s) => [s.stabilityFactor, s.sessionChance, s.seed]),
    );
    expect(plain.every((s) => s.memory[20] === default_w[20])).toBe(true);
  });

  it("is the same for the same seed", () => {
    const run = () => simulateClasses({ seed: 3, days: 6, classes: TINY, strategy: CLIO }).reviews;
    expect(run()).toEqual(run());
  });

  it("models guessing: true/false cards are answered right more often than they are truly recalled", () => {
    const { reviews } = simulateClasses({ seed: 11, days: 20, classes: TINY, strategy: BEFORE });
    const tf = reviews.filter((r) => r.group === "true_false");
    const cloze = reviews.filter((r) => r.group === "cloze");
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(tf.length).toBeGreaterThan(50);
    // Right by chance half the time when not recalled...
    expect(mean(tf.map((r) => (r.correct ? 1 : 0)))).toBeGreaterThan(mean(tf.map((r) => r.trueRecall)) + 0.05);
    expect(tf.some((r) => r.correct && !r.recalled)).toBe(true);
    // ...while a typed answer is right only when recalled.
    expect(cloze.every((r) => r.correct === r.recalled)).toBe(true);
  });

  it("judges calibration on the student's days: a review a day later is predicted no higher than by 24-hour periods", () => {
    const { reviews } = simulateClasses({ seed: 13, days: 20, classes: TINY, strategy: CLIO });
    const later = reviews.filter((r) => r.stateBefore === "review" && r.elapsedDays >= 1);
    expect(later.length).toBeGreaterThan(20);
    // ts-fsrs's retrievability counts whole 24-hour periods, fewer than the days between a review at
    // 20:00 and one at 16:00 two days on: it would predict such a review too high.
    expect(later.every((r) => r.predictedOnStudentDays <= r.predicted + 1e-9)).toBe(true);
    expect(later.some((r) => r.predictedOnStudentDays < r.predicted - 0.005)).toBe(true);
  });

  it("finds students scheduled with their true parameters calibrated on recall cards, but not by the old definition", () => {
    const students = makeStudents(TINY, 17);
    const truth = new Map(students.map((s) => [s.id, s.memory]));
    const strategy = withParameters(CLIO, "oracle", truth);
    const days = 60;
    const figures = summarize(simulateClasses({ seed: 17, days, classes: TINY, strategy }), { days, strategy }, 0.9);
    expect(figures.calibrationGap).toBeLessThan(0.01);
    expect(figures.calibrationGapAllKinds).toBeGreaterThan(figures.calibrationGap + 0.005);
  });

  it("measures personalization: every scope's held-out log loss and RMSE per training size, and each student's adopted set", async () => {
    const students = makeStudents(TINY, 5);
    const result = await runPersonalization({ students, settings: deckCards().settings, sizes: [300], heldOut: 300 });
    const figures = result.bySize["300"]!;
    expect(figures.students).toBe(4);
    for (const scope of SCOPES) {
      expect(figures.logLoss[scope]).toBeGreaterThan(0);
      expect(figures.rmseBins[scope]).toBeGreaterThan(0);
    }
    expect(Object.values(figures.adoptedScopes).reduce((a, b) => a + b, 0)).toBe(4);
    expect([...result.adopted.get(300)!.keys()].sort()).toEqual(students.map((s) => s.id).sort());
    expect(Number.isFinite(result.controlAdoptedMinusDefault)).toBe(true);
  }, 60_000);
});
