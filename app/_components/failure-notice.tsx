"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";

/**
 * What a page shows when rendering failed on the server. In production the browser is not told why
 * (React hides server error messages), and the likeliest cause of a page that failed for everyone
 * is the database being briefly unreachable, so the advice is to wait a moment and try again.
 */
export function FailureNotice({ reset }: { reset: () => void }) {
  const router = useRouter();
  return (
    <div className="mx-auto max-w-md space-y-4 py-16 text-center" role="alert">
      <h1 className="text-xl font-semibold">Clio couldn’t load this page</h1>
      <p className="text-muted">
        Something went wrong on our side: most often Clio briefly cannot reach its database. Your reviews so far are
        saved. Wait a few seconds and try again.
      </p>
      <button
        type="button"
        className="btn-primary"
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
      >
        Try again
      </button>
    </div>
  );
}
