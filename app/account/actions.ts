"use server";

import { auth, signOut } from "@/lib/auth/auth";
import { requireUser } from "@/app/_lib/require-user";
import { revalidatePath } from "next/cache";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { updateStudyDay } from "@/lib/auth/users";
import { changeName, changePassword, deleteAccount } from "@/lib/auth/account";
import { formValues, toActionResult, type ActionResult } from "@/app/_lib/action-result";

export async function signOutAction() {
  // Auth.js's signOut event revokes this browser's session row.
  await signOut({ redirectTo: "/" });
}

/** Revokes every session of the signed-in user: other browsers are refused on their next request. */
export async function signOutEverywhereAction() {
  const user = await requireUser();
  await revokeAllSessions(user.id, new Date());
  await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
}

/** Saves the student's time zone and the hour their day starts (daily limits, streaks, scheduling). */
export async function updateStudyDayAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/account");
  const values = formValues(formData);
  try {
    await updateStudyDay(user.id, values);
  } catch (error) {
    return toActionResult(error, values);
  }
  revalidatePath("/account");
  return { message: "Saved. Your days now follow this time zone and start hour." };
}

/** Changes the password (the current one first); every other browser is signed out, this one stays. */
export async function changePasswordAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/account");
  const values = formValues(formData);
  try {
    const session = await auth();
    const { signedOut } = await changePassword(user, values, session?.sessionId ?? null, new Date());
    revalidatePath("/account");
    return {
      message: `Password changed.${signedOut ? ` Signed out on ${signedOut} other ${signedOut === 1 ? "device" : "devices"}.` : ""}`,
    };
  } catch (error) {
    // Passwords are never sent back into the form.
    return toActionResult(error);
  }
}

export async function changeNameAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/account");
  const values = formValues(formData);
  try {
    await changeName(user, values);
  } catch (error) {
    return toActionResult(error, values);
  }
  revalidatePath("/", "layout");
  return { message: "Saved. This is the name your teachers see." };
}

/** Deletes the account (confirmed by typing its email) and everything of it, then signs out. */
export async function deleteAccountAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const user = await requireUser("/account");
  const values = formValues(formData);
  try {
    await deleteAccount(user, values);
  } catch (error) {
    return toActionResult(error, values);
  }
  await signOut({ redirectTo: "/sign-in?signedOut=deleted" });
  return {};
}
