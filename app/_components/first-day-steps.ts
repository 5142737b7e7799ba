// A new teacher's first day as a checklist, worked out from what they have: pure, so each step's
// "done" is tested against the data it claims to describe.

/** Set when the guide is hidden on this browser. */
export const ONBOARDING_COOKIE = "clio-welcome-dismissed";

export interface TeacherProgress {
  /** The teacher's classes, newest first. */
  classes: { id: string; studentCount: number; assignmentCount: number }[];
  /** Decks the teacher can assign (the demo deck counts: it is there to pick). */
  deckCount: number;
}

export interface FirstDayStep {
  label: string;
  hint: string;
  href: string;
  done: boolean;
}

/** The four steps: create a class, make or pick a deck, assign it, share the join link. */
export function teacherFirstDaySteps({ classes, deckCount }: TeacherProgress): FirstDayStep[] {
  const first = classes[0];
  const classHref = first ? `/classes/${first.id}` : "/classes";
  return [
    {
      label: "Create a class",
      hint: "Name it after the group you teach.",
      href: "/classes",
      done: classes.length > 0,
    },
    {
      label: "Make or pick a deck",
      hint: "Paste an article to draft cards, or use a deck already here.",
      href: "/decks/new",
      done: deckCount > 0,
    },
    {
      label: "Assign a deck to the class",
      hint: "Set a due date and the recall to aim for.",
      href: classHref,
      done: classes.some((c) => c.assignmentCount > 0),
    },
    {
      label: "Share the join link",
      hint: "Students open it, sign up and are in the class.",
      href: classHref,
      done: classes.some((c) => c.studentCount > 0),
    },
  ];
}
