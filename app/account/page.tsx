import type { Metadata } from "next";
import { requireUser } from "@/app/_lib/require-user";
import { listSessions } from "@/lib/auth/sessions";
import { auth } from "@/lib/auth/auth";
import { signOutEverywhereAction } from "@/app/account/actions";
import { StudyDayForm } from "@/app/account/study-day-form";

export const metadata: Metadata = { title: "Account" };

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [session, sessions] = await Promise.all([auth(), listSessions(user.id, new Date())]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Account</h1>
      <section className="card space-y-1" aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <p>{user.name}</p>
        <p className="text-muted">{user.email}</p>
        <p className="text-muted">
          Role: <span className="font-medium text-ink">{user.role}</span> · Time zone: {user.timezone}
        </p>
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
                Signed in {dateTime.format(s.createdAt)}
                {s.id === session?.sessionId && (
                  <span className="ml-2 rounded bg-accent-soft px-1.5 text-accent">this browser</span>
                )}
              </span>
              <span className="text-muted">last seen {dateTime.format(s.lastSeenAt)}</span>
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
    </div>
  );
}
