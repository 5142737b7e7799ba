import path from "node:path";
import { db } from "@/lib/db";
import { loadDeckFromFile, type LoadedDeck } from "@/lib/content/load";
import { syncDeck } from "@/lib/content/sync";
import type { PublicUser } from "@/lib/auth/users";
import { PUBLIC_USER_FIELDS } from "@/lib/auth/users";
import { createClass } from "@/lib/classes/classes";
import { submitReview } from "@/lib/study/review";
import type { Rating } from "@/lib/srs";

const seed = loadDeckFromFile(path.join("content/decks/russia-ukraine-nato.json"), "content");

let n = 0;
const unique = () => `${++n}-${Math.random().toString(36).slice(2, 8)}`;

export async function makeUser(role: "student" | "teacher", name?: string): Promise<PublicUser> {
  const id = unique();
  return db.user.create({
    data: {
      email: `${role}-${id}@example.org`,
      name: name ?? `${role === "teacher" ? "Teacher" : "Student"} ${id}`,
      role,
    },
    select: PUBLIC_USER_FIELDS,
  });
}

/**
 * A deck of its own for a test: the seed deck under a new slug with `basic` self-graded cards
 * (rated directly) and, when asked, multiple-choice cards (answers checked on the server).
 */
export async function makeDeck(
  options: {
    basic?: number;
    multipleChoice?: number;
    isPublic?: boolean;
    ownerId?: string;
    newCardsPerDay?: number;
    now?: Date;
  } = {},
): Promise<{
  deckId: string;
  slug: string;
  deck: LoadedDeck;
  cards: { id: string; externalId: string; type: string; answer: string; options: string[] }[];
}> {
  const deck = structuredClone(seed);
  deck.slug = `test-deck-${unique()}`;
  const basic = deck.cards.filter((c) => c.type === "basic").slice(0, options.basic ?? 3);
  const mc = deck.cards.filter((c) => c.type === "multiple_choice").slice(0, options.multipleChoice ?? 0);
  deck.cards = [...basic, ...mc].map((c, i) => ({ ...c, position: i }));
  if (options.newCardsPerDay !== undefined)
    deck.settings = { ...deck.settings, newCardsPerDay: options.newCardsPerDay };
  const { deckId } = await syncDeck(
    deck,
    { isPublic: options.isPublic ?? false, ownerId: options.ownerId ?? null },
    options.now ?? new Date("2026-10-01T00:00:00Z"),
  );
  const cards = await db.card.findMany({
    where: { deckId },
    orderBy: { position: "asc" },
    select: { id: true, externalId: true, type: true, answer: true, options: true },
  });
  return { deckId, slug: deck.slug, deck, cards };
}

export async function makeClass(teacher: PublicUser, now: Date, name = "History 11B") {
  const { id, joinCode } = await createClass(teacher, { name }, now);
  return { classId: id, joinCode };
}

export async function addMember(classId: string, student: PublicUser, joinedAt = new Date("2026-10-01T00:00:00Z")) {
  await db.membership.create({ data: { classId, userId: student.id, joinedAt } });
}

/** One review through the real review service, at a pinned time. */
export async function review(
  student: PublicUser,
  card: { id: string; type: string; answer: string; options: string[] },
  at: Date,
  how: Rating | { correct: boolean },
) {
  const state = await db.cardState.findUnique({
    where: { userId_cardId: { userId: student.id, cardId: card.id } },
    select: { version: true },
  });
  const base = { reviewId: crypto.randomUUID(), cardId: card.id, version: state?.version ?? 0, answerMs: 8000 };
  if (typeof how === "string") return submitReview(student, { ...base, rating: how }, at);
  const choice = how.correct ? card.answer : card.options.find((o) => o !== card.answer)!;
  return submitReview(student, { ...base, response: { kind: "choice", choice } }, at);
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
