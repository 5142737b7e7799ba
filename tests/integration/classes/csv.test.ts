import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "@/lib/classes/csv";
import { STATUS_LABELS } from "@/lib/classes/status";
import { createAssignment } from "@/lib/classes/assignments";
import { computeAssignmentDashboard, STUDENTS_CSV_HEADER, studentsCsv, studentsCsvFileName } from "@/lib/classes/dashboard";
import { addMember, at, DAY, makeClass, makeDeck, makeUser, review } from "./fixtures";

/** A strict RFC 4180 reader, to check that what we write reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (ch === '"' || ch === "\n" || ch === "\r") throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    else field += ch;
  }
  if (field !== "" || row.length) throw new Error("missing final CRLF");
  return rows;
}

describe("CSV fields", () => {
  it("quote commas, quotes and line breaks, doubling inner quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("Lima, Ana")).toBe('"Lima, Ana"');
    expect(csvField('Ana "Nan" Lima')).toBe('"Ana ""Nan"" Lima"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rlf")).toBe('"cr\rlf"');
  });

  it("keep formulas from running in spreadsheets, and write numbers and blanks as they are", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@sum")).toBe("'@sum");
    expect(csvField(-2)).toBe("-2");
    expect(csvField(62.5)).toBe("62.5");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("make a document with a byte-order mark and CRLF line ends", () => {
    const text = toCsv([["a", "b"], ["c,d", 1]]);
    expect(text).toBe('\uFEFFa,b\r\n"c,d",1\r\n');
    expect(parseCsv(text.slice(1))).toEqual([["a", "b"], ["c,d", "1"]]);
  });
});

describe("the student table as CSV", () => {
  it("has one row per student with the dashboard's figures, and reads back exactly", async () => {
    const t0 = new Date("2026-11-02T09:00:00Z");
    const teacher = await makeUser("teacher");
    const deck = await makeDeck({ basic: 2, ownerId: teacher.id });
    const { classId } = await makeClass(teacher, t0, "Année 11, groupe B");
    const { id: assignmentId } = await createAssignment(teacher, { classId, deckId: deck.deckId, dueDate: "2026-11-20", targetPercent: 80, requireAllStudied: true }, t0);
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
