"use server";

import { redirect } from "next/navigation";
import { requireTeacher } from "@/app/_lib/require-user";
import { deleteDraft } from "@/lib/content/drafts";
import { NotFoundError } from "@/lib/errors";

/** Deletes one of the teacher's drafts (a deck published from it stays). */
export async function deleteDraftAction(draftId: string): Promise<void> {
  const user = await requireTeacher("/drafts");
  try {
    await deleteDraft(user, draftId);
  } catch (error) {
    // Already gone (another tab deleted it): the list is where the teacher wanted to be anyway.
    if (!(error instanceof NotFoundError)) throw error;
  }
  redirect("/drafts");
}
