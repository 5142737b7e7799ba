/**
 * Download links for a deck: an Anki package (with the signed-in user's own scheduling, so a student
 * leaves with their progress) and a CSV of the cards. Plain links to the export route: the browser
 * downloads (Content-Disposition), no script needed.
 */
export function ExportDeckLinks({ slug }: { slug: string }) {
  const base = `/api/decks/${encodeURIComponent(slug)}/export`;
  return (
    <section aria-labelledby="export-heading" className="space-y-2">
      <h2 id="export-heading" className="text-sm font-semibold">
        Export
      </h2>
      <div className="flex flex-wrap gap-3">
        <a href={`${base}?format=apkg`} className="btn-secondary" download>
          Anki package (.apkg)
        </a>
        <a href={`${base}?format=csv`} className="btn-secondary" download>
          CSV
        </a>
      </div>
      <p className="text-xs text-muted">The Anki package includes your own progress on these cards.</p>
    </section>
  );
}
