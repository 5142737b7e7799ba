"use client";

import "./globals.css";

/** The root layout itself failed: a page of its own, with its own <html>. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh antialiased">
        <main className="mx-auto max-w-md space-y-4 px-4 py-10 text-center">
          <h1 className="text-2xl font-bold">Clio could not load</h1>
          <p className="text-muted">
            Something went wrong on our side. Try again in a moment.
            {error.digest && <span className="block text-sm">Reference: {error.digest}</span>}
          </p>
          <button type="button" className="btn-primary" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
