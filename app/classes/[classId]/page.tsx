import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { notFound } from "next/navigation";
import { requireUser } from "@/app/_lib/require-user";
import type { PublicUser } from "@/lib/auth/users";
import { listAssignableDecks, listStudentAssignments } from "@/lib/classes/assignments";
import { getClassView, type StudentClassView, type TeacherClassView } from "@/lib/classes/classes";
import { localDateKey } from "@/lib/srs";
import { formatDate, formatDateTime, formatDaysFrom, formatPercent } from "@/lib/format";
import { formatJoinCode } from "@/lib/classes/join-code";
import { TARGET_PERCENT } from "@/lib/classes/schemas";
import { leaveClassAction, regenerateJoinCodeAction, removeStudentAction } from "@/app/classes/actions";
import { CreateAssignmentForm } from "@/app/classes/[classId]/create-assignment-form";
import { ClassActionButton } from "@/app/_components/class-action-button";
import { ClassCopyButton } from "@/app/_components/class-copy-button";
import { ClassStatusBadge } from "@/app/_components/class-status-badge";
import { classFitStatus } from "@/lib/classes/fits";
import { classCalibration } from "@/lib/models/calibration";
import { ClassModelSection } from "./class-model-section";

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | undefined>> };

// One lookup per request, shared by the page and its title (getCurrentUser is cached: the same user).
const findClassView = cache(async (classId: string) => {
  const user = await getCurrentUser();
  return user ? getClassView(user, classId) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await findClassView((await params).classId);
  return { title: view?.name ?? "Class" };
}

export default async function ClassPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const user = await requireUser(`/classes/${classId}`);
  const view = await findClassView(classId);
  if (!view) notFound();
  const notice = await searchParams;
  return view.kind === "teacher" ? (
    <TeacherView user={user} view={view} />
  ) : (
    <StudentView user={user} view={view} notice={notice} />
  );
}

function Breadcrumb({ name }: { name: string }) {
  return (
    <p className="text-sm text-muted">
      <Link href="/classes" className="link">
        Classes
      </Link>{" "}
      / {name}
    </p>
  );
}

async function joinLink(code: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto =
    h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}/join/${formatJoinCode(code)}`;
}

async function TeacherView({ user, view }: { user: PublicUser; view: TeacherClassView }) {
  const now = new Date();
  const [link, decks, fitStatus, calibration] = await Promise.all([
    joinLink(view.joinCode),
    listAssignableDecks(user),
    classFitStatus(user, view.id),
    classCalibration(user, view.id, now),
  ]);
  const assignedDeckSlugs = new Set(view.assignments.map((a) => a.deckSlug));
  const inTenDays = new Date(now.getTime() + 10 * 86_400_000);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Breadcrumb name={view.name} />
        <h1 className="text-2xl font-bold">{view.name}</h1>
        <p className="text-muted">
          {view.roster.length} {view.roster.length === 1 ? "student" : "students"}
        </p>
      </div>

      <section className="card space-y-3" aria-labelledby="code-heading">
        <h2 id="code-heading" className="text-lg font-semibold">
          Students join with this code
        </h2>
        <p className="font-mono text-2xl font-bold tracking-widest sm:text-3xl" data-testid="join-code">
          {formatJoinCode(view.joinCode)}
        </p>
        <div className="space-y-1">
          <label htmlFor="join-link" className="field-label">
            …or this link
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id="join-link"
              readOnly
              value={link}
              className="field-input min-w-0 flex-1 font-mono text-sm sm:max-w-md"
            />
            <ClassCopyButton text={link} label="Copy link" />
          </div>
        </div>
        <p className="text-sm text-muted">
          Issued {formatDateTime(view.joinCodeIssuedAt, user.timezone)}. A new code stops the old code and link from
          working; students already in the class stay.
        </p>
        <ClassActionButton
          action={regenerateJoinCodeAction}
          fields={{ classId: view.id }}
          label="New code"
          pendingLabel="Replacing…"
          confirm="Replace the code? The old code and link stop working."
        />
      </section>

      <section className="card space-y-4" aria-labelledby="assignments-heading">
        <h2 id="assignments-heading" className="text-lg font-semibold">
          Assignments
        </h2>
        {view.assignments.length === 0 ? (
          <p className="text-muted">No assignments yet. Assign a deck below.</p>
        ) : (
          // A list, not a table: on a phone each assignment stacks, its dashboard link and target in view.
          <ul className="divide-y divide-line" aria-label={`Assignments of ${view.name}`}>
            {view.assignments.map((a) => (
              <li
                key={a.id}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3 text-sm"
                data-testid="assignment-row"
              >
                <div className="min-w-0 space-y-0.5">
                  <p className="font-medium">{a.deckTitle}</p>
                  <p>
                    <span className="text-muted">Due</span> {formatDateTime(a.dueAt, user.timezone)}{" "}
                    <span className="text-muted">({formatDaysFrom(a.dueAt, now, user.timezone)})</span>
                  </p>
                  <p>
                    <span className="text-muted">Target</span> {formatPercent(a.targetRecall)}
                    {a.requireAllStudied ? ", every card" : ""}
                  </p>
                </div>
                <Link href={`/classes/${view.id}/assignments/${a.id}`} className="link whitespace-nowrap">
                  Dashboard →
                </Link>
              </li>
            ))}
          </ul>
        )}
        <h3 className="pt-2 font-semibold">Assign a deck</h3>
        <CreateAssignmentForm
          classId={view.id}
          decks={decks.map((d) => ({
            id: d.id,
            title: d.title,
            cardCount: d.cardCount,
            assigned: assignedDeckSlugs.has(d.slug),
          }))}
          defaultDueDate={localDateKey(inTenDays, user.timezone)}
          minDueDate={localDateKey(now, user.timezone)}
          timeZone={user.timezone}
          defaultTarget={TARGET_PERCENT.default}
        />
      </section>

      <ClassModelSection classId={view.id} status={fitStatus} calibration={calibration} timeZone={user.timezone} />

      <section className="card space-y-3" aria-labelledby="roster-heading">
        <h2 id="roster-heading" className="text-lg font-semibold">
          Students
        </h2>
        {view.roster.length === 0 ? (
          <p className="text-muted">No students yet. Share the code or link above.</p>
        ) : (
          <ul className="divide-y divide-line" aria-label={`Students in ${view.name}`}>
            {view.roster.map((s) => (
              <li key={s.userId} className="flex items-center gap-3 py-2 text-sm" data-testid="roster-row">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{s.name}</p>
                  {/* Whole words on a line; only an address longer than the line breaks, anywhere. */}
                  <p className="text-muted [overflow-wrap:anywhere]">{s.email}</p>
                  <p className="text-muted">Joined {formatDate(s.joinedAt, user.timezone)}</p>
                </div>
                <ClassActionButton
                  action={removeStudentAction}
                  fields={{ classId: view.id, studentId: s.userId }}
                  label="Remove"
                  pendingLabel="Removing…"
                  confirm={`Remove ${s.name}?`}
                  variant="quiet"
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

const NOTICES: Record<string, string> = {
  joined: "You joined the class. Its assignments are below and on your home page.",
  already: "You are already in this class.",
};

async function StudentView({
  user,
  view,
  notice,
}: {
  user: PublicUser;
  view: StudentClassView;
  notice: Record<string, string | undefined>;
}) {
  const now = new Date();
  const assignments = await listStudentAssignments(user, now, { classId: view.id });
  const message = notice.joined ? NOTICES.joined : notice.already ? NOTICES.already : undefined;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Breadcrumb name={view.name} />
        <h1 className="text-2xl font-bold">{view.name}</h1>
        <p className="text-muted">
          Teacher: {view.teacherName} · joined {formatDate(view.joinedAt, user.timezone)}
        </p>
      </div>
      {message && (
        <p role="status" className="rounded-lg bg-accent-soft px-3 py-2 text-sm text-accent">
          {message}
        </p>
      )}
      <section className="card space-y-3" aria-labelledby="my-assignments-heading">
        <h2 id="my-assignments-heading" className="text-lg font-semibold">
          Your assignments
        </h2>
        {assignments.length === 0 ? (
          <p className="text-muted">Nothing assigned yet.</p>
        ) : (
          <ul className="divide-y divide-line">
            {assignments.map((a) => (
              <li
                key={a.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
                data-testid="student-assignment"
              >
                <div className="space-y-1">
                  <p className="font-medium">{a.deck.title}</p>
                  <p className="text-sm text-muted">
                    Due {formatDateTime(a.dueAt, user.timezone)} ({formatDaysFrom(a.dueAt, now, user.timezone)}) ·{" "}
                    {a.studied} of {a.cardCount} cards studied · predicted recall {formatPercent(a.predictedRecall)}{" "}
                    (target {formatPercent(a.targetRecall)})
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <ClassStatusBadge status={a.status} />
                  <Link href={`/study/${a.deck.slug}`} className="btn-primary py-1.5">
                    Study
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="space-y-2" aria-labelledby="leave-heading">
        <h2 id="leave-heading" className="sr-only">
          Leave the class
        </h2>
        <ClassActionButton
          action={leaveClassAction}
          fields={{ classId: view.id }}
          label="Leave class"
          pendingLabel="Leaving…"
          confirm={`Leave ${view.name}? Your reviews stay yours; decks you had only through this class leave your list.`}
          variant="danger"
        />
      </section>
    </div>
  );
}
