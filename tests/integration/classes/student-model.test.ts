import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { studentModel } from "@/lib/models/student-model";
import { FIT_EVERY_REVIEWS } from "@/lib/models/worker";
import { DEFAULT_PARAMETERS } from "@/lib/srs/fit";
import { addMember, makeClass, makeUser } from "./fixtures";

// What the progress page says about a student's memory model (issue 11, point 6).

const NOW = new Date("2026-11-30T16:00:00Z");
const evaluation = (logLoss: number, rmseBins: number) => ({ logLoss, rmseBins, count: 240 });

describe("studentModel", () => {
  it("is the defaults, with the reviews until a fit, for a student never fitted", async () => {
    const student = await makeUser("student");
    expect(await studentModel(student.id)).toEqual({
      scope: "default",
      decidedAt: null,
      set: null,
      evaluations: {},
      reviews: 0,
      fitEvery: FIT_EVERY_REVIEWS,
    });
  });

  it("names the class whose set schedules the student, with the figures the adoption rule judged by", async () => {
    const teacher = await makeUser("teacher");
    const student = await makeUser("student");
    const { classId } = await makeClass(teacher, NOW, "Physics 9");
    await addMember(classId, student);
    const set = await db.parameterSet.create({
      data: {
        scope: "class",
        classId,
        parameters: [...DEFAULT_PARAMETERS],
        trainingSize: 4200,
        version: 1,
        fittedAt: NOW,
      },
    });
    const evaluations = { default: evaluation(0.36, 0.09), class: evaluation(0.34, 0.05), student: null };
    await db.parameterPick.create({
      data: { userId: student.id, parameterSetId: set.id, scope: "class", evaluations, decidedAt: NOW },
    });
    expect(await studentModel(student.id)).toEqual({
      scope: "class",
      decidedAt: NOW,
      set: { trainingSize: 4200, fittedAt: NOW, className: "Physics 9" },
      evaluations,
      reviews: 0,
      fitEvery: FIT_EVERY_REVIEWS,
    });
    // Another student's pick is not this one's.
    expect((await studentModel((await makeUser("student")).id)).scope).toBe("default");
  });
});
