"use server";

import { redirect } from "next/navigation";
import { requireTeacher } from "@/lib/auth/current-user";
import { DraftInputError, createDraft, type DraftField, type UploadedFile } from "@/lib/content/drafts";
import { HttpError } from "@/lib/http/errors";

export interface NewDeckState {
  fieldErrors?: Partial<Record<DraftField, string[]>>;
  formError?: string;
  values?: { title: string; outlet: string; sourceUrl: string; text: string };
}

/** Creates a draft from the pasted or uploaded article and opens it in the editor. */
export async function createDraftAction(_prev: NewDeckState, formData: FormData): Promise<NewDeckState> {
  const user = await requireTeacher("/decks/new");
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = { title: field("title"), outlet: field("outlet"), sourceUrl: field("sourceUrl"), text: field("text") };
  const upload = formData.get("file");
  // A file input with nothing picked still sends an empty, nameless file.
  const file: UploadedFile | null =
    upload instanceof File && upload.name !== "" ? { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } : null;

  let id: string;
  try {
    ({ id } = await createDraft(user, { ...values, file }));
  } catch (error) {
    if (error instanceof DraftInputError) return { fieldErrors: error.fieldErrors, values };
    if (error instanceof HttpError) return { formError: error.message, values };
    throw error;
  }
  redirect(`/drafts/${id}`);
}
