"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireTeacher } from "@/app/_lib/require-user";
import { toActionResult, type ActionResult } from "@/app/_lib/action-result";
import { MalformedError } from "@/lib/errors";
import { importDeckFile, previewDeckFile, type ImportPreview, type UploadedDeckFile } from "@/lib/interop/import-file";

export type ImportActionResult = ActionResult<"file" | "front" | "back" | "title"> & { preview?: ImportPreview };

const ImportFormSchema = z.object({
  front: z.string().trim().max(200, { error: "a column name is at most 200 characters" }).optional(),
  back: z.string().trim().max(200, { error: "a column name is at most 200 characters" }).optional(),
  title: z.string().trim().max(200, { error: "keep the title under 200 characters" }).optional(),
});

const NO_FILE = "Choose an Anki package (.apkg) or a CSV file to import.";

async function readForm(
  formData: FormData,
): Promise<{ fields: z.infer<typeof ImportFormSchema>; file: UploadedDeckFile }> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  const fields = ImportFormSchema.parse({ front: text("front"), back: text("back"), title: text("title") });
  const upload = formData.get("file");
  // A file input with nothing picked still sends an empty, nameless file.
  if (!(upload instanceof File) || upload.name === "") {
    throw new MalformedError(NO_FILE, "import_no_file", { fieldErrors: { file: [NO_FILE] } });
  }
  return { fields, file: { name: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) } };
}

/** Reads the file and answers what it would import and what it skips, writing nothing. */
export async function previewImportAction(_prev: ImportActionResult, formData: FormData): Promise<ImportActionResult> {
  const user = await requireTeacher("/decks/new");
  try {
    const { fields, file } = await readForm(formData);
    return { preview: await previewDeckFile(user, file, { front: fields.front, back: fields.back }) };
  } catch (error) {
    return toActionResult(error);
  }
}

/** Imports the file as a new deck of the teacher's (with any Anki history as their own) and opens it. */
export async function createImportAction(_prev: ImportActionResult, formData: FormData): Promise<ImportActionResult> {
  const user = await requireTeacher("/decks/new");
  let slug: string;
  try {
    const { fields, file } = await readForm(formData);
    ({ slug } = await importDeckFile(
      user,
      file,
      { columns: { front: fields.front, back: fields.back }, title: fields.title },
      new Date(),
    ));
  } catch (error) {
    return toActionResult(error);
  }
  redirect(`/decks/${slug}`);
}
