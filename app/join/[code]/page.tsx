import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/app/_lib/require-user";
import { decodedOrNotFound, orNotFound } from "@/app/_lib/page-errors";
import { RateLimitedError } from "@/lib/errors";
import { previewJoin, TEACHERS_CANNOT_JOIN } from "@/lib/classes/classes";
import { formatJoinCode } from "@/lib/classes/join-code";
import { joinClassAction } from "@/app/join/actions";
import { ClassActionButton } from "@/app/_components/class-action-button";

export const metadata: Metadata = { title: "Join a class" };

type Props = { params: Promise<{ code: string }> };

/**
 * Where a join link leads. Opening it never joins (a GET must not change anything: link previews
 * and prefetching would join people): it shows the class and a Join button. An unknown, replaced
 * or malformed code answers 404 with what to do.
 */
export default async function JoinPage({ params }: Props) {
  const { code: raw } = await params;
  const code = decodedOrNotFound(raw);
  const user = await requireUser(`/join/${encodeURIComponent(code)}`);
  const preview = await orNotFound(previewJoin(user, code, new Date())).catch((error: unknown) => {
    if (error instanceof RateLimitedError) return error;
    throw error;
  });
  if (preview instanceof RateLimitedError)
    return (
      <div className="mx-auto max-w-md space-y-6 py-6">
        <h1 className="text-2xl font-bold">Join a class</h1>
        <p role="alert" className="card text-bad">
          {preview.message}
        </p>
      </div>
    );
  return (
    <div className="mx-auto max-w-md space-y-6 py-6">
      <h1 className="text-2xl font-bold">Join {preview.className}</h1>
      <div className="card space-y-4">
        <p>
          <span className="font-semibold">{preview.className}</span> · teacher {preview.teacherName} · code{" "}
          <span className="font-mono">{formatJoinCode(preview.code)}</span>
        </p>
        {preview.kind === "join" && (
          <>
            <p className="text-muted">
              Your teacher will see your name, email and progress on this class&apos;s assignments.
            </p>
            <ClassActionButton
              action={joinClassAction}
              fields={{ code: preview.code }}
              label="Join class"
              pendingLabel="Joining…"
              variant="primary"
            />
          </>
        )}
        {preview.kind === "member" && (
          <p role="status">
            You are already in this class.{" "}
            <Link href={`/classes/${preview.classId}`} className="link">
              Open it
            </Link>
            .
          </p>
        )}
        {preview.kind === "owner" && (
          <p role="status">
            This is your class: share this link with your students.{" "}
            <Link href={`/classes/${preview.classId}`} className="link">
              Open the class
            </Link>
            .
          </p>
        )}
        {preview.kind === "teacher" && (
          <p role="alert" className="text-bad">
            {TEACHERS_CANNOT_JOIN}
          </p>
        )}
      </div>
    </div>
  );
}
