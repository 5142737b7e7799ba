import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listDecksForUser } from "@/lib/content/decks";
import type { PublicUser } from "@/lib/auth/users";
import { NewDeckLink } from "@/app/_components/new-deck-link";
import { AssignmentsList } from "@/app/_components/assignments-list";
import { FirstDay } from "@/app/_components/first-day";
import { articleUrl } from "@/lib/content/links";

const NOTICES: Record<string, string> = {
  "teachers-only": "That page is for teachers. Your decks and classes are below.",
};

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; welcome?: string }>;
}) {
  const user = await getCurrentUser();
  const { error, welcome } = await searchParams;
  return user ? (
    <Home user={user} notice={error ? NOTICES[error] : undefined} welcome={welcome === "1"} />
  ) : (
    <Landing />
  );
}

async function Home({ user, notice, welcome }: { user: PublicUser; notice?: string; welcome: boolean }) {
  const decks = await listDecksForUser(user, new Date());
  return (
    <div className="space-y-6">
      {notice && (
        <p role="status" className="rounded-lg bg-accent-soft px-3 py-2 text-sm text-accent">
          {notice}
        </p>
      )}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Your decks</h1>
          <p className="text-muted">Hello, {user.name}. Pick a deck to read its article or study its cards.</p>
        </div>
        <NewDeckLink />
      </div>
      <FirstDay
        user={user}
        welcome={welcome}
        deckCount={decks.length}
        studiedAny={decks.some((d) => d.studiedCount > 0)}
        firstDeckSlug={decks[0]?.slug ?? null}
      />
      <AssignmentsList user={user} />
      {decks.length === 0 ? (
        <p className="card text-muted">No decks yet.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Decks">
          {decks.map((deck) => {
            const pct = deck.cardCount ? Math.round((deck.studiedCount / deck.cardCount) * 100) : 0;
            return (
              <li key={deck.slug} className="card flex flex-col gap-3" data-testid="deck-card">
                <div>
                  <h2 className="text-lg font-semibold leading-snug">
                    <Link href={`/decks/${deck.slug}`} className="hover:text-accent">
                      {deck.title}
                    </Link>
                  </h2>
                  <p className="text-sm text-muted">From “{deck.articleTitle}”</p>
                </div>
                {deck.description && <p className="text-sm">{deck.description}</p>}
                <div className="flex items-center gap-2">
                  <Link href={`/study/${deck.slug}`} className="btn-primary py-1.5">
                    {deck.dueCount > 0
                      ? `Study · ${deck.dueCount} due`
                      : deck.studiedCount < deck.cardCount
                        ? "Study new cards"
                        : "Study"}
                  </Link>
                  <Link href={articleUrl(deck.slug)} className="btn-secondary py-1.5">
                    Read
                  </Link>
                </div>
                <div className="mt-auto space-y-1">
                  <div className="flex justify-between text-xs text-muted">
                    <span>{deck.cardCount} cards</span>
                    <span>{deck.studiedCount} studied</span>
                  </div>
                  <div
                    className="h-1.5 rounded-full bg-line"
                    role="progressbar"
                    aria-label={`${deck.title}: cards studied`}
                    aria-valuemin={0}
                    aria-valuemax={deck.cardCount}
                    aria-valuenow={deck.studiedCount}
                  >
                    <div className="h-full rounded-full bg-accent" style={{ width: `${pct}%` }} />
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

const FEATURES = [
  {
    title: "Grounded in the article",
    body: "Every card cites the passage it comes from. Forget one, and Clio takes you back to that passage.",
  },
  {
    title: "Who argues what",
    body: "Viewpoint cards ask which party holds a position and what each side argues — not just names and dates.",
  },
  {
    title: "Reviews that adapt",
    body: "FSRS, the scheduler behind modern Anki, spaces each card to how well you recalled it, so you study less and remember more.",
  },
  {
    title: "Built for classes",
    body: "Teachers assign decks with due dates and see which students are on track and which cards the class keeps forgetting.",
  },
];

function Landing() {
  return (
    <div className="space-y-12 py-6">
      <section className="max-w-2xl space-y-4">
        <h1 className="font-serif text-4xl font-bold leading-tight sm:text-5xl">
          Understand an article. Remember what it argues.
        </h1>
        <p className="text-lg text-muted">
          Clio turns an article’s facts and arguments into question cards, each tied to its source passage, and
          schedules every student’s reviews with spaced repetition.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/sign-up" className="btn-primary px-5 py-2.5 text-base">
            Get started — it’s free
          </Link>
          <Link href="/sign-in" className="btn-secondary px-5 py-2.5 text-base">
            Sign in
          </Link>
        </div>
      </section>
      <section aria-label="What Clio does" className="grid gap-4 sm:grid-cols-2">
        {FEATURES.map((f) => (
          <div key={f.title} className="card">
            <h2 className="font-semibold">{f.title}</h2>
            <p className="mt-1 text-sm text-muted">{f.body}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
