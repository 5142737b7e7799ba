import { describe, expect, it } from "vitest";
import { teacherFirstDaySteps } from "@/app/_components/first-day-steps";

const done = (steps: ReturnType<typeof teacherFirstDaySteps>) => steps.map((s) => s.done);

describe("a new teacher's first-day checklist", () => {
  it("starts at creating a class, with the demo deck already there to pick", () => {
    const steps = teacherFirstDaySteps({ classes: [], deckCount: 1 });
    expect(steps.map((s) => s.label)).toEqual([
      "Create a class",
      "Make or pick a deck",
      "Assign a deck to the class",
      "Share the join link",
    ]);
    expect(done(steps)).toEqual([false, true, false, false]);
    expect(steps[2]!.href).toBe("/classes");
  });

  it("points the later steps at the newest class, and ticks each as its data appears", () => {
    const empty = { id: "c1", studentCount: 0, assignmentCount: 0 };
    expect(done(teacherFirstDaySteps({ classes: [empty], deckCount: 0 }))).toEqual([true, false, false, false]);
    const assigned = teacherFirstDaySteps({ classes: [{ ...empty, assignmentCount: 1 }], deckCount: 2 });
    expect(done(assigned)).toEqual([true, true, true, false]);
    expect(assigned[3]!.href).toBe("/classes/c1");
    const joined = teacherFirstDaySteps({ classes: [{ ...empty, assignmentCount: 1, studentCount: 3 }], deckCount: 2 });
    expect(done(joined)).toEqual([true, true, true, true]);
  });
});
