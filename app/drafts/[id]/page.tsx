import type { Metadata } from "next";
import Link from "next/link";
import { requireTeacher } from "@/app/_lib/require-user";
import { loadDraft } from "@/lib/content/drafts";
import { CARD_TYPE_LABELS } from "@/lib/cards";
import { orNotFound } from "@/app/_lib/page-errors";
import { DraftEditor } from "./draft-editor";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Edit draft" };

export default async function DraftPage({ params }: Props) {
  const { id } = await params;
  const user = await requireTeacher(`/drafts/${id}`);
  const draft = await orNotFound(loadDraft(user, id));
  return (
    <div className="space-y-6">
      <p className="text-sm text-muted">
        <Link href="/" className="link">
          Decks
        </Link>{" "}
        /{" "}
        <Link href="/drafts" className="link">
          Drafts
        </Link>{" "}
        / {draft.title || "Untitled draft"}
      </p>
      <DraftEditor
        draft={{
          id: draft.id,
          title: draft.title,
          outlet: draft.outlet,
          sourceUrl: draft.sourceUrl,
          version: draft.version,
          cards: draft.cards,
          paragraphs: draft.paragraphs.map((p) => ({
            index: p.index,
            text: p.text,
            sentences: p.sentences.map((s) => s.text),
          })),
          published: draft.published ? { slug: draft.published.slug, at: draft.published.at.toISOString() } : null,
        }}
        typeLabels={CARD_TYPE_LABELS}
      />
    </div>
  );
}
