import { beforeAll, describe, expect, it } from "vitest";
import { forgetting_curve } from "ts-fsrs";
import { db } from "@/lib/db";
import { createAssignment } from "@/lib/classes/assignments";
import { classFitStatus, requestClassFitFor } from "@/lib/classes/fits";
import { binCalibration, classCalibration } from "@/lib/models/calibration";
import { runNextFitJob } from "@/lib/models/worker";
import { DEFAULT_PARAMETERS, trainingItemsOf } from "@/lib/srs/fit";
import { addMember, at, DAY, makeClass, makeDeck, makeUser, review } from "./fixtures";
import { expectDomainError } from "../domain-errors";

// The class's memory model on the class page (issue 11): calibration of its predictions, and a
// refit on demand with its state.

const NOW = new Date("2026-11-30T16:00:00Z");
const START = at(NOW, -30 * DAY);

type Deck = Awaited<ReturnType<typeof makeDeck>>;
let assigned: Deck;
let elsewhere: Deck;
beforeAll(async () => {
  assigned = await makeDeck({ basic: 3, isPublic: true });
  elsewhere = await makeDeck({ basic: 3, isPublic: true });
});

async function classOf() {
  const teacher = await makeUser("teacher");
  const student = await makeUser("student");
  const { classId } = await makeClass(teacher, START);
  await addMember(classId, student);
  await createAssignment(
    teacher,
    { classId, deckId: assigned.deckId, dueDate: "2026-12-21", targetPercent: 80, requireAllStudied: true },
    START,
  );
  return { teacher, student, classId };
}

describe("binCalibration", () => {
  it("bins reviews by predicted recall, with each bin's count, mean prediction and share passed", () => {
    const result = binCalibration([
      { predicted: 0.95, passed: true },
      { predicted: 0.91, passed: false },
      { predicted: 0.72, passed: true },
      { predicted: 1, passed: true },
    ]);
    expect(result.bins).toEqual([
      { from: 0.7, to: 0.8, count: 1, meanPredicted: 0.72, observed: 1 },
      { from: 0.9, to: 1, count: 3, meanPredicted: expect.closeTo((0.95 + 0.91 + 1) / 3, 12), observed: 2 / 3 },
    ]);
    expect(result.count).toBe(4);
    expect(result.observed).toBe(0.75);
    expect(result.gap).toBeCloseTo((0.28 + Math.abs(2 / 3 - (0.95 + 0.91 + 1) / 3) * 3) / 4, 12);
    expect(binCalibration([])).toEqual({ bins: [], count: 0, meanPredicted: null, observed: null, gap: null });
  });
});

describe("classCalibration", () => {
  it("judges the class's reviews of its assigned decks a day or more apart, against the model's prediction", async () => {
    const { teacher, student, classId } = await classOf();
    const outsider = await makeUser("student");
    const expected: { predicted: number; passed: boolean }[] = [];
    for (const who of [student, outsider]) {
      for (const deck of [assigned, elsewhere]) {
        const card = deck.cards[0]!;
        await review(who, card, START, "good");
        await review(who, card, at(START, 10 * 60_000), "good");
        const first = at(START, 4 * DAY);
        const second = await review(who, card, first, "again");
        await review(who, card, at(first, 10 * 60_000), "good");
        const relearnt = await db.reviewLog.findFirstOrThrow({
          where: { userId: who.id, cardId: card.id },
          orderBy: { reviewedAt: "desc" },
        });
        const third = at(first, 3 * DAY);
        const last = await review(who, card, third, "good");
        if (who === student && deck === assigned) {
          const logs = await db.reviewLog.findMany({
            where: { userId: who.id, cardId: card.id, elapsedDays: { gte: 1 } },
            orderBy: { reviewedAt: "asc" },
          });
          expect(logs.map((l) => l.rating)).toEqual([second.rating, last.rating]);
          // The stability the previous review left: the learning step's, then the relearning step's.
          const stabilityBefore = await db.reviewLog.findFirstOrThrow({
            where: {
              userId: who.id,
              cardId: card.id,
              reviewedAt: { lt: first },
            },
            orderBy: { reviewedAt: "desc" },
          });
          expected.push({
            predicted: forgetting_curve(DEFAULT_PARAMETERS, logs[0]!.elapsedDays, stabilityBefore.stabilityAfter),
            passed: false,
          });
          expected.push({
            predicted: forgetting_curve(DEFAULT_PARAMETERS, logs[1]!.elapsedDays, relearnt.stabilityAfter),
            passed: true,
          });
        }
      }
    }
    const calibration = await classCalibration(teacher, classId, NOW);
    // Only the student's two reviews of the assigned deck: not the other deck's, not the outsider's.
    expect(calibration.count).toBe(2);
    const { since, ...figures } = calibration;
    expect(since).toEqual(at(NOW, -90 * DAY));
    expect(figures).toEqual(binCalibration(expected));
  });

  it("counts the days between reviews as the fit does: in the student's time zone now, not as stored then", async () => {
    const { teacher, student, classId } = await classOf();
    const card = assigned.cards[1]!;
    for (const iso of ["2026-11-01T16:00:00Z", "2026-11-01T16:10:00Z", "2026-11-03T14:00:00Z", "2026-11-06T20:00:00Z"])
      await review(student, card, new Date(iso), "good");
    // Reviewed on UTC days from 4 am; the student then moves to Tokyo. 20:00 UTC on Nov 6 is 05:00
    // on Nov 7 there: 4 days after Nov 3's 23:00, where the stored count says 3.
    const tokyo = { timeZone: "Asia/Tokyo", dayStartHour: 4 };
    await db.user.update({ where: { id: student.id }, data: { timezone: tokyo.timeZone } });
    const logs = await db.reviewLog.findMany({ where: { userId: student.id }, orderBy: { reviewedAt: "asc" } });
    expect(logs.map((l) => l.elapsedDays)).toEqual([0, 0, 2, 3]);
    const items = trainingItemsOf(
      logs.map((l) => ({ cardId: l.cardId, reviewedAt: l.reviewedAt, rating: l.rating, correct: l.correct })),
      tokyo,
    );
    expect(items.map((i) => i.reviews.at(-1)!.deltaT)).toEqual([0, 2, 4]);
    const expected = items
      .map((item, i) => ({ deltaT: item.reviews.at(-1)!.deltaT, stabilityBefore: logs[i]!.stabilityAfter }))
      .filter((x) => x.deltaT >= 1)
      .map((x) => ({ predicted: forgetting_curve(DEFAULT_PARAMETERS, x.deltaT, x.stabilityBefore), passed: true }));
    const { since: _since, ...figures } = await classCalibration(teacher, classId, NOW);
    expect(figures).toEqual(binCalibration(expected));
  });

  it("is the class owner's alone", async () => {
    const { student, classId } = await classOf();
    await expectDomainError(classCalibration(student, classId, NOW), 403);
    await expectDomainError(classCalibration(await makeUser("teacher"), classId, NOW), 404);
  });
});

describe("a teacher's refit on demand", () => {
  it("queues the class and its students, shows the fit's state, and refuses a second while one waits", async () => {
    const { teacher, student, classId } = await classOf();
    expect(await classFitStatus(teacher, classId)).toEqual({ latest: null, set: null });
    await expectDomainError(requestClassFitFor(student, { classId }, NOW), 403);
    await expectDomainError(requestClassFitFor(await makeUser("teacher"), { classId }, NOW), 404);
    expect(await db.fitJob.count({ where: { classId } })).toBe(0);

    expect(await requestClassFitFor(teacher, { classId }, NOW)).toBe(2);
    expect((await classFitStatus(teacher, classId)).latest).toEqual({
      state: "queued",
      queuedAt: NOW,
      finishedAt: null,
    });
    await expectDomainError(requestClassFitFor(teacher, { classId }, NOW), 409, /already queued/);

    while ((await runNextFitJob(NOW)) !== null) {
      // run every waiting job, as the worker does
    }
    const done = await classFitStatus(teacher, classId);
    expect(done.latest).toMatchObject({ state: "done", queuedAt: NOW });
    expect(done.latest!.finishedAt).toBeInstanceOf(Date);
    // Too few reviews to fit: no set, the defaults stay.
    expect(done.set).toBeNull();
    expect(await db.fitJob.count({ where: { userId: student.id, status: "done" } })).toBe(1);
    // Done: another may be asked for.
    expect(await requestClassFitFor(teacher, { classId }, at(NOW, DAY))).toBe(2);
  });

  it("answers 404 for a class id that is not an id", async () => {
    const { teacher } = await classOf();
    await expect(requestClassFitFor(teacher, { classId: "nope" }, NOW)).rejects.toThrow(/class/);
  });
});
