import { z } from "zod";
import { textSchema } from "@/lib/validation/text";
import { JoinCodeSchema } from "./join-code";

// Inputs of every class action, validated at the edge (server actions) and again by the services.
// One base, ClassRefSchema, and the rest derived from it.

export const ClassNameSchema = textSchema("Give the class a name.")
  .trim()
  .min(1, { error: "Give the class a name." })
  .max(80, { error: "Keep the class name to 80 characters or fewer." });

export const ClassRefSchema = z.object({
  classId: z.uuid({ error: "That is not a class of yours. Open it from your list of classes." }),
});

export const CreateClassSchema = z.object({ name: ClassNameSchema });
export type CreateClassInput = z.input<typeof CreateClassSchema>;

export const RemoveStudentSchema = ClassRefSchema.extend({
  studentId: z.uuid({ error: "That student is not in this class." }),
});

export const AssignmentRefSchema = ClassRefSchema.extend({
  assignmentId: z.uuid({ error: "That assignment is not in this class." }),
});

export const TARGET_PERCENT = { min: 50, max: 99, default: 80 } as const;

/**
 * A new assignment, as the teacher's form sends it: the due date is a calendar date in the
 * teacher's time zone (due at 23:59 that day) and the target a whole percentage.
 */
export const CreateAssignmentSchema = ClassRefSchema.extend({
  deckId: z.uuid({ error: "Pick a deck to assign." }),
  dueDate: z.iso.date({ error: "Pick a due date." }),
  targetPercent: z.coerce
    .number({ error: "Enter the target recall as a whole percentage, e.g. 80." })
    .int({ error: "Enter the target recall as a whole percentage, e.g. 80." })
    .min(TARGET_PERCENT.min, {
      error: `A target below ${TARGET_PERCENT.min}% says little: use ${TARGET_PERCENT.min}–${TARGET_PERCENT.max}%.`,
    })
    .max(TARGET_PERCENT.max, { error: `No one keeps 100% recall: use ${TARGET_PERCENT.min}–${TARGET_PERCENT.max}%.` }),
  requireAllStudied: z.boolean({ error: "requireAllStudied must be true or false." }),
});
export type CreateAssignmentInput = z.input<typeof CreateAssignmentSchema>;

export const JoinClassSchema = z.object({ code: JoinCodeSchema });

/** The retentions a teacher may apply to an assignment, in whole percent (lib/srs settings allow 70–99). */
export const RETENTION_PERCENT = { min: 70, max: 99 } as const;

/** The teacher applies a desired retention to an assignment; empty: back to the deck's own. */
export const ApplyRetentionSchema = AssignmentRefSchema.extend({
  retentionPercent: z.preprocess(
    // The form's "deck's own" option sends "": no retention of the teacher's. A missing field is an error.
    (value) => (value === "" ? null : value),
    z.coerce
      .number({ error: "Pick a retention between 70% and 99%, or the deck's own." })
      .int({ error: "Pick a retention as a whole percentage, e.g. 85." })
      .min(RETENTION_PERCENT.min, { error: `Pick a retention of at least ${RETENTION_PERCENT.min}%.` })
      .max(RETENTION_PERCENT.max, { error: `Pick a retention of at most ${RETENTION_PERCENT.max}%.` })
      .nullable(),
  ),
});
export type ApplyRetentionInput = z.input<typeof ApplyRetentionSchema>;
