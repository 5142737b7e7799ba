"use server";

import { signOut } from "@/lib/auth/auth";
import { requireUser } from "@/app/_lib/require-user";
import { revokeAllSessions } from "@/lib/auth/sessions";

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
