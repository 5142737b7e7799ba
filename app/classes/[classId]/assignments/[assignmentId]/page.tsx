import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/require-user";
import { orNotFound } from "@/app/_lib/page-errors";
import { computeAssignmentDashboard, type DashboardCard } from "@/lib/classes/dashboard";
import { formatDate, formatDateTime, formatDaysFrom, formatPercent } from "@/lib/format";
import { ASSIGNMENT_STATUSES, STATUS_DESCRIPTIONS, STATUS_LABELS } from "@/lib/classes/status";
import { deleteAssignmentAction } from "@/app/classes/actions";
import { ClassActionButton } from "@/app/_components/class-action-button";
import { ClassStatusBadge } from "@/app/_components/class-status-badge";
import { computeAssignmentPlan, type AssignmentPlan } from "@/lib/classes/plan";
import { RetentionPlanChart } from "@/app/_components/plan-chart";
import { ApplyRetentionForm } from "./apply-retention-form";

type Props = { params: Promise<{ classId: string; assignmentId: string }> };

export const metadata: Metadata = { title: "Assignment dashboard" };

export default async function AssignmentDashboardPage({ params }: Props) {
  const { classId, assignmentId } = await params;
  const user = await requireUser(`/classes/${classId}/assignments/${assignmentId}`);
  // 404 for anything not yours to see, the class's students included; the CSV route says 403.
  const now = new Date();
  const d = await orNotFound(computeAssignmentDashboard(user, { classId, assignmentId }, now));
  const plan = d.pastDue ? null : await computeAssignmentPlan(user, { classId, assignmentId }, now);
  const tz = user.timezone;
  const recallHeading = d.pastDue ? "Recall today" : "Predicted recall on the due date";
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-muted">
          <Link href="/classes" className="link">
            Classes
          </Link>{" "}
          /{" "}
          <Link href={`/classes/${d.classId}`} className="link">
            {d.className}
          </Link>{" "}
          / {d.deck.title}
        </p>
        <h1 className="text-2xl font-bold">{d.deck.title}</h1>
        <p className="text-muted">
          Due {formatDateTime(d.assignment.dueAt, tz)} ({formatDaysFrom(d.assignment.dueAt, d.now, tz)}) · target{" "}
          {formatPercent(d.assignment.targetRecall)} recall
          {d.assignment.requireAllStudied ? " and every card studied" : ""} · {d.deck.cardCount} cards
        </p>
      </div>

      <section className="grid gap-4 sm:grid-cols-3" aria-label="Summary">
        <div className="card">
          <h2 className="text-sm font-medium text-muted">
            {d.pastDue ? "Class recall today" : "Class predicted recall on the due date"}
          </h2>
          <p
            className={`text-4xl font-bold tabular-nums ${d.classRecall !== null && d.classRecall >= d.assignment.targetRecall ? "text-good" : "text-warn"}`}
            data-testid="class-recall"
          >
            {formatPercent(d.classRecall)}
          </p>
          <p className="text-sm text-muted">
            target {formatPercent(d.assignment.targetRecall)}; unstudied cards count as forgotten
          </p>
        </div>
        <div className="card sm:col-span-2">
          <h2 className="text-sm font-medium text-muted">Students by status</h2>
          <ul className="mt-2 flex flex-wrap gap-3" data-testid="status-counts">
            {ASSIGNMENT_STATUSES.map((s) => (
              <li key={s} className="flex items-center gap-2">
                <ClassStatusBadge status={s} /> <span className="font-semibold tabular-nums">{d.statusCounts[s]}</span>
              </li>
            ))}
          </ul>
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer text-muted">What the statuses mean</summary>
            <dl className="mt-2 space-y-1">
              {ASSIGNMENT_STATUSES.map((s) => (
                <div key={s}>
                  <dt className="inline font-semibold">{STATUS_LABELS[s]}: </dt>
                  <dd className="inline text-muted">{STATUS_DESCRIPTIONS[s]}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
      </section>

      {plan && <PlanSection plan={plan} classId={d.classId} assignmentId={d.assignment.id} timeZone={tz} />}

      <section className="card space-y-3" aria-labelledby="students-heading">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="students-heading" className="text-lg font-semibold">
            Students
          </h2>
          <a
            href={`/api/classes/${d.classId}/assignments/${d.assignment.id}/students.csv`}
            className="btn-secondary py-1.5"
            download
          >
            Download CSV
          </a>
        </div>
        {d.students.length === 0 ? (
          <p className="text-muted">No students in this class yet.</p>
        ) : (
          // relative: the sr-only caption stays inside the scroll box instead of widening the page.
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Students, scrolls sideways">
            <table className="w-full text-left text-sm" data-testid="students-table">
              <caption className="sr-only">Each student&apos;s progress on {d.deck.title}</caption>
              <thead className="border-b border-line text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Student
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    Cards started
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    Reviews
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    Accuracy
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Last active
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    {recallHeading}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {d.students.map((s) => (
                  <tr key={s.userId} data-testid="student-row" data-student={s.email}>
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {s.name}
                      <span className="hidden text-xs font-normal text-muted sm:block">{s.email}</span>
                    </th>
                    <td className="py-2 pr-4">
                      <ClassStatusBadge status={s.status} />
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums" data-col="cards-started">
                      {s.cardsStarted} / {d.deck.cardCount}
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums" data-col="reviews">
                      {s.reviews}
                    </td>
                    <td className="py-2 pr-4 text-right tabular-nums" data-col="accuracy">
                      {formatPercent(s.accuracy)}
                    </td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      {s.lastActiveAt ? formatDaysFrom(s.lastActiveAt, d.now, tz) : "never"}
                    </td>
                    <td className="py-2 text-right tabular-nums" data-col="predicted-recall">
                      {formatPercent(s.predictedRecall)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="text-sm text-muted">
          Accuracy: share of reviews answered right (checked answers that were correct, self-graded cards not rated
          “Again”). Predicted recall: FSRS&apos;s chance of remembering each card on the due date, averaged over the
          whole deck.
        </p>
      </section>

      <section className="card space-y-3" aria-labelledby="cards-heading">
        <h2 id="cards-heading" className="text-lg font-semibold">
          Cards, hardest first
        </h2>
        <p className="text-sm text-muted">
          Ranked by class accuracy, then by how many students lapsed the card (forgot it after learning it). Cards
          nobody has reviewed come last.
        </p>
        <CardList cards={d.cards.slice(0, HARDEST_SHOWN)} start={1} studentCount={d.students.length} />
        {d.cards.length > HARDEST_SHOWN && (
          <details>
            <summary className="cursor-pointer py-2 font-medium text-accent">
              Show the other {d.cards.length - HARDEST_SHOWN} cards
            </summary>
            <CardList cards={d.cards.slice(HARDEST_SHOWN)} start={HARDEST_SHOWN + 1} studentCount={d.students.length} />
          </details>
        )}
      </section>

      <section aria-labelledby="delete-heading" className="space-y-2">
        <h2 id="delete-heading" className="sr-only">
          Delete the assignment
        </h2>
        <ClassActionButton
          action={deleteAssignmentAction}
          fields={{ classId: d.classId, assignmentId: d.assignment.id }}
          label="Delete assignment"
          pendingLabel="Deleting…"
          confirm="Delete this assignment? Students keep their reviews."
          variant="danger"
        />
      </section>
    </div>
  );
}

const HARDEST_SHOWN = 10;

function CardList({ cards, start, studentCount }: { cards: DashboardCard[]; start: number; studentCount: number }) {
  return (
    <ol className="divide-y divide-line" data-testid="cards-list" start={start}>
      {cards.map((c, i) => (
        <li key={c.cardId} className="space-y-2 py-3" data-testid="card-row" data-card={c.externalId}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="font-medium">
              <span className="text-muted">{start + i}.</span> {c.prompt}
            </p>
            <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              <div>
                <dt className="inline text-muted">Accuracy </dt>
                <dd className="inline font-semibold tabular-nums">{formatPercent(c.accuracy)}</dd>
              </div>
              <div>
                <dt className="inline text-muted">Lapsed by </dt>
                <dd className="inline font-semibold tabular-nums">
                  {c.lapsedBy} of {studentCount}
                </dd>
              </div>
              <div>
                <dt className="inline text-muted">Predicted recall </dt>
                <dd className="inline font-semibold tabular-nums">{formatPercent(c.predictedRecall)}</dd>
              </div>
            </dl>
          </div>
          <p className="text-sm">
            <span className="text-muted">Answer:</span> {c.answer}
          </p>
          <blockquote className="border-l-4 border-line pl-3 font-serif text-sm text-muted">“{c.quote}”</blockquote>
          <Link href={c.readerUrl} className="link text-sm">
            Read the passage in the article →
          </Link>
        </li>
      ))}
    </ol>
  );
}

const minutesText = (m: number) => (m < 10 ? m.toFixed(1) : Math.round(m).toString());

/** Plan to the due date (issue 11): what each desired retention costs and leaves, and applying one. */
function PlanSection({
  plan,
  classId,
  assignmentId,
  timeZone,
}: {
  plan: AssignmentPlan;
  classId: string;
  assignmentId: string;
  timeZone: string;
}) {
  const rec = plan.recommended;
  const due = formatDate(plan.dueAt, timeZone);
  const selected = plan.applied ?? rec?.retention ?? null;
  return (
    <section className="card space-y-3" aria-labelledby="plan-heading" data-testid="plan">
      <h2 id="plan-heading" className="text-lg font-semibold">
        Plan to the due date
      </h2>
      <p data-testid="plan-recommendation">
        {rec ? (
          <>
            Recommended: <strong>{formatPercent(rec.retention)} desired retention</strong>, about{" "}
            {minutesText(rec.minutesPerDay)} minutes a day per student for a predicted {formatPercent(rec.recallAtDue)}{" "}
            recall on {due} (target {formatPercent(plan.targetRecall)}).
          </>
        ) : (
          <>
            No desired retention up to {formatPercent(plan.points.at(-1)?.retention ?? 0.95)} reaches{" "}
            {formatPercent(plan.targetRecall)} recall by {due}: the highest gives{" "}
            {formatPercent(plan.points.at(-1)?.recallAtDue ?? 0)}. A later due date or a lower target would.
          </>
        )}
      </p>
      <RetentionPlanChart
        points={plan.points}
        target={plan.targetRecall}
        recommended={rec?.retention ?? null}
        applied={plan.applied}
      />
      <details className="text-sm">
        <summary className="cursor-pointer text-muted">The figures, and how they are simulated</summary>
        <table className="mt-2 w-full text-left tabular-nums" data-testid="plan-table">
          <caption className="sr-only">
            Minutes per day and predicted recall on the due date, by desired retention
          </caption>
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Retention
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                Min/day
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Recall on {due}
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.points.map((p) => (
              <tr key={p.retention}>
                <th scope="row" className="py-1 pr-3 font-normal">
                  {formatPercent(p.retention)}
                </th>
                <td className="py-1 pr-3 text-right">{minutesText(p.minutesPerDay)}</td>
                <td className="py-1 text-right">{formatPercent(p.recallAtDue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-muted">
          Simulated for{" "}
          {plan.students === 0
            ? "one student new to every card"
            : `the class's ${plan.students} students, from where each stands`}
          , studying once a day until the due date, with{" "}
          {plan.model === "class" ? "the memory model fitted to the class's reviews" : "FSRS's default memory model"}{" "}
          and{" "}
          {plan.timedReviews > 0
            ? `${plan.secondsPerReview} s a review (the median answer time of the class's last ${plan.timedReviews} timed answers on this deck)`
            : `${plan.secondsPerReview} s a review (a typical figure: the class has few timed answers on this deck yet)`}
          . Recall counts cards not yet studied as forgotten.
        </p>
      </details>
      <p className="text-sm" data-testid="plan-applied">
        {plan.applied === null
          ? `Students study this deck at its own desired retention (${formatPercent(plan.deckRetention)}).`
          : `Applied: students study this deck at ${formatPercent(plan.applied)} desired retention until the due date, and see why on their study page.`}
      </p>
      <ApplyRetentionForm
        classId={classId}
        assignmentId={assignmentId}
        deckRetention={plan.deckRetention}
        selected={selected === null ? null : Math.round(selected * 100)}
        options={[
          ...plan.points.map((p) => ({
            percent: Math.round(p.retention * 100),
            label: `${formatPercent(p.retention)} · ${minutesText(p.minutesPerDay)} min/day · ${formatPercent(p.recallAtDue)} recall${rec && p.retention === rec.retention ? " (recommended)" : ""}`,
          })),
          // A retention applied earlier that the plan does not simulate stays selectable.
          ...(plan.applied !== null && !plan.points.some((p) => Math.abs(p.retention - plan.applied!) < 1e-9)
            ? [{ percent: Math.round(plan.applied * 100), label: `${formatPercent(plan.applied)} (applied)` }]
            : []),
        ]}
      />
    </section>
  );
}
