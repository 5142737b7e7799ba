/** Shown while a page's data loads (the first request after a fresh start also prepares the database). */
export default function Loading() {
  return (
    <div role="status" className="flex items-center gap-3 py-10 text-muted">
      <span aria-hidden className="h-4 w-4 animate-spin rounded-full border-2 border-line border-t-accent" />
      Loading…
    </div>
  );
}
