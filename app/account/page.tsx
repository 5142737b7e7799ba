import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { listSessions } from "@/lib/auth/sessions";
import { auth } from "@/lib/auth/auth";
import { signOutEverywhereAction } from "@/app/account/actions";
import { StudyDayForm } from "@/app/account/study-day-form";
import { DeleteAccountForm, NameForm, PasswordForm } from "@/app/account/account-forms";
import { accountDeletionPreview } from "@/lib/auth/account";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [session, sessions, deletion] = await Promise.all([
    auth(),
    listSessions(user.id, new Date()),
    accountDeletionPreview(user),
  ]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Account</h1>
      <section className="card space-y-3" aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <p className="break-all text-muted">{user.email}</p>
        <p className="text-muted">
          Role: <span className="font-medium text-ink">{user.role}</span> · Time zone: {user.timezone}
        </p>
        <NameForm name={user.name} />
      </section>
      <section className="card space-y-4" aria-labelledby="password-heading">
        <h2 id="password-heading" className="text-lg font-semibold">
          Password
        </h2>
        <PasswordForm email={user.email} />
      </section>
      <section className="card space-y-4" aria-labelledby="days-heading">
        <h2 id="days-heading" className="text-lg font-semibold">
          Your study days
        </h2>
        <StudyDayForm
          timeZone={user.timezone}
          dayStartHour={user.dayStartHour}
          timeZones={Intl.supportedValuesOf("timeZone")}
        />
      </section>
      <section className="card space-y-4" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Where you are signed in
        </h2>
        <ul className="divide-y divide-line">
          {sessions.map((s) => (
            <li key={s.id} className="flex justify-between gap-4 py-2 text-sm">
              <span>
                Signed in {formatDateTime(s.createdAt, user.timezone)}
                {s.id === session?.sessionId && (
                  <span className="ml-2 rounded bg-accent-soft px-1.5 text-accent">this browser</span>
                )}
              </span>
              <span className="text-muted">last seen {formatDateTime(s.lastSeenAt, user.timezone)}</span>
            </li>
          ))}
        </ul>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="btn-danger">
            Sign out everywhere
          </button>
        </form>
        <p className="text-sm text-muted">Ends every session, on every device, including this one.</p>
      </section>
      <section className="card space-y-3" aria-labelledby="data-heading">
        <h2 id="data-heading" className="text-lg font-semibold">
          Your data
        </h2>
        <p className="text-sm text-muted">
          A JSON file of your account, every review you have made and where each card stands for you.
        </p>
        {/* A route handler's file, not a page: a plain link with `download`, not next/link. */}
        <a href="/account/data" download className="btn-secondary inline-block">
          Download my data
        </a>
      </section>
      <section className="card space-y-3" aria-labelledby="delete-heading">
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete your account
        </h2>
        <p className="text-sm">
          Deletes your account, your reviews and your progress for good. This cannot be undone; download your data first
          if you want to keep it.
        </p>
        {deletion.classes.length > 0 && (
          <div className="rounded-lg border border-bad px-3 py-2 text-sm" data-testid="classes-deleted-with-account">
            <p className="font-medium">
              {deletion.classes.length === 1 ? "Your class is" : `Your ${deletion.classes.length} classes are`} deleted
              with your account, with their assignments; students keep their own reviews:
            </p>
            <ul className="mt-1 list-disc pl-5">
              {deletion.classes.map((c) => (
                <li key={c.id}>
                  {c.name} ({c.students} {c.students === 1 ? "student" : "students"})
                </li>
              ))}
            </ul>
          </div>
        )}
        {deletion.decks.length > 0 && (
          <p className="text-sm text-muted">
            Your private decks are deleted too; a public deck, or one another teacher&rsquo;s class assigns, stays for
            the students who study it.
          </p>
        )}
        <DeleteAccountForm email={user.email} />
      </section>
    </div>
  );
}
