"use server";

// Every export here is a public POST endpoint: each signs the user in with requireUser() first and
// leaves authorization to the lib/classes service it calls (ownership and membership are checked
// there, next to the data). tests/integration/classes/authorization.test.ts holds each one to that.

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { createAssignment, deleteAssignment } from "@/lib/classes/assignments";
import { createClass, leaveClass, regenerateJoinCode, removeStudent } from "@/lib/classes/classes";
import { formatJoinCode } from "@/lib/classes/join-code";
import {
  AssignmentRefSchema,
  ClassRefSchema,
  CreateAssignmentSchema,
  CreateClassSchema,
  RemoveStudentSchema,
} from "@/lib/classes/schemas";
import { formValues, toActionResult, type ActionResult } from "@/app/_lib/action-result";

export async function createClassAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/classes");
  const values = formValues(formData);
  let id: string;
  try {
    ({ id } = await createClass(user, CreateClassSchema.parse(values), new Date()));
  } catch (error) {
    return toActionResult(error, values);
  }
  redirect(`/classes/${id}`);
}

export async function regenerateJoinCodeAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/classes");
  try {
    const input = ClassRefSchema.parse(formValues(formData));
    const { joinCode } = await regenerateJoinCode(user, input, new Date());
    revalidatePath(`/classes/${input.classId}`);
    return { message: `New code: ${formatJoinCode(joinCode)}. The old code and link no longer work.` };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function removeStudentAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/classes");
  try {
    const input = RemoveStudentSchema.parse(formValues(formData));
    await removeStudent(user, input);
    revalidatePath(`/classes/${input.classId}`);
    return { message: "Removed from the class." };
  } catch (error) {
    return toActionResult(error);
  }
}

export async function createAssignmentAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/classes");
  const values = formValues(formData);
  try {
    // An unticked checkbox sends nothing: absent means false.
    const input = CreateAssignmentSchema.parse({ ...values, requireAllStudied: values.requireAllStudied === "on" });
    await createAssignment(user, input, new Date());
    revalidatePath(`/classes/${input.classId}`);
    return { message: "Assigned. Students see it on their home page and in their deck list." };
  } catch (error) {
    return toActionResult(error, values);
  }
}

export async function deleteAssignmentAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/classes");
  let classId: string;
  try {
    const input = AssignmentRefSchema.parse(formValues(formData));
    await deleteAssignment(user, input);
    classId = input.classId;
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath(`/classes/${classId}`);
  redirect(`/classes/${classId}`);
}

export async function leaveClassAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/classes");
  try {
    await leaveClass(user, ClassRefSchema.parse(formValues(formData)));
  } catch (error) {
    return toActionResult(error);
  }
  revalidatePath("/classes");
  redirect("/classes?left=1");
}
