import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/require-user";
import { fetchProgress } from "@/lib/stats/progress";
import { BarChart, CalendarHeatmap, PercentLine, StackedBar } from "@/app/_components/charts";
import { unsuspendAction } from "@/app/progress/actions";
import { passageUrl } from "@/lib/content/links";
import { formatDayKey, formatPercent } from "@/lib/format";
import { studentModel } from "@/lib/models/student-model";
import { YourModel } from "./your-model";

export const metadata: Metadata = { title: "Progress" };

const shortDay = (day: string) => formatDayKey(day, { short: true });

export default async function ProgressPage() {
  const user = await requireUser("/progress");
  const [p, model] = await Promise.all([fetchProgress(user, new Date()), studentModel(user.id)]);
  const stat = (label: string, value: string | number, testId: string) => (
    <div className="card py-4" data-testid={testId}>
      <p className="text-sm text-muted">{label}</p>
      <p className="text-3xl font-bold tabular-nums">{value}</p>
    </div>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Your progress</h1>
      {user.role === "teacher" && (
        <p className="rounded-lg bg-accent-soft px-3 py-2 text-sm">
          These are your own study figures. Your students&apos; progress is on each assignment&apos;s dashboard, from{" "}
          <Link href="/classes" className="link">
            your classes
          </Link>
          .
        </p>
      )}
      {p.reviewsTotal === 0 && (
        <p className="card text-muted" data-testid="progress-empty">
          Nothing studied yet, so nothing is due: new cards are not counted as due until you first see them. Start with
          a deck from{" "}
          <Link href="/" className="link">
            your decks
          </Link>
          ; these figures fill in as you review.
        </p>
      )}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stat("Due today", p.dueToday, "due-today")}
        {stat("Due tomorrow", p.dueTomorrow, "due-tomorrow")}
        {stat("Reviews today", p.reviewsToday, "reviews-today")}
        {stat("All reviews", p.reviewsTotal, "reviews-total")}
        {stat("Day streak", p.streak, "streak")}
      </div>

      <section className="card space-y-3" aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading" className="font-semibold">
          Reviews per day, last year
        </h2>
        <CalendarHeatmap today={p.today} counts={p.reviewsByDay} label="Reviews per day" />
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <section className="card space-y-3" aria-labelledby="forecast-heading">
          <h2 id="forecast-heading" className="font-semibold">
            Cards due, next 30 days
          </h2>
          <BarChart
            data={p.forecast.map((f) => ({ key: f.day, label: shortDay(f.day), value: f.count }))}
            label="Cards due per day"
            unit="cards"
          />
        </section>
        <section className="card space-y-3" aria-labelledby="retention-heading">
          <h2 id="retention-heading" className="font-semibold">
            True retention by week
          </h2>
          <p className="text-sm text-muted">
            Share of due reviews you recalled (not “Again”). The dashed line is the 90% target.
          </p>
          <PercentLine
            points={p.retentionByWeek.map((w) => ({
              key: w.weekStart,
              label: shortDay(w.weekStart),
              value: w.retention,
            }))}
            label="True retention by week"
            target={0.9}
          />
        </section>
      </div>

      <YourModel model={model} timeZone={user.timezone} />

      <section className="card space-y-3" aria-labelledby="states-heading">
        <h2 id="states-heading" className="font-semibold">
          Cards by state
        </h2>
        <StackedBar
          label="Cards by state"
          parts={[
            { label: "New", value: p.cardsByState.new, className: "bg-line" },
            { label: "Learning", value: p.cardsByState.learning + p.cardsByState.relearning, className: "bg-warn" },
            { label: "Review", value: p.cardsByState.review, className: "bg-good" },
            { label: "Suspended", value: p.cardsByState.suspended, className: "bg-bad" },
          ]}
        />
      </section>

      {p.suspendedCards.length > 0 && (
        <section className="card space-y-3" aria-labelledby="suspended-heading" data-testid="suspended-cards">
          <h2 id="suspended-heading" className="font-semibold">
            Suspended cards
          </h2>
          <p className="text-sm text-muted">
            These cards were forgotten again and again, so they are no longer shown. Reread their passage, then bring
            them back.
          </p>
          <ul className="divide-y divide-line">
            {p.suspendedCards.map((c) => (
              <li key={c.cardId} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                <span className="min-w-0 flex-1">{c.prompt}</span>
                <span className="text-muted">{c.lapses} lapses</span>
                <Link href={passageUrl(c.deckSlug, c.externalId)} className="link">
                  Passage
                </Link>
                <form action={unsuspendAction}>
                  <input type="hidden" name="cardId" value={c.cardId} />
                  <button type="submit" className="btn-secondary py-1">
                    Bring back
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="decks-heading">
        <h2 id="decks-heading" className="mb-3 font-semibold">
          By deck
        </h2>
        {/* Focusable, so the keyboard can scroll it sideways on a narrow screen. */}
        <div className="relative overflow-x-auto" role="region" aria-labelledby="decks-heading" tabIndex={0}>
          <table className="w-full text-sm">
            <thead className="text-left text-muted">
              <tr>
                <th className="py-1 font-medium">Deck</th>
                <th className="py-1 text-right font-medium">Studied</th>
                <th className="py-1 text-right font-medium">Due today</th>
                <th className="py-1 text-right font-medium">Retention</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {p.decks.map((d) => (
                <tr key={d.slug}>
                  <td className="py-2">
                    <Link href={`/decks/${d.slug}`} className="link">
                      {d.title}
                    </Link>
                  </td>
                  <td className="py-2 text-right tabular-nums">
                    {d.studied} / {d.cards}
                  </td>
                  <td className="py-2 text-right tabular-nums">{d.dueToday}</td>
                  <td className="py-2 text-right tabular-nums">{formatPercent(d.retention)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
