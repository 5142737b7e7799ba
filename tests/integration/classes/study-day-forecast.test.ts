import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { PUBLIC_USER_FIELDS, type PublicUser } from "@/lib/auth/users";
import { createAssignment, listStudentAssignments } from "@/lib/classes/assignments";
import { computeAssignmentDashboard } from "@/lib/classes/dashboard";
import { joinClass } from "@/lib/classes/classes";
import { forecastRecallAt, retrievabilityAt, studyDayNumber, type StudyDayRule } from "@/lib/srs";
import { studyDayNumberSql } from "@/lib/stats/study-day-sql";
import { memoryStateOf } from "@/lib/study/memory";
import { deckSrsSettings } from "@/lib/study/settings";
import { seededRandom } from "@/lib/seeded-random";
import { at, DAY, HOUR, makeClass, makeDeck, makeUser, review } from "./fixtures";

// The dashboard counts a student's days in SQL (lib/stats/study-day-sql.ts, PostgreSQL's zone data);
// everything else counts them with lib/srs (Node's ICU). Here the two must agree, day for day and
// figure for figure, for students in zones with odd offsets and DST changes, at times next to their
// day starts and DST changes.

const MINUTE = 60_000;
const ZONES = [
  "UTC",
  "America/New_York",
  "America/Los_Angeles",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
];

/** Instants next to 2026's DST changes in ZONES (and a year of random ones), for the SQL/JS check. */
function trickyInstants(): Date[] {
  const changes = [
    "2026-03-08T07:00:00Z", // New York forward
    "2026-11-01T06:00:00Z", // New York back
    "2026-03-08T10:00:00Z", // Los Angeles forward
    "2026-11-01T09:00:00Z", // Los Angeles back
    "2026-03-29T01:00:00Z", // Berlin forward
    "2026-10-25T01:00:00Z", // Berlin back
    "2026-04-04T14:00:00Z", // Chatham back (03:45 → 02:45)
    "2026-09-26T14:00:00Z", // Chatham forward (02:45 → 03:45)
    "2026-04-05T03:00:00Z", // Santiago back at midnight
    "2026-09-06T04:00:00Z", // Santiago forward over midnight
    "2026-04-04T15:00:00Z", // Lord Howe back half an hour
    "2026-10-03T15:30:00Z", // Lord Howe forward half an hour
  ].map((iso) => Date.parse(iso));
  const offsets = [
    -25 * HOUR,
    -24 * HOUR,
    -5 * HOUR,
    -HOUR,
    -30 * MINUTE,
    -1,
    0,
    1,
    30 * MINUTE,
    HOUR,
    5 * HOUR,
    23 * HOUR,
  ];
  const instants = changes.flatMap((t) => offsets.map((o) => new Date(t + o)));
  const random = seededRandom(7);
  for (let i = 0; i < 400; i++) instants.push(new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * DAY)));
  return instants;
}

describe("the student's day in SQL", () => {
  it("is lib/srs studyDayNumber for every zone and day-start hour, across DST changes", async () => {
    const instants = trickyInstants();
    const cases: { instant: Date; rule: StudyDayRule }[] = [];
    for (const timeZone of ZONES)
      for (const dayStartHour of [0, 1, 2, 3, 4, 5, 12, 23])
        for (const instant of instants) cases.push({ instant, rule: { timeZone, dayStartHour } });
    const day = studyDayNumberSql(
      // As the columns hold them: timestamp without zone, in UTC.
      Prisma.sql`(t.at AT TIME ZONE 'UTC')`,
      Prisma.sql`t.tz`,
      Prisma.sql`t.hour`,
    );
    const rows = await db.$queryRaw<{ i: number; day: number }[]>`
      SELECT t.i::int AS i, ${day}::int AS day
      FROM unnest(${cases.map((c) => c.instant.toISOString())}::timestamptz[], ${cases.map((c) => c.rule.timeZone)}::text[],
                  ${cases.map((c) => c.rule.dayStartHour)}::int[]) WITH ORDINALITY AS t(at, tz, hour, i)
      ORDER BY t.i`;
    expect(rows).toHaveLength(cases.length);
    const mismatches = rows.filter((r) => {
      const c = cases[r.i - 1]!;
      return r.day !== studyDayNumber(c.instant, c.rule);
    });
    expect(mismatches.map((r) => ({ ...cases[r.i - 1]!, sql: r.day }))).toEqual([]);
  });

  it("knows every time zone Node's Intl knows (sign-up and the account page accept those)", async () => {
    const zones = Intl.supportedValuesOf("timeZone");
    const unknown = await db.$queryRaw<{ zone: string }[]>`
      SELECT z AS zone FROM unnest(${zones}::text[]) z
      WHERE NOT EXISTS (SELECT 1 FROM pg_timezone_names n WHERE lower(n.name) = lower(z))`;
    expect(unknown).toEqual([]);
  });
});

describe("predicted recall on the student's days", () => {
  const T0 = new Date("2026-10-20T12:00:00Z");
  let teacher: PublicUser;
  let students: PublicUser[];
  let deck: Awaited<ReturnType<typeof makeDeck>>;
  let classId: string;
  let assignmentId: string;

  async function student(name: string, timezone: string, dayStartHour: number): Promise<PublicUser> {
    const user = await makeUser("student", name);
    return db.user.update({ where: { id: user.id }, data: { timezone, dayStartHour }, select: PUBLIC_USER_FIELDS });
  }

  /** Each student's mean forecast over the deck (unseen 0), and per card, from their card states through lib/srs. */
  async function jsForecast(forecastAt: Date, count: typeof forecastRecallAt | "24h" = forecastRecallAt) {
    const settings = deckSrsSettings(await db.deck.findUniqueOrThrow({ where: { id: deck.deckId } }));
    const byStudent = new Map<string, number>();
    const byCard = new Map<string, number>(deck.cards.map((c) => [c.id, 0]));
    for (const s of students) {
      const recallAt =
        count === "24h"
          ? retrievabilityAt(forecastAt, settings)
          : count(forecastAt, settings, { timeZone: s.timezone, dayStartHour: s.dayStartHour });
      const states = await db.cardState.findMany({ where: { userId: s.id, deckId: deck.deckId } });
      let sum = 0;
      for (const row of states) {
        const r = recallAt(memoryStateOf(row));
        sum += r;
        byCard.set(row.cardId, byCard.get(row.cardId)! + r / students.length);
      }
      byStudent.set(s.id, sum / deck.cards.length);
    }
    return { byStudent, byCard };
  }

  beforeAll(async () => {
    teacher = await makeUser("teacher");
    deck = await makeDeck({ basic: 3, ownerId: teacher.id });
    const cls = await makeClass(teacher, T0);
    classId = cls.classId;
    ({ id: assignmentId } = await createAssignment(
      teacher,
      { classId, deckId: deck.deckId, dueDate: "2026-11-03", targetPercent: 80, requireAllStudied: true },
      T0,
    ));
    students = [
      await student("New York", "America/New_York", 4),
      await student("Los Angeles", "America/Los_Angeles", 0),
      await student("Berlin", "Europe/Berlin", 0),
      await student("Kolkata", "Asia/Kolkata", 4),
      await student("Chatham", "Pacific/Chatham", 23),
      await student("Santiago", "America/Santiago", 0),
      await student("Lord Howe", "Australia/Lord_Howe", 2),
      await student("UTC", "UTC", 4),
    ];
    for (const s of students) await joinClass(s, cls.joinCode, T0);
    // Every student learns each card (Good, Good ten minutes later), then reviews it again around
    // the US and European DST changes, in the evening UTC: late at night or early in the morning
    // locally, next to several students' day starts.
    for (const [i, s] of students.entries()) {
      for (const [k, card] of deck.cards.entries()) {
        const first = at(T0, k * 5 * HOUR + i * 37 * MINUTE);
        await review(s, card, first, "good");
        await review(s, card, at(first, 10 * MINUTE), "good");
        const again = new Date(Date.parse("2026-10-24T20:00:00Z") + k * 2 * DAY + i * 53 * MINUTE);
        await review(s, card, again, k === 1 ? "again" : "good");
        if (k === 1) await review(s, card, at(again, 10 * MINUTE), "good");
      }
    }
  });

  // Before the due date (forecast at 23:59 UTC on Nov 3), and after it (forecast now) at instants
  // next to day starts: 04:00 New York (09:00Z), midnight Berlin (23:00Z), 23:00 Chatham (09:15Z
  // on the day before), New York's fall back (06:00Z on Nov 1 is before the due date; after it,
  // the first days of standard time).
  const NOWS = [
    "2026-11-02T12:00:00Z",
    "2026-11-05T08:59:00Z",
    "2026-11-05T09:00:00Z",
    "2026-11-05T09:14:59Z",
    "2026-11-05T09:15:00Z",
    "2026-11-05T22:59:59Z",
    "2026-11-05T23:00:00Z",
    "2026-11-06T03:00:00Z",
  ].map((iso) => new Date(iso));

  it("on the dashboard equals lib/srs forecastRecall for students in eight zones, at times next to their day starts", async () => {
    let differsFrom24h = 0;
    for (const now of NOWS) {
      const dashboard = await computeAssignmentDashboard(teacher, { classId, assignmentId }, now);
      const expected = await jsForecast(dashboard.forecastAt);
      const old = await jsForecast(dashboard.forecastAt, "24h");
      for (const s of students) {
        const row = dashboard.students.find((r) => r.userId === s.id)!;
        expect({ now, name: s.name, recall: row.predictedRecall }).toEqual({
          now,
          name: s.name,
          recall: expect.closeTo(expected.byStudent.get(s.id)!, 12),
        });
        if (Math.abs(expected.byStudent.get(s.id)! - old.byStudent.get(s.id)!) > 1e-9) differsFrom24h++;
        const [own] = await listStudentAssignments(s, now, { classId });
        expect(own!.predictedRecall).toBeCloseTo(expected.byStudent.get(s.id)!, 12);
      }
      for (const card of deck.cards)
        expect(dashboard.cards.find((c) => c.cardId === card.id)!.predictedRecall).toBeCloseTo(
          expected.byCard.get(card.id)!,
          12,
        );
    }
    // The times are tricky enough that counting 24-hour periods gives other figures, often.
    expect(differsFrom24h).toBeGreaterThan(students.length);
  });

  it("counts a card reviewed at 20:00 as two days old at 16:00 two days later", async () => {
    const ny = students[0]!;
    const card = deck.cards[0]!;
    const state = await db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: ny.id, cardId: card.id } },
    });
    // Moved to 20:00 EST on Nov 3, with the dashboard at 16:00 EST on Nov 5 (past the due date: forecast now).
    await db.cardState.update({
      where: { userId_cardId: { userId: ny.id, cardId: card.id } },
      data: { lastReview: new Date("2026-11-04T01:00:00Z") },
    });
    try {
      const now = new Date("2026-11-05T21:00:00Z");
      const dashboard = await computeAssignmentDashboard(teacher, { classId, assignmentId }, now);
      const settings = deckSrsSettings(await db.deck.findUniqueOrThrow({ where: { id: deck.deckId } }));
      const moved = memoryStateOf({ ...state, lastReview: new Date("2026-11-04T01:00:00Z") });
      const twoDays = forecastRecallAt(now, settings, { timeZone: "America/New_York", dayStartHour: 4 })(moved);
      const oneDay = retrievabilityAt(now, settings)(moved);
      expect(twoDays).toBeLessThan(oneDay);
      const expected = await jsForecast(now);
      expect(dashboard.cards.find((c) => c.cardId === card.id)!.predictedRecall).toBeCloseTo(
        expected.byCard.get(card.id)!,
        12,
      );
      expect(dashboard.students.find((s) => s.userId === ny.id)!.predictedRecall).toBeCloseTo(
        expected.byStudent.get(ny.id)!,
        12,
      );
    } finally {
      await db.cardState.update({
        where: { userId_cardId: { userId: ny.id, cardId: card.id } },
        data: { lastReview: state.lastReview },
      });
    }
  });
});
