"use client";

import { FailureNotice } from "@/app/_components/failure-notice";

// A page that failed to render (a database outage, most often): a friendly page, not Next's default.
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <FailureNotice reset={reset} />;
}
