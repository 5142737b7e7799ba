"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/app/_lib/require-user";
import { formValues, toActionResult, type ActionResult } from "@/app/_lib/action-result";
import { updateDeckSettings } from "@/lib/content/deck-settings";

/** Saves the settings form of deck `slug` (bound by the form); only the deck's owner may (lib/content/deck-settings.ts). */
export async function updateDeckSettingsAction(
  slug: string,
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const user = await requireUser(`/decks/${slug}`);
  const values = formValues(formData);
  try {
    await updateDeckSettings(user, slug, values);
  } catch (error) {
    return toActionResult(error, values);
  }
  revalidatePath(`/decks/${slug}`);
  return { message: "Saved. Your students' next reviews of this deck follow these settings." };
}
