import { describe, expect, it } from "vitest";
import { STATUS_LABELS } from "@/lib/classes/status";
import { createAssignment } from "@/lib/classes/assignments";
import {
  computeAssignmentDashboard,
  STUDENTS_CSV_HEADER,
  studentsCsv,
  studentsCsvFileName,
} from "@/lib/classes/dashboard";
import { addMember, at, DAY, makeClass, makeDeck, makeUser, review } from "./fixtures";
import { parseCsv } from "../../unit/classes/parse-csv";

describe("the student table as CSV", () => {
  it("has one row per student with the dashboard's figures, and reads back exactly", async () => {
    const t0 = new Date("2026-11-02T09:00:00Z");
    const teacher = await makeUser("teacher");
    const deck = await makeDeck({ basic: 2, ownerId: teacher.id });
    const { classId } = await makeClass(teacher, t0, "Année 11, groupe B");
    const { id: assignmentId } = await createAssignment(
      teacher,
      { classId, deckId: deck.deckId, dueDate: "2026-11-20", targetPercent: 80, requireAllStudied: true },
      t0,
    );
    const tricky = await makeUser("student", 'Zoë "Z" O\'Neil, =cmd');
    const plain = await makeUser("student", "Adam Smith");
    await addMember(classId, tricky);
    await addMember(classId, plain);
    await review(tricky, deck.cards[0]!, t0, "good");
    await review(tricky, deck.cards[0]!, at(t0, 10 * 60_000), "again");
    await review(tricky, deck.cards[1]!, at(t0, DAY), "easy");

    const now = at(t0, 2 * DAY);
    const dashboard = await computeAssignmentDashboard(teacher, { classId, assignmentId }, now);
    const csv = studentsCsv(dashboard);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...STUDENTS_CSV_HEADER]);
    const z = dashboard.students.find((s) => s.userId === tricky.id)!;
    expect(rows).toEqual([
      [...STUDENTS_CSV_HEADER],
      ["Adam Smith", plain.email, "Not started", "0", "2", "0", "", "", "0"],
      [
        'Zoë "Z" O\'Neil, =cmd',
        tricky.email,
        STATUS_LABELS[z.status],
        "2",
        "2",
        "3",
        "66.7",
        at(t0, DAY).toISOString(),
        String(Math.round(z.predictedRecall * 1000) / 10),
      ],
    ]);
    expect(studentsCsvFileName(dashboard)).toBe(`annee-11-groupe-b-${deck.slug}-students.csv`);
  });
});
