import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";

/** For teachers: start a deck from an article, or go back to the drafts in progress. Nothing for students. */
export async function NewDeckLink() {
  const user = await getCurrentUser();
  if (user?.role !== "teacher") return null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Link href="/decks/new" className="btn-primary" data-testid="new-deck-link">
        New deck from an article
      </Link>
      <Link href="/drafts" className="link text-sm">
        Your drafts
      </Link>
    </div>
  );
}
