import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireTeacher } from "@/lib/auth/current-user";
import { loadDraft } from "@/lib/content/drafts";
import { CARD_TYPE_LABELS } from "@/lib/cards";
import { HttpError } from "@/lib/http/errors";
import { DraftEditor } from "./draft-editor";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Edit draft" };

export default async function DraftPage({ params }: Props) {
  const { id } = await params;
  const user = await requireTeacher(`/drafts/${id}`);
  const draft = await loadDraft(user, id).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      <p className="text-sm text-muted">
        <Link href="/" className="link">Decks</Link> / <Link href="/drafts" className="link">Drafts</Link> / {draft.title || "Untitled draft"}
      </p>
      <DraftEditor
        draft={{
          id: draft.id,
          title: draft.title,
          outlet: draft.outlet,
          sourceUrl: draft.sourceUrl,
          version: draft.version,
          cards: draft.cards,
          paragraphs: draft.paragraphs.map((p) => ({ index: p.index, text: p.text, sentences: p.sentences.map((s) => s.text) })),
          published: draft.published ? { slug: draft.published.slug, at: draft.published.at.toISOString() } : null,
        }}
        typeLabels={CARD_TYPE_LABELS}
      />
    </div>
  );
}
