import { createEmptyCard, Rating as FsrsRating, type Card, type Grade } from "ts-fsrs";
import type { StudyDayRule } from "./local-day";
import { assertValidDate, assertValidMemoryState, fromFsrsCard, toFsrsCard, type MemoryState } from "./memory-state";
import { forecastRecallAt } from "./schedule";
import { createScheduler, parseSrsSettings, type SrsSettings } from "./settings";

// Plan to a date (issue 11, point 5): for each desired retention, simulate a class studying a deck
// every day until the due date, and report the minutes per day it costs and the recall it leaves
// on the due date. A teacher picks the lowest retention that meets the target.
//
// The simulation's assumptions, kept simple on purpose (the figures are a planning aid, and the
// teacher sees them as such):
// - every student studies once a day at the time of day of `now`, all the cards due, and up to
//   `newCardsPerDay` new cards in deck order (the daily review limit is not applied);
// - a card's learning and relearning steps are taken within the same session, each step a review;
// - at each review the student recalls the card with the probability the memory model predicts
//   (the class's parameters are taken as the truth), and rates it as fsrs-rs's simulator does
//   (`FIRST_RATING_SHARES`, `PASS_RATING_SHARES`); intervals are fuzzed as the app fuzzes them;
// - every review costs the same `secondsPerReview`;
// - the recall on the due date counts each student's own days since the card's last review, as the
//   dashboard's prediction does (lib/srs/schedule.ts forecastRecall), so the plan and the
//   dashboard agree on whether the target is met.
// Outcomes are drawn from `random`; the same draws are used for every retention (common random
// numbers), so the difference between two retentions is the retention's, not the dice's.

/** The desired retentions a plan compares: 0.70 to 0.95 in steps of 0.05. */
export const PLAN_RETENTIONS: readonly number[] = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

/** How many simulated card histories at least (each student's cards replayed until there are this many). */
export const PLAN_MIN_SIMULATED_CARDS = 1000;

/** A student's state of a card; a suspended card is not studied (its recall still counts). */
export type PlanCardState = MemoryState & { suspended?: boolean };

export interface PlanInput {
  /** One entry per student: their state of each card of the deck, in deck order (a new card: `null`). */
  students: readonly (readonly (PlanCardState | null)[])[];
  /** Each student's days (time zone and day start), in the order of `students`. */
  days: readonly StudyDayRule[];
  /** The deck's scheduling settings and the class's memory model (`parameters`); desiredRetention is replaced. */
  settings: SrsSettings;
  newCardsPerDay: number;
  now: Date;
  dueAt: Date;
  secondsPerReview: number;
  /** Uniform draws in [0, 1): pass a seeded generator (lib/seeded-random.ts) for repeatable plans. */
  random: () => number;
  retentions?: readonly number[];
}

export interface PlanPoint {
  retention: number;
  /** Mean minutes of study per student per day, from now until the due date. */
  minutesPerDay: number;
  /** Mean reviews per student per day. */
  reviewsPerDay: number;
  /** Mean predicted recall of the deck's cards on the due date (a card never studied counts 0). */
  recallAtDue: number;
}

export interface RetentionPlan {
  points: PlanPoint[];
  /** Days of study simulated (sessions before the due date). */
  days: number;
  /** The lowest retention whose recall on the due date meets `target`, or null when none does. */
  recommended: PlanPoint | null;
}

const DAY_MS = 86_400_000;
// The answer shares of fsrs-rs's own simulator (its SimulatorConfig defaults, from Anki users'
// reviews): a new card's first answer, and a recalled card's answer. Varied answers (and fuzz) keep
// a class's cards from marching in step, which would make the recall on one date a matter of phase.
const FIRST_RATING_SHARES = [
  [FsrsRating.Again, 0.24],
  [FsrsRating.Hard, 0.094],
  [FsrsRating.Good, 0.495],
  [FsrsRating.Easy, 0.171],
] as const;
const PASS_RATING_SHARES = [
  [FsrsRating.Hard, 0.224],
  [FsrsRating.Good, 0.632],
  [FsrsRating.Easy, 0.144],
] as const;
/** A guard: no card is reviewed more often than this in one plan (it would take a ts-fsrs bug). */
const MAX_REVIEWS_PER_CARD = 1000;

/**
 * Simulates every retention of `retentions` (default `PLAN_RETENTIONS`) and picks the lowest that
 * reaches `target` recall on the due date.
 *
 * @example
 * const plan = planRetention({ students: [[null, null]], settings, newCardsPerDay: 20, now, dueAt,
 *   secondsPerReview: 8, random: seededRandom(1) }, 0.8);
 * plan.recommended?.retention; // e.g. 0.85
 */
export function planRetention(input: PlanInput, target: number): RetentionPlan {
  assertValidDate(input.now, "now");
  assertValidDate(input.dueAt, "dueAt");
  for (const cards of input.students) for (const state of cards) if (state) assertValidMemoryState(state);
  if (input.days.length !== input.students.length)
    throw new Error(`planRetention: ${input.days.length} day rules for ${input.students.length} students`);
  // The forgetting curve does not depend on the desired retention: one forecast per student.
  const recallAtDue = input.days.map((day) => forecastRecallAt(input.dueAt, input.settings, day));
  const sessions = sessionTimes(input.now, input.dueAt);
  const cardCount = input.students.reduce((n, cards) => n + cards.length, 0);
  const replicas = cardCount === 0 ? 0 : Math.max(1, Math.ceil(PLAN_MIN_SIMULATED_CARDS / cardCount));
  // One stream of draws per simulated card, shared by every retention.
  const draws: number[][] = [];
  const drawsFor = (index: number, review: number): number => {
    const list = (draws[index] ??= []);
    while (list.length <= review) list.push(input.random());
    return list[review]!;
  };
  const points = (input.retentions ?? PLAN_RETENTIONS).map((retention) => {
    const scheduler = createScheduler(
      parseSrsSettings({ ...input.settings, desiredRetention: retention, enableFuzz: true }),
    );
    let reviews = 0;
    let recall = 0;
    let index = 0;
    for (let r = 0; r < replicas; r++) {
      for (const [student, cards] of input.students.entries()) {
        let newSeen = 0;
        for (const state of cards) {
          // New cards come in deck order, `newCardsPerDay` a session.
          const firstSession = state ? 0 : Math.floor(newSeen++ / Math.max(1, input.newCardsPerDay));
          const result = simulateCard(
            scheduler,
            state,
            firstSession,
            sessions,
            input.dueAt,
            recallAtDue[student]!,
            (k) => drawsFor(index, k),
          );
          reviews += result.reviews;
          recall += result.recallAtDue;
          index++;
        }
      }
    }
    const studentsSimulated = replicas * input.students.length;
    const perStudentReviews = studentsSimulated === 0 ? 0 : reviews / studentsSimulated;
    const reviewsPerDay = sessions.length === 0 ? 0 : perStudentReviews / sessions.length;
    return {
      retention,
      reviewsPerDay,
      minutesPerDay: (reviewsPerDay * input.secondsPerReview) / 60,
      recallAtDue: cardCount === 0 ? 0 : recall / (replicas * cardCount),
    };
  });
  return {
    points,
    days: sessions.length,
    recommended: points.find((p) => p.recallAtDue >= target) ?? null,
  };
}

/** One study session a day, at now's time of day, before the due date. */
function sessionTimes(now: Date, dueAt: Date): Date[] {
  const times: Date[] = [];
  for (let t = now.getTime(); t < dueAt.getTime(); t += DAY_MS) times.push(new Date(t));
  return times;
}

type Scheduler = ReturnType<typeof createScheduler>;

function simulateCard(
  scheduler: Scheduler,
  state: PlanCardState | null,
  firstSession: number,
  sessions: readonly Date[],
  dueAt: Date,
  recallAtDue: (state: MemoryState) => number,
  draw: (review: number) => number,
): { reviews: number; recallAtDue: number } {
  if (state?.suspended) return { reviews: 0, recallAtDue: recallAtDue(state) };
  if (firstSession >= sessions.length) return { reviews: 0, recallAtDue: state ? recallAtDue(state) : 0 };
  let card: Card = state ? toFsrsCard(state) : createEmptyCard(sessions[firstSession]!);
  let reviews = 0;
  for (let k = firstSession; k < sessions.length; k++) {
    const sessionStart = sessions[k]!;
    const sessionEnd = sessions[k + 1] ?? dueAt;
    if (card.due.getTime() >= sessionEnd.getTime()) continue;
    // Review now, then every step that falls before the next session (learning steps are minutes).
    let at = new Date(Math.max(card.due.getTime(), sessionStart.getTime()));
    while (at.getTime() < sessionEnd.getTime() && reviews < MAX_REVIEWS_PER_CARD) {
      card = scheduler.next(card, at, gradeOf(card, at, scheduler, draw(2 * reviews), draw(2 * reviews + 1))).card;
      reviews++;
      at = new Date(Math.max(card.due.getTime(), at.getTime() + 60_000));
    }
  }
  return { reviews, recallAtDue: card.reps === 0 ? 0 : recallAtDue(fromFsrsCard(card)) };
}

/**
 * The answer the simulated student gives: a new card's first answer from `FIRST_RATING_SHARES`; later,
 * "again" with the model's chance of forgetting, else hard, good or easy by `PASS_RATING_SHARES`.
 */
function gradeOf(card: Card, at: Date, scheduler: Scheduler, u: number, v: number): Grade {
  if (card.reps === 0) return pick(FIRST_RATING_SHARES, u);
  if (u >= scheduler.get_retrievability(card, at, false)) return FsrsRating.Again;
  return pick(PASS_RATING_SHARES, v);
}

function pick(shares: readonly (readonly [Grade, number])[], u: number): Grade {
  let sum = 0;
  for (const [grade, share] of shares) {
    sum += share;
    if (u < sum) return grade;
  }
  return shares[shares.length - 1]![0];
}
