import Link from "next/link";
import { cookies } from "next/headers";
import type { PublicUser } from "@/lib/auth/users";
import { listClassesForUser } from "@/lib/classes/classes";
import { ONBOARDING_COOKIE, teacherFirstDaySteps } from "@/app/_components/first-day-steps";
import { dismissOnboardingAction } from "@/app/_components/onboarding-actions";

function DismissButton() {
  return (
    <form action={dismissOnboardingAction}>
      <button type="submit" className="btn-secondary px-3 py-1">
        Hide this guide
      </button>
    </form>
  );
}

/**
 * The first screen's guide: for a teacher, the first-day checklist until every step is done; for a
 * student with nothing studied, join a class or try a deck. Dismissable; `welcome` after sign-up.
 */
export async function FirstDay({
  user,
  welcome,
  deckCount,
  studiedAny,
  firstDeckSlug,
}: {
  user: PublicUser;
  welcome: boolean;
  deckCount: number;
  studiedAny: boolean;
  firstDeckSlug: string | null;
}) {
  if ((await cookies()).get(ONBOARDING_COOKIE)) return null;
  const greeting = welcome ? `Welcome to Clio, ${user.name}.` : "Getting started";
  if (user.role === "teacher") {
    const classes = await listClassesForUser(user);
    const steps = teacherFirstDaySteps({
      classes: classes.map((c) => ({
        id: c.id,
        studentCount: c.studentCount ?? 0,
        assignmentCount: c.assignmentCount,
      })),
      deckCount,
    });
    if (steps.every((s) => s.done)) return null;
    const next = steps.find((s) => !s.done);
    return (
      <section className="card space-y-3" aria-labelledby="first-day-heading" data-testid="first-day">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h2 id="first-day-heading" className="text-lg font-semibold">
            {greeting} Your first day:
          </h2>
          <DismissButton />
        </div>
        <ol className="space-y-2">
          {steps.map((step, i) => (
            <li key={step.label} className="flex gap-3">
              <span
                aria-hidden
                className={`grid h-6 w-6 shrink-0 place-items-center rounded-full text-xs font-bold ${step.done ? "bg-good text-accent-ink" : "border border-line"}`}
              >
                {step.done ? "✓" : i + 1}
              </span>
              <div>
                <p>
                  {step === next ? (
                    <Link href={step.href} className="link font-semibold">
                      {step.label}
                    </Link>
                  ) : (
                    <span className={step.done ? "text-muted line-through" : ""}>{step.label}</span>
                  )}
                  <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
                </p>
                <p className="text-sm text-muted">{step.hint}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>
    );
  }
  if (studiedAny) return null;
  return (
    <section className="card space-y-3" aria-labelledby="first-day-heading" data-testid="first-day">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="first-day-heading" className="text-lg font-semibold">
          {greeting}
        </h2>
        <DismissButton />
      </div>
      <p>Two ways to start:</p>
      <div className="flex flex-wrap gap-2">
        <Link href="/classes" className="btn-primary">
          Join your teacher&apos;s class
        </Link>
        {firstDeckSlug && (
          <Link href={`/study/${firstDeckSlug}`} className="btn-secondary">
            Study the demo deck
          </Link>
        )}
      </div>
      <p className="text-sm text-muted">
        Each card comes from a sentence in an article; Clio brings it back just before you would forget it.
      </p>
    </section>
  );
}
