"use client";

import Link from "next/link";
import { useEffect } from "react";

/** A page that failed to render: say so plainly, offer a retry and a way home. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-md space-y-4 py-10 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-muted">
        This page could not be shown. Your reviews are saved as you make them, so nothing is lost.
        {error.digest && <span className="block text-sm">Reference: {error.digest}</span>}
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        <button type="button" className="btn-primary" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="btn-secondary">
          Go to your decks
        </Link>
      </div>
    </div>
  );
}
