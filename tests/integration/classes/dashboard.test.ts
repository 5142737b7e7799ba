import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { PublicUser } from "@/lib/auth/users";
import { syncDeck } from "@/lib/content/sync";
import { createAssignment, listStudentAssignments } from "@/lib/classes/assignments";
import { joinClass } from "@/lib/classes/classes";
import { computeAssignmentDashboard } from "@/lib/classes/dashboard";
import { addMember, at, DAY, makeClass, makeDeck, makeUser, review } from "./fixtures";

const T0 = new Date("2026-11-02T09:00:00Z");
const NOW = new Date("2026-11-09T12:00:00Z");

let teacher: PublicUser;
let ana: PublicUser;
let ben: PublicUser;
let outsider: PublicUser;
let deck: Awaited<ReturnType<typeof makeDeck>>;
let classId: string;
let assignmentId: string;

beforeAll(async () => {
  teacher = await makeUser("teacher");
  // Public, so that an outsider can study it too: their reviews must not count.
  deck = await makeDeck({ basic: 2, multipleChoice: 2, isPublic: true });
  ({ classId } = await makeClass(teacher, T0));
  ({ id: assignmentId } = await createAssignment(
    teacher,
    { classId, deckId: deck.deckId, dueDate: "2026-11-20", targetPercent: 80, requireAllStudied: true },
    T0,
  ));
  ana = await makeUser("student", "Ana Lima");
  ben = await makeUser("student", "Ben Okoro");
  outsider = await makeUser("student", "Olga Outside");
  await addMember(classId, ana);
  await addMember(classId, ben);

  const [basic0, basic1, mc0, mc1] = deck.cards as [
    (typeof deck.cards)[0],
    (typeof deck.cards)[0],
    (typeof deck.cards)[0],
    (typeof deck.cards)[0],
  ];
  // Ana: basic0 learnt at once (easy → review state), then forgotten: a lapse. mc0 right, mc1 wrong.
  await review(ana, basic0, T0, "easy");
  await review(ana, basic0, at(T0, 5 * DAY), "again");
  await review(ana, mc0, T0, { correct: true });
  await review(ana, mc1, at(T0, DAY), { correct: false });
  // Ben: mc1 wrong, then right; basic1 good. Last active on day 6.
  await review(ben, mc1, at(T0, 2 * DAY), { correct: false });
  await review(ben, mc1, at(T0, 2 * DAY + 15 * 60_000), { correct: true });
  await review(ben, basic1, at(T0, 6 * DAY), "good");
  // Olga is not in the class.
  await review(outsider, mc1, at(T0, DAY), { correct: false });
  await review(outsider, basic0, at(T0, DAY), "again");
});

describe("the teacher's dashboard", () => {
  it("shows per student: cards started, reviews, accuracy, last active", async () => {
    const d = await computeAssignmentDashboard(teacher, { classId, assignmentId }, NOW);
    expect(d.students.map((s) => s.name)).toEqual(["Ana Lima", "Ben Okoro"]);
    const [a, b] = d.students as [(typeof d.students)[0], (typeof d.students)[0]];
    // Ana: 4 reviews; right: easy, mc0 correct (again and mc1 wrong are not) → 2/4.
    expect(a).toMatchObject({ cardsStarted: 3, reviews: 4, accuracy: 0.5, lastActiveAt: at(T0, 5 * DAY) });
    // Ben: 3 reviews; right: mc1 correct, good → 2/3.
    expect(b).toMatchObject({ cardsStarted: 2, reviews: 3, lastActiveAt: at(T0, 6 * DAY) });
    expect(b.accuracy).toBeCloseTo(2 / 3, 12);
    expect(d.deck.cardCount).toBe(4);
  });

  it("shows per card: students who lapsed it, class accuracy and reviews, and the source passage, hardest first", async () => {
    const d = await computeAssignmentDashboard(teacher, { classId, assignmentId }, NOW);
    const byId = new Map(d.cards.map((c) => [c.externalId, c]));
    const [basic0, basic1, mc0, mc1] = deck.cards;
    expect(byId.get(basic0!.externalId)).toMatchObject({ studiedBy: 1, lapsedBy: 1, reviews: 2, accuracy: 0.5 });
    expect(byId.get(mc1!.externalId)).toMatchObject({ studiedBy: 2, lapsedBy: 0, reviews: 3 });
    expect(byId.get(mc1!.externalId)!.accuracy).toBeCloseTo(1 / 3, 12);
    expect(byId.get(mc0!.externalId)).toMatchObject({ studiedBy: 1, reviews: 1, accuracy: 1 });
    expect(byId.get(basic1!.externalId)).toMatchObject({ studiedBy: 1, reviews: 1, accuracy: 1 });
    // Hardest first: mc1 (33%), basic0 (50%, lapsed), then the two at 100% by predicted recall.
    expect(d.cards.map((c) => c.externalId).slice(0, 2)).toEqual([mc1!.externalId, basic0!.externalId]);
    const source = deck.deck.cards.find((c) => c.externalId === basic0!.externalId)!;
    expect(byId.get(basic0!.externalId)).toMatchObject({
      quote: source.quote,
      readerUrl: `/decks/${deck.slug}/article?card=${encodeURIComponent(basic0!.externalId)}`,
    });
  });

  it("counts exactly the review log's rows of the class's students on the deck's live cards", async () => {
    const d = await computeAssignmentDashboard(teacher, { classId, assignmentId }, NOW);
    const logged = await db.reviewLog.count({
      where: { deckId: deck.deckId, userId: { in: [ana.id, ben.id] }, card: { retiredAt: null } },
    });
    expect(d.students.reduce((sum, s) => sum + s.reviews, 0)).toBe(logged);
    expect(d.cards.reduce((sum, c) => sum + c.reviews, 0)).toBe(logged);
    for (const s of d.students) {
      expect(s.reviews).toBe(await db.reviewLog.count({ where: { deckId: deck.deckId, userId: s.userId } }));
      const last = await db.reviewLog.findFirst({
        where: { deckId: deck.deckId, userId: s.userId },
        orderBy: { reviewedAt: "desc" },
      });
      expect(s.lastActiveAt).toEqual(last!.reviewedAt);
      // Accuracy comes from CardState.wrongCount: the same as counting the log's wrong answers.
      const logs = await db.reviewLog.findMany({
        where: { deckId: deck.deckId, userId: s.userId },
        select: { correct: true, rating: true },
      });
      const wrong = logs.filter((l) => (l.correct === null ? l.rating === "again" : !l.correct)).length;
      expect(s.accuracy).toBeCloseTo((logs.length - wrong) / logs.length, 12);
    }
  });

  it("counts the class-wide figure and statuses over the class only", async () => {
    const d = await computeAssignmentDashboard(teacher, { classId, assignmentId }, NOW);
    expect(d.classRecall).toBeCloseTo((d.students[0]!.predictedRecall + d.students[1]!.predictedRecall) / 2, 12);
    expect(Object.values(d.statusCounts).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("leaves retired cards and their reviews out", async () => {
    const { deckId, deck: loaded } = await makeDeck({ basic: 2, isPublic: true });
    const cls = await makeClass(teacher, T0, "Retirement");
    const { id } = await createAssignment(
      teacher,
      { classId: cls.classId, deckId, dueDate: "2026-11-20", targetPercent: 80, requireAllStudied: true },
      T0,
    );
    const student = await makeUser("student");
    await joinClass(student, cls.joinCode, T0);
    const cards = await db.card.findMany({ where: { deckId }, orderBy: { position: "asc" } });
    await review(student, { ...cards[0]!, options: [] }, T0, "good");
    await review(student, { ...cards[1]!, options: [] }, T0, "again");
    await syncDeck({ ...loaded, cards: loaded.cards.slice(0, 1) }, { isPublic: true }, at(T0, DAY));

    const d = await computeAssignmentDashboard(teacher, { classId: cls.classId, assignmentId: id }, NOW);
    expect(d.deck.cardCount).toBe(1);
    expect(d.cards.map((c) => c.externalId)).toEqual([cards[0]!.externalId]);
    expect(d.students[0]).toMatchObject({ cardsStarted: 1, reviews: 1, accuracy: 1 });
    const [own] = await listStudentAssignments(student, NOW);
    expect(own).toMatchObject({ cardCount: 1, studied: 1 });
  });

  it("gives a student only their own figures", async () => {
    const mine = await listStudentAssignments(ana, NOW);
    expect(mine).toHaveLength(1);
    expect(Object.keys(mine[0]!).sort()).toEqual(
      [
        "cardCount",
        "classId",
        "className",
        "deck",
        "dueAt",
        "id",
        "predictedRecall",
        "requireAllStudied",
        "status",
        "studied",
        "targetRecall",
      ].sort(),
    );
    expect(mine[0]!.studied).toBe(3);
    expect(await listStudentAssignments(outsider, NOW)).toEqual([]);
  });
});
