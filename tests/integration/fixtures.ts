import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { loadDeckFromFile } from "@/lib/content/load";
import { syncDeck } from "@/lib/content/sync";

/** Test data built through the real services: users, and the seed deck under a slug of the test's own. */
export async function makeUser(role: "student" | "teacher" = "student", timezone = "UTC") {
  return db.user.create({
    data: { email: `${role}-${randomUUID()}@example.org`, name: `Test ${role}`, role, timezone },
    select: { id: true, email: true, name: true, role: true, timezone: true, dayStartHour: true },
  });
}

export async function makeDeck(
  slug: string,
  options: { isPublic?: boolean; ownerId?: string | null; settings?: Record<string, unknown> } = {},
) {
  const deck = structuredClone(loadDeckFromFile("content/decks/russia-ukraine-nato.json", "content"));
  deck.slug = slug;
  Object.assign(deck.settings, options.settings ?? {});
  const { deckId } = await syncDeck(
    deck,
    { isPublic: options.isPublic ?? true, ownerId: options.ownerId ?? null },
    new Date("2026-01-01T00:00:00Z"),
  );
  return db.deck.findUniqueOrThrow({ where: { id: deckId }, include: { cards: { orderBy: { position: "asc" } } } });
}
