import { db } from "@/lib/db";
import type { CardStateKind, Rating } from "@/lib/generated/prisma/client";
import { gradeCard, newMemoryState, retrievability, type MemoryState, type SrsSettings } from "@/lib/srs";
import { isAutoGraded } from "@/lib/cards";
import type { StateSnapshot } from "@/lib/study/memory";
import { insertCardStates, insertReviewLogs, isWrongAnswer } from "@/lib/study/rows";
import { deckSrsSettings } from "@/lib/study/settings";
import { generateJoinCode } from "@/lib/classes/join-code";
import { DEMO_USERS } from "@/lib/demo/seed";
import { seededRandom } from "@/lib/seeded-random";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A version-4-shaped UUID from the PRNG (review ids must be UUIDs; these need only be unique per user). */
function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function snapshotOf({ cardId: _cardId, wrongCount: _wrongCount, ...snapshot }: SimulatedState): StateSnapshot {
  return snapshot;
}

/** How a simulated student studies. */
export interface StudyProfile {
  /** First day of study, in days before `now` (negative: never started). */
  startDaysAgo: number;
  /** Last day of study, in days before `now` (0: studies up to today). */
  stopDaysAgo: number;
  /** Chance of a study session on any day in between. */
  sessionChance: number;
  /** Added to the chance of recalling a card (FSRS retrievability; 0.55 for a card never seen). */
  recallBias: number;
  /** New cards taken per session (the deck's daily limit caps it). */
  newPerSession: number;
}

export interface SimulatedCard {
  id: string;
  /** Server-checked cards record `correct`; self-graded ones leave it null. */
  autoGraded: boolean;
}

export interface SimulatedState extends MemoryState {
  cardId: string;
  suspended: boolean;
  leech: boolean;
  version: number;
  /** Wrong answers among the card's reviews (lib/study/rows isWrongAnswer), as a review keeps it. */
  wrongCount: number;
}

export interface SimulatedReview {
  clientReviewId: string;
  cardId: string;
  rating: Rating;
  stateBefore: CardStateKind;
  stateAfter: CardStateKind;
  elapsedDays: number;
  scheduledDays: number;
  dueAfter: Date;
  stabilityAfter: number;
  difficultyAfter: number;
  lapsesAfter: number;
  leech: boolean;
  previous: StateSnapshot | null;
  answerMs: number;
  correct: boolean | null;
  reviewedAt: Date;
}

/**
 * A student's study history up to `now`, made the way the app makes one: each review graded by
 * lib/srs `gradeCard` from the state the previous review left, so card states and review logs agree
 * exactly. Sessions take the due cards, then new ones in deck order, and repeat (re)learning steps
 * that fall within the session. Recall is drawn from the card's FSRS retrievability plus the
 * profile's bias. Deterministic for a given `random`.
 */
export function simulateStudy(
  cards: readonly SimulatedCard[],
  profile: StudyProfile,
  settings: SrsSettings & { newCardsPerDay: number },
  now: Date,
  random: () => number,
): { states: SimulatedState[]; reviews: SimulatedReview[] } {
  const states = new Map<string, SimulatedState>();
  const reviews: SimulatedReview[] = [];
  const dayZero = Math.floor(now.getTime() / DAY) * DAY;
  let nextNew = 0;

  for (let daysAgo = profile.startDaysAgo; daysAgo >= profile.stopDaysAgo && daysAgo >= 0; daysAgo--) {
    if (random() >= profile.sessionChance) continue;
    let t = dayZero - daysAgo * DAY + 15 * HOUR + Math.floor(random() * 5 * HOUR);
    const end = now.getTime() - 10 * MINUTE;
    if (t >= end) continue;

    const ready: { cardId: string; at: number }[] = [...states.values()]
      .filter((s) => !s.suspended && s.due.getTime() <= t)
      .sort((a, b) => a.due.getTime() - b.due.getTime())
      .map((s) => ({ cardId: s.cardId, at: t }));
    for (let n = 0; n < Math.min(profile.newPerSession, settings.newCardsPerDay) && nextNew < cards.length; n++) {
      ready.push({ cardId: cards[nextNew++]!.id, at: t });
    }

    for (let count = 0; ready.length > 0 && count < 400; count++) {
      ready.sort((a, b) => a.at - b.at);
      const next = ready[0]!;
      // Learning steps more than 15 minutes away wait for the next session.
      if (next.at > t + 15 * MINUTE) break;
      t = Math.max(t, next.at);
      if (t >= end) break;
      ready.shift();

      const card = cards.find((c) => c.id === next.cardId)!;
      const current = states.get(card.id);
      const before: MemoryState = current ?? newMemoryState(new Date(t));
      const pRecall = current
        ? retrievability(before, new Date(t), settings) + profile.recallBias
        : 0.55 + profile.recallBias;
      const u = random();
      // As the app rates (lib/study/grading.ts): a checked answer is Again or Good; only a student's
      // own rating of a self-graded card is ever Hard or Easy.
      const recalled = random() < pRecall;
      const selfRating: Rating = u < 0.15 ? "hard" : u < 0.87 ? "good" : "easy";
      const rating: Rating = !recalled ? "again" : card.autoGraded ? "good" : selfRating;
      const graded = gradeCard(before, rating, new Date(t), settings);
      const answerMs = 3000 + Math.floor(random() * 12_000);
      const version = (current?.version ?? 0) + 1;
      const leech = graded.leech || (current?.leech ?? false);
      const correct = card.autoGraded ? rating !== "again" : null;
      const wrongCount = (current?.wrongCount ?? 0) + (isWrongAnswer({ correct, rating }) ? 1 : 0);
      reviews.push({
        clientReviewId: seededUuid(random),
        cardId: card.id,
        rating,
        stateBefore: graded.review.stateBefore,
        stateAfter: graded.review.stateAfter,
        elapsedDays: graded.review.elapsedDays,
        scheduledDays: graded.review.scheduledDays,
        dueAfter: graded.review.due,
        stabilityAfter: graded.review.stability,
        difficultyAfter: graded.review.difficulty,
        lapsesAfter: graded.state.lapses,
        leech: leech && !current?.leech,
        previous: current ? snapshotOf(current) : null,
        answerMs,
        correct,
        reviewedAt: new Date(t),
      });
      states.set(card.id, { ...graded.state, cardId: card.id, suspended: leech, leech, version, wrongCount });
      if (!leech) ready.push({ cardId: card.id, at: graded.state.due.getTime() });
      t += answerMs + 2000;
    }
  }
  return { states: [...states.values()], reviews };
}

export const DEMO_CLASS_NAME = "History 11B";
export const DEMO_CLASS_DECK = "russia-ukraine-nato";

/** Synthetic classmates for the demo student: a spread of habits, so every status shows up. */
export const SYNTHETIC_STUDENTS: readonly { name: string; email: string; profile: StudyProfile }[] = [
  {
    name: "Amara Okafor",
    email: "amara.okafor@students.clio.example",
    profile: { startDaysAgo: 20, stopDaysAgo: 0, sessionChance: 0.9, recallBias: 0.08, newPerSession: 10 },
  },
  {
    name: "Lucas Moreau",
    email: "lucas.moreau@students.clio.example",
    profile: { startDaysAgo: 18, stopDaysAgo: 0, sessionChance: 0.8, recallBias: 0.05, newPerSession: 8 },
  },
  {
    name: "Mei Chen",
    email: "mei.chen@students.clio.example",
    profile: { startDaysAgo: 21, stopDaysAgo: 0, sessionChance: 0.95, recallBias: 0.1, newPerSession: 12 },
  },
  {
    name: "Diego Álvarez",
    email: "diego.alvarez@students.clio.example",
    profile: { startDaysAgo: 14, stopDaysAgo: 0, sessionChance: 0.7, recallBias: 0, newPerSession: 6 },
  },
  {
    name: "Priya Natarajan",
    email: "priya.natarajan@students.clio.example",
    profile: { startDaysAgo: 12, stopDaysAgo: 0, sessionChance: 0.75, recallBias: 0.02, newPerSession: 7 },
  },
  {
    name: "Jonas Becker",
    email: "jonas.becker@students.clio.example",
    profile: { startDaysAgo: 9, stopDaysAgo: 0, sessionChance: 0.6, recallBias: -0.05, newPerSession: 5 },
  },
  {
    name: "Fatima Haddad",
    email: "fatima.haddad@students.clio.example",
    profile: { startDaysAgo: 6, stopDaysAgo: 0, sessionChance: 0.8, recallBias: 0, newPerSession: 8 },
  },
  {
    name: "Tomás Silva",
    email: "tomas.silva@students.clio.example",
    profile: { startDaysAgo: 20, stopDaysAgo: 6, sessionChance: 0.4, recallBias: -0.1, newPerSession: 5 },
  },
  {
    name: "Hannah Kowalski",
    email: "hannah.kowalski@students.clio.example",
    profile: { startDaysAgo: 16, stopDaysAgo: 0, sessionChance: 0.5, recallBias: -0.15, newPerSession: 6 },
  },
  {
    name: "Kwame Mensah",
    email: "kwame.mensah@students.clio.example",
    profile: { startDaysAgo: 3, stopDaysAgo: 0, sessionChance: 1, recallBias: 0.05, newPerSession: 10 },
  },
  {
    name: "Sofia Rossi",
    email: "sofia.rossi@students.clio.example",
    profile: { startDaysAgo: 21, stopDaysAgo: 0, sessionChance: 0.9, recallBias: 0.03, newPerSession: 4 },
  },
  {
    name: "Noah Williams",
    email: "noah.williams@students.clio.example",
    profile: { startDaysAgo: -1, stopDaysAgo: 0, sessionChance: 0, recallBias: 0, newPerSession: 0 },
  },
];

/**
 * The demo student's own three weeks: they stopped yesterday, so a first sign-in finds cards due,
 * a streak to keep and charts with something to draw (the README's progress screenshot).
 */
// Three weeks in and about halfway through the deck, so the first session has both reviews due and
// new cards to learn (with every card introduced, a newcomer would see only a handful of reviews).
export const DEMO_STUDENT_PROFILE: StudyProfile = {
  startDaysAgo: 21,
  stopDaysAgo: 1,
  sessionChance: 0.85,
  recallBias: 0.05,
  newPerSession: 2,
};

const DEMO_SEED = 0x0c11a;
const DEMO_STUDENT_SEED = 2026;

/**
 * The demo teacher's class: the demo student and twelve synthetic classmates, all with simulated
 * reviews of the demo deck up to `now` (deterministic: fixed seeds, days counted back from `now`),
 * and an assignment of that deck due in ten days. Runs once: it does nothing when the first
 * synthetic student exists (everything is written in one transaction), or when the demo users or
 * deck are missing. The demo student gets a history only if they have not studied the deck yet.
 * Synthetic students have no password: they cannot sign in.
 */
export async function seedDemoClass(now: Date): Promise<void> {
  const [teacherSpec, studentSpec] = [
    DEMO_USERS.find((u) => u.role === "teacher")!,
    DEMO_USERS.find((u) => u.role === "student")!,
  ];
  const [teacher, student, deck, seeded] = await Promise.all([
    db.user.findUnique({ where: { email: teacherSpec.email }, select: { id: true } }),
    db.user.findUnique({ where: { email: studentSpec.email }, select: { id: true } }),
    db.deck.findUnique({ where: { slug: DEMO_CLASS_DECK } }),
    db.user.findUnique({ where: { email: SYNTHETIC_STUDENTS[0]!.email }, select: { id: true } }),
  ]);
  if (!teacher || !student || !deck || seeded) return;

  const cards = await db.card.findMany({
    where: { deckId: deck.id, retiredAt: null },
    orderBy: { position: "asc" },
    select: { id: true, type: true, answer: true, options: true, extra: true },
  });
  const simCards = cards.map((c) => ({
    id: c.id,
    autoGraded: isAutoGraded({
      type: c.type,
      answer: c.answer,
      options: c.options,
      extra: (c.extra ?? {}) as Record<string, unknown>,
    }),
  }));
  const settings = { ...deckSrsSettings(deck), newCardsPerDay: deck.newCardsPerDay };
  const students = SYNTHETIC_STUDENTS.map((s, i) => ({
    ...s,
    id: crypto.randomUUID(),
    history: simulateStudy(simCards, s.profile, settings, now, seededRandom(DEMO_SEED + i * 7919)),
  }));
  const studentHasStudied = (await db.cardState.count({ where: { userId: student.id, deckId: deck.id } })) > 0;
  const studentHistory = studentHasStudied
    ? null
    : simulateStudy(simCards, DEMO_STUDENT_PROFILE, settings, now, seededRandom(DEMO_STUDENT_SEED));
  const histories = [
    ...students.map((s) => ({ userId: s.id, history: s.history })),
    ...(studentHistory ? [{ userId: student.id, history: studentHistory }] : []),
  ];
  // Due at 23:59 UTC ten days from now (the demo teacher's time zone is UTC).
  const dueAt = new Date(Math.floor((now.getTime() + 10 * DAY) / DAY) * DAY + DAY - MINUTE);

  await db.$transaction(
    async (tx) => {
      await tx.user.createMany({
        data: students.map((s) => ({
          id: s.id,
          email: s.email,
          name: s.name,
          role: "student" as const,
          createdAt: new Date(now.getTime() - 30 * DAY),
        })),
      });
      const cls = await tx.class.create({
        data: {
          name: DEMO_CLASS_NAME,
          ownerId: teacher.id,
          joinCode: generateJoinCode(),
          joinCodeIssuedAt: now,
          createdAt: new Date(now.getTime() - 28 * DAY),
        },
      });
      await tx.membership.createMany({
        data: [
          { classId: cls.id, userId: student.id, joinedAt: new Date(now.getTime() - 27 * DAY) },
          ...students.map((s) => ({ classId: cls.id, userId: s.id, joinedAt: new Date(now.getTime() - 27 * DAY) })),
        ],
      });
      await tx.assignment.create({
        data: {
          classId: cls.id,
          deckId: deck.id,
          dueAt,
          targetRecall: 0.8,
          requireAllStudied: true,
          createdAt: new Date(now.getTime() - 22 * DAY),
        },
      });
      await insertCardStates(
        tx,
        histories.flatMap(({ userId, history }) =>
          history.states.map(({ cardId, ...state }) => ({
            ...state,
            userId,
            cardId,
            deckId: deck.id,
            createdAt: now,
            updatedAt: now,
          })),
        ),
      );
      await insertReviewLogs(
        tx,
        histories.flatMap(({ userId, history }) =>
          history.reviews.map((r) => ({ ...r, userId, deckId: deck.id, createdAt: r.reviewedAt })),
        ),
      );
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
