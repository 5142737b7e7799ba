import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleDeckSql, visibleDecksWhere } from "@/lib/content/decks";
import { makeDeck, makeUser } from "../fixtures";

describe("who may see a deck", () => {
  it("is the same rule in Prisma (pages) and in SQL (the review hot path)", async () => {
    const owner = await makeUser("teacher");
    const otherTeacher = await makeUser("teacher");
    const classmate = await makeUser();
    const outsider = await makeUser();
    const publicDeck = await makeDeck("vis-public", { isPublic: true });
    const privateDeck = await makeDeck("vis-private", { isPublic: false, ownerId: owner.id });
    const assignedDeck = await makeDeck("vis-assigned", { isPublic: false, ownerId: owner.id });
    const klass = await db.class.create({ data: { name: "History 10", ownerId: owner.id, joinCode: "VIS123" } });
    await db.membership.create({ data: { classId: klass.id, userId: classmate.id } });
    await db.assignment.create({ data: { classId: klass.id, deckId: assignedDeck.id, dueAt: new Date("2026-12-01T00:00:00Z") } });

    const expected: Record<string, Record<string, boolean>> = {
      owner: { "vis-public": true, "vis-private": true, "vis-assigned": true },
      otherTeacher: { "vis-public": true, "vis-private": false, "vis-assigned": false },
      classmate: { "vis-public": true, "vis-private": false, "vis-assigned": true },
      outsider: { "vis-public": true, "vis-private": false, "vis-assigned": false },
    };
    const users = { owner, otherTeacher, classmate, outsider };
    for (const [who, user] of Object.entries(users)) {
      for (const deck of [publicDeck, privateDeck, assignedDeck]) {
        const viaPrisma = (await db.deck.count({ where: { AND: [{ id: deck.id }, visibleDecksWhere(user)] } })) === 1;
        const [{ n }] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM "Deck" d WHERE d.id = ${deck.id}::uuid AND ${visibleDeckSql(user.id)}`) as [{ n: number }];
        expect({ who, deck: deck.slug, visible: viaPrisma }).toEqual({ who, deck: deck.slug, visible: expected[who]![deck.slug] });
        expect({ who, deck: deck.slug, visible: n === 1 }).toEqual({ who, deck: deck.slug, visible: viaPrisma });
      }
    }
  });
});
