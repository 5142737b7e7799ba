"use server";

import { redirect } from "next/navigation";
import { requireTeacher } from "@/lib/auth/current-user";
import { deleteDraft } from "@/lib/content/drafts";
import { HttpError } from "@/lib/http/errors";

/** Deletes one of the teacher's drafts (a deck published from it stays). */
export async function deleteDraftAction(draftId: string): Promise<void> {
  const user = await requireTeacher("/drafts");
  try {
    await deleteDraft(user, draftId);
  } catch (error) {
    // Already gone (another tab deleted it): the list is where the teacher wanted to be anyway.
    if (!(error instanceof HttpError && error.status === 404)) throw error;
  }
  redirect("/drafts");
}
