"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/app/_lib/require-user";
import { unsuspendCard } from "@/lib/study/review";
import { asFormData } from "@/app/_lib/action-result";

const UnsuspendSchema = z.object({ cardId: z.uuid() });

/** Server actions are public endpoints: the user is checked here, and the card must be theirs. */
export async function unsuspendAction(formData: FormData) {
  const user = await requireUser("/progress");
  formData = asFormData(formData);
  const parsed = UnsuspendSchema.safeParse({ cardId: formData.get("cardId") });
  if (parsed.success) await unsuspendCard(user, parsed.data.cardId);
  revalidatePath("/progress");
}
