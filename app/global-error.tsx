"use client";

import { FailureNotice } from "@/app/_components/failure-notice";
import "./globals.css";

// The root layout itself failed (its header reads the session from the database): the same notice,
// in a document of its own, since the layout that would hold it is what failed.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh antialiased">
        <main id="main" className="mx-auto w-full max-w-5xl px-4 pb-16 pt-6 sm:px-6">
          <FailureNotice reset={reset} />
        </main>
      </body>
    </html>
  );
}
