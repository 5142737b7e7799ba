import type { Metadata } from "next";
import Link from "next/link";
import { requireTeacher } from "@/app/_lib/require-user";
import { listDrafts } from "@/lib/content/drafts";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Drafts" };

export default async function DraftsPage() {
  const user = await requireTeacher("/drafts");
  const drafts = await listDrafts(user);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Drafts</h1>
          <p className="text-muted">Decks in the making. Every change is saved as you make it.</p>
        </div>
        <Link href="/decks/new" className="btn-primary">
          New deck from an article
        </Link>
      </div>
      {drafts.length === 0 ? (
        <p className="card text-muted">No drafts yet. Paste an article to make your first deck.</p>
      ) : (
        <ul className="space-y-3" aria-label="Drafts">
          {drafts.map((draft) => (
            <li
              key={draft.id}
              className="card flex flex-wrap items-center justify-between gap-3"
              data-testid="draft-row"
            >
              <div>
                <h2 className="font-semibold">
                  <Link href={`/drafts/${draft.id}`} className="hover:text-accent">
                    {draft.title || "Untitled draft"}
                  </Link>
                </h2>
                <p className="text-sm text-muted">
                  {draft.cardCount} {draft.cardCount === 1 ? "card" : "cards"} kept
                  {draft.outlet ? ` · ${draft.outlet}` : ""} · edited {formatDateTime(draft.updatedAt, user.timezone)}
                </p>
              </div>
              <div className="flex items-center gap-2">
                {draft.publishedSlug && (
                  <Link
                    href={`/decks/${draft.publishedSlug}`}
                    className="rounded bg-accent-soft px-2 py-1 text-xs font-semibold text-accent"
                  >
                    Published
                  </Link>
                )}
                <Link href={`/drafts/${draft.id}`} className="btn-secondary py-1.5">
                  Edit
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
