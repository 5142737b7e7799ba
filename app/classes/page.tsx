import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/require-user";
import { listClassesForUser } from "@/lib/classes/classes";
import { formatDate } from "@/lib/format";
import { CreateClassForm } from "@/app/classes/create-class-form";
import { JoinClassForm } from "@/app/classes/join-class-form";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser("/classes");
  const [classes, params] = await Promise.all([listClassesForUser(user), searchParams]);
  const teacher = user.role === "teacher";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Your classes</h1>
        <p className="text-muted">
          {teacher
            ? "Create a class, share its code with your students, and assign them decks."
            : "Join your teacher's class with the code they gave you. Its assignments appear on your home page."}
        </p>
      </div>
      {params.left && (
        <p role="status" className="rounded-lg bg-accent-soft px-3 py-2 text-sm text-accent">
          You left the class.
        </p>
      )}

      {classes.length === 0 ? (
        <p className="card text-muted">
          {teacher ? "No classes yet. Create your first one below." : "You are not in any class yet."}
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Classes">
          {classes.map((c) => (
            <li key={c.id} className="card space-y-1" data-testid="class-card">
              <h2 className="text-lg font-semibold">
                <Link href={`/classes/${c.id}`} className="hover:text-accent">
                  {c.name}
                </Link>
              </h2>
              <p className="text-sm text-muted">
                {teacher
                  ? `${c.studentCount} ${c.studentCount === 1 ? "student" : "students"} · ${c.assignmentCount} ${c.assignmentCount === 1 ? "assignment" : "assignments"} · created ${formatDate(c.createdAt, user.timezone)}`
                  : `Teacher: ${c.teacherName} · ${c.assignmentCount} ${c.assignmentCount === 1 ? "assignment" : "assignments"}`}
              </p>
            </li>
          ))}
        </ul>
      )}

      <section className="card max-w-xl space-y-3" aria-labelledby="class-form-heading">
        <h2 id="class-form-heading" className="text-lg font-semibold">
          {teacher ? "Create a class" : "Join a class"}
        </h2>
        {teacher ? <CreateClassForm /> : <JoinClassForm />}
      </section>
    </div>
  );
}
