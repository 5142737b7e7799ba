import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { FSRSAlgorithm, generatorParameters } from "ts-fsrs";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { DEFAULT_SRS_SETTINGS, gradeCard, newMemoryState, previewIntervals, type Rating } from "@/lib/srs";
import { DEFAULT_PARAMETERS } from "@/lib/srs/fit";
import { parametersForStudent } from "@/lib/models/parameters";
import { claimFitJob, FIT_LEASE_MS, queueFitAfterReviews, requestClassFit, runNextFitJob } from "@/lib/models/worker";
import { fetchQueue } from "@/lib/study/queue";
import { submitReview } from "@/lib/study/review";
import { deckSrsSettings } from "@/lib/study/settings";
import { makeDeck, makeUser } from "../fixtures";
import { seededRandom } from "@/lib/seeded-random";

const DAY = 86_400_000;
const START = new Date("2025-01-06T15:00:00Z");
const NOW = new Date("2026-09-01T15:00:00Z");

type Deck = Awaited<ReturnType<typeof makeDeck>>;
let deck: Deck;
beforeAll(async () => {
  deck = await makeDeck("fitted-parameters");
});

/**
 * Writes a study history of the deck's first `cardCount` cards (review logs only, as the fit reads
 * them) for a student whose memory is `factor` times as stable as FSRS-6's defaults assume,
 * scheduled with the defaults, from START until NOW.
 */
async function writeHistory(userId: string, factor: number, seed: number, cardCount = 74): Promise<number> {
  const w = [...DEFAULT_PARAMETERS];
  for (let i = 0; i < 4; i++) w[i] = w[i]! * factor;
  w[8] = w[8]! + w[9]! * Math.log(factor);
  w[11] = w[11]! * factor ** (1 - w[13]!);
  const truth = new FSRSAlgorithm(generatorParameters({ w, enable_short_term: true }));
  const settings = { ...DEFAULT_SRS_SETTINGS, enableFuzz: false };
  const random = seededRandom(seed);
  const rows = [];
  for (const [n, card] of deck.cards.slice(0, cardCount).entries()) {
    let t = START.getTime() + (n % 20) * DAY + n * 60_000;
    let state = newMemoryState(new Date(t));
    let memory: { stability: number; difficulty: number } | null = null;
    let lastDay = 0;
    while (t < NOW.getTime() - 7 * DAY) {
      const day = Math.floor((t - START.getTime()) / DAY);
      const elapsed = memory ? day - lastDay : 0;
      const recalled = random() < (memory ? truth.forgetting_curve(elapsed, memory.stability) : 0.6);
      const rating: Rating = recalled ? "good" : "again";
      const graded = gradeCard(state, rating, new Date(t), settings, { cardId: card.id });
      rows.push({
        clientReviewId: randomUUID(),
        userId,
        cardId: card.id,
        deckId: deck.id,
        rating,
        correct: recalled,
        stateBefore: graded.review.stateBefore,
        stateAfter: graded.review.stateAfter,
        elapsedDays: graded.review.elapsedDays,
        scheduledDays: graded.review.scheduledDays,
        dueAfter: graded.review.due,
        stabilityAfter: graded.review.stability,
        difficultyAfter: graded.review.difficulty,
        reviewedAt: new Date(t),
      });
      const next = truth.next_state(memory, elapsed, recalled ? 3 : 1);
      memory = { stability: next.stability, difficulty: next.difficulty };
      lastDay = day;
      state = graded.state;
      t = Math.max(state.due.getTime(), t + 60_000);
    }
  }
  await db.reviewLog.createMany({ data: rows });
  return rows.length;
}

async function runAllJobs(now: Date): Promise<string[]> {
  const lines: string[] = [];
  for (let line = await runNextFitJob(now); line !== null; line = await runNextFitJob(now)) lines.push(line);
  return lines;
}

describe("fitted parameters", () => {
  it("a fit queued after enough reviews runs, is adopted only when it wins, and the next review and labels use it", async () => {
    const weak = await makeUser();
    const matching = await makeUser();
    const fresh = await makeUser();
    expect(await writeHistory(weak.id, 0.3, 1)).toBeGreaterThan(200);
    expect(await writeHistory(matching.id, 1, 2)).toBeGreaterThan(200);

    expect(await parametersForStudent(weak.id)).toEqual({ scope: "default", parameters: undefined, setId: null });
    expect(await queueFitAfterReviews(weak.id, NOW)).toBe(true);
    // One job waits per student: a second review does not queue another.
    expect(await queueFitAfterReviews(weak.id, NOW)).toBe(false);
    expect(await queueFitAfterReviews(matching.id, NOW)).toBe(true);
    // Too few reviews: nothing to fit yet.
    expect(await queueFitAfterReviews(fresh.id, NOW)).toBe(false);

    const lines = await runAllJobs(NOW);
    expect(lines).toHaveLength(2);
    expect(lines.join("\n")).toMatch(/scheduled with student parameters/);
    const jobs = await db.fitJob.findMany({ where: { userId: { in: [weak.id, matching.id] } } });
    expect(jobs.map((j) => j.status)).toEqual(["done", "done"]);

    // The weak student's own fit predicts their later reviews far better than the defaults: adopted.
    const weakPick = await db.parameterPick.findUniqueOrThrow({ where: { userId: weak.id } });
    expect(weakPick.scope).toBe("student");
    const weakSet = await db.parameterSet.findUniqueOrThrow({ where: { id: weakPick.parameterSetId! } });
    expect(weakSet).toMatchObject({ scope: "student", userId: weak.id, version: 1 });
    expect(weakSet.logLossAfter!).toBeLessThan(weakSet.logLossBefore!);
    // Whatever the matching student got, it is by the rule: their own set only where it beat the defaults.
    const matchingPick = await db.parameterPick.findUniqueOrThrow({ where: { userId: matching.id } });
    const evaluations = matchingPick.evaluations as Record<string, { logLoss: number } | null>;
    if (matchingPick.scope === "student")
      expect(evaluations.student!.logLoss).toBeLessThan(evaluations.default!.logLoss);
    else expect(matchingPick.parameterSetId).toBeNull();
    // Their own fit is kept as a record either way.
    expect(await db.parameterSet.count({ where: { userId: matching.id } })).toBe(1);

    const chosen = await parametersForStudent(weak.id);
    expect(chosen).toEqual({ scope: "student", parameters: weakSet.parameters, setId: weakSet.id });

    // The queue's labels and the next review schedule with the weak student's set.
    const card = deck.cards.find((c) => c.type === "basic" && !c.retiredAt)!;
    const settings = deckSrsSettings(deck);
    const context = { cardId: card.id, day: { timeZone: weak.timezone, dayStartHour: weak.dayStartHour } };
    const queue = await fetchQueue(weak, deck.slug, NOW, 100);
    const labels = queue.cards.find((c) => c.cardId === card.id)!.intervals!;
    const fitted = previewIntervals(newMemoryState(NOW), NOW, { ...settings, parameters: chosen.parameters }, context);
    const defaults = previewIntervals(newMemoryState(NOW), NOW, settings, context);
    expect(labels.easy.label).toBe(fitted.easy.label);
    expect(fitted.easy.label).not.toBe(defaults.easy.label);

    await submitReview(weak, { reviewId: randomUUID(), cardId: card.id, version: 0, rating: "good" }, NOW);
    const state = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: weak.id, cardId: card.id } },
    });
    const expected = gradeCard(
      newMemoryState(NOW),
      "good",
      NOW,
      { ...settings, parameters: chosen.parameters },
      context,
    );
    expect(state.stability).toBeCloseTo(expected.state.stability, 10);
    expect(state.stability).not.toBeCloseTo(DEFAULT_PARAMETERS[2]!, 3);
  }, 120_000);

  it("a worker that dies mid-fit leaves the previous parameters in force, and the job runs again when its lease ends", async () => {
    const teacher = await makeUser("teacher");
    const student = await makeUser();
    await writeHistory(student.id, 0.3, 1);
    const klass = await db.class.create({
      data: { name: "Fits", ownerId: teacher.id, joinCode: `FIT${randomUUID().slice(0, 6)}` },
    });
    await db.membership.create({ data: { classId: klass.id, userId: student.id } });
    await expect(requestClassFit(student, klass.id, NOW)).rejects.toBeInstanceOf(NotFoundError);

    expect(await requestClassFit(teacher, klass.id, NOW)).toBe(2);
    const first = await runAllJobs(NOW);
    expect(first[0]).toMatch(/class .*: \d+ items, set /);
    expect(first[1]).toMatch(/student .*: \d+ items, scheduled with/);
    const before = await parametersForStudent(student.id);
    expect(before.scope).not.toBe("default");

    // A second fit is claimed by a worker whose process then dies: nothing is written.
    const later = new Date(NOW.getTime() + DAY);
    await requestClassFit(teacher, klass.id, later);
    const claimed = await claimFitJob(later);
    expect(claimed).toMatchObject({ scope: "class", attempts: 1 });
    expect(await parametersForStudent(student.id)).toEqual(before);
    expect(await db.parameterSet.count({ where: { classId: klass.id } })).toBe(1);

    // Another worker takes the waiting student job, but not the dead one's until its lease runs out.
    expect(await runNextFitJob(new Date(later.getTime() + 60_000))).toMatch(/student/);
    expect(await runNextFitJob(new Date(later.getTime() + 60_000))).toBeNull();
    const retried = await runNextFitJob(new Date(later.getTime() + FIT_LEASE_MS + 1_000));
    expect(retried).toMatch(/class .*: \d+ items, set /);
    const job = await db.fitJob.findUniqueOrThrow({ where: { id: claimed!.id } });
    expect(job).toMatchObject({ status: "done", attempts: 2 });
    expect(await db.parameterSet.count({ where: { classId: klass.id } })).toBe(2);
  }, 120_000);
});
