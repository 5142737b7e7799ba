"use server";

// The class's memory model (issue 11): applying a plan's retention to an assignment, and asking for
// a refit. Public POST endpoints like every action: each signs the user in first and leaves
// authorization to the lib/ service, next to the data (tests/integration/classes/authorization.test.ts).

import { revalidatePath } from "next/cache";
import { requireUser } from "@/app/_lib/require-user";
import { applyAssignmentRetention } from "@/lib/classes/plan";
import { requestClassFitFor } from "@/lib/classes/fits";
import { ApplyRetentionSchema, ClassRefSchema } from "@/lib/classes/schemas";
import { formatPercent } from "@/lib/format";
import { formValues, toActionResult, type ActionResult } from "@/app/_lib/action-result";

export async function applyRetentionAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/classes");
  try {
    const input = ApplyRetentionSchema.parse(formValues(formData));
    const retention = await applyAssignmentRetention(user, input);
    revalidatePath(`/classes/${input.classId}/assignments/${input.assignmentId}`);
    return {
      message:
        retention === null
          ? "Students are back on the deck's own retention."
          : `Applied: your students now study this deck at ${formatPercent(retention)} retention until the due date.`,
    };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function requestClassFitAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/classes");
  try {
    const input = ClassRefSchema.parse(formValues(formData));
    const queued = await requestClassFitFor(user, input, new Date());
    revalidatePath(`/classes/${input.classId}`);
    const students = queued - 1;
    return {
      message: `Queued: a refit of the class${students > 0 ? ` and its ${students} ${students === 1 ? "student" : "students"}` : ""}; it runs in the background.`,
    };
  } catch (error) {
    return toActionResult(error);
  }
}
