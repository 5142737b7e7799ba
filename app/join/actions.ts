"use server";

// A public POST endpoint: signs the user in first; lib/classes decides who may join.

import { redirect } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { joinClass } from "@/lib/classes/classes";
import { JoinClassSchema } from "@/lib/classes/schemas";
import { formValues, toActionResult, type ActionResult } from "@/app/_lib/action-result";

export async function joinClassAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/classes");
  const values = formValues(formData);
  let result: Awaited<ReturnType<typeof joinClass>>;
  try {
    const { code } = JoinClassSchema.parse(values);
    result = await joinClass(user, code, new Date());
  } catch (error) {
    return toActionResult(error, values);
  }
  redirect(`/classes/${result.classId}?${result.alreadyMember ? "already" : "joined"}=1`);
}
