import type { Metadata } from "next";
import Link from "next/link";
import { requireTeacher } from "@/app/_lib/require-user";
import { MAX_UPLOAD_BYTES, UPLOAD_EXTENSIONS } from "@/lib/content/drafts";
import { MAX_ARTICLE_CHARS } from "@/lib/generate";
import { NewDeckForm } from "./new-deck-form";
import { ImportDeckForm } from "./import-deck-form";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/validation/limits";

export const metadata: Metadata = { title: "New deck from an article" };

export default async function NewDeckPage() {
  await requireTeacher("/decks/new");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="space-y-2">
        <p className="text-sm text-muted">
          <Link href="/" className="link">
            Decks
          </Link>{" "}
          /{" "}
          <Link href="/drafts" className="link">
            Drafts
          </Link>{" "}
          / New
        </p>
        <h1 className="text-2xl font-bold">New deck from an article</h1>
        <p className="text-muted">
          Paste an article or upload it, and Clio drafts question cards from it, each quoting the sentence it comes
          from. You review them next: edit, discard or add cards, then publish the deck for your classes.
        </p>
      </div>
      <NewDeckForm maxChars={MAX_ARTICLE_CHARS} maxBytes={MAX_UPLOAD_BYTES} extensions={[...UPLOAD_EXTENSIONS]} />
      {/* The form posts through a server action, so its body limit is the web's file limit (the CLI takes up to 20 MB). */}
      <ImportDeckForm maxMegabytes={SERVER_ACTION_BODY_LIMIT_BYTES / 1024 / 1024} />
    </div>
  );
}
