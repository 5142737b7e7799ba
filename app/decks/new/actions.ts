"use server";

import { redirect } from "next/navigation";
import { requireTeacher } from "@/app/_lib/require-user";
import { createDraft, type DraftField, type UploadedFile } from "@/lib/content/drafts";
import { asFormData, toActionResult, type ActionResult } from "@/app/_lib/action-result";

export type NewDeckResult = ActionResult<DraftField>;

/** Creates a draft from the pasted or uploaded article and opens it in the editor. */
export async function createDraftAction(_prev: NewDeckResult, formData: FormData): Promise<NewDeckResult> {
  const user = await requireTeacher("/decks/new");
  formData = asFormData(formData);
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = { title: field("title"), outlet: field("outlet"), sourceUrl: field("sourceUrl"), text: field("text") };
  const upload = formData.get("file");
  // A file input with nothing picked still sends an empty, nameless file.
  const file: UploadedFile | null =
    upload instanceof File && upload.name !== ""
      ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) }
      : null;

  let id: string;
  try {
    ({ id } = await createDraft(user, { ...values, file }));
  } catch (error) {
    return toActionResult(error, values);
  }
  redirect(`/drafts/${id}`);
}
