import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import { deckPageTitle, findPageDeck } from "@/app/_lib/page-deck";
import { CARD_TYPE_LABELS } from "@/lib/cards";
import { StudyLoader } from "@/app/study/[slug]/study-loader";
import { TeacherRetentionNote } from "@/app/_components/teacher-retention-note";
import { assignedRetention } from "@/lib/study/assigned-retention";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: await deckPageTitle((await params).slug, "Study") };
}

export default async function StudyPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/study/${slug}`);
  const deck = await findPageDeck(slug);
  if (!deck) notFound();
  const assigned = await assignedRetention(user.id, deck.id, new Date());
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm text-muted">
        <Link href={`/decks/${deck.slug}`} className="link">
          {deck.title}
        </Link>{" "}
        / Study
      </p>
      <TeacherRetentionNote assigned={assigned} timeZone={user.timezone} />
      <StudyLoader slug={deck.slug} userId={user.id} timeZone={user.timezone} typeLabels={CARD_TYPE_LABELS} />
    </div>
  );
}
