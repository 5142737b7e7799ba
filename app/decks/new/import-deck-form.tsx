"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { createImportAction, previewImportAction, type ImportActionResult } from "./import-actions";

type Props = { maxMegabytes: number };

/**
 * Import a deck from an Anki package or a CSV file: "Preview" reads the file and shows what it
 * gives and what it skips (nothing is written), "Create deck" imports it. Both send the chosen file.
 */
export function ImportDeckForm({ maxMegabytes }: Props) {
  const [preview, previewAction, previewing] = useActionState<ImportActionResult, FormData>(previewImportAction, {});
  const [created, createAction, creating] = useActionState<ImportActionResult, FormData>(createImportAction, {});
  const pending = previewing || creating;
  const result = created.error || created.fieldErrors ? created : preview;
  const fileError = result.fieldErrors?.file?.[0];
  const summary = preview.preview;

  // Submitted by hand, not through <form action>: React resets a form after its action runs, which
  // would empty the file input between "Preview" and "Create deck".
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget);
    startTransition(() => (submitter?.dataset.intent === "create" ? createAction(data) : previewAction(data)));
  }

  return (
    <form onSubmit={submit} className="card space-y-4" noValidate aria-busy={pending} aria-labelledby="import-heading">
      <h2 id="import-heading" className="text-lg font-semibold">
        Import a deck (Anki or CSV)
      </h2>
      <p className="text-sm text-muted">
        An Anki package (.apkg, up to {maxMegabytes} MB; images and sounds are left out) or a CSV file with a header row
        naming a question and an answer column. You see what will come in before the deck is created.
      </p>
      {result.error ? (
        <p role="alert" className="rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          {result.error}
        </p>
      ) : null}
      <div>
        <label htmlFor="import-file" className="field-label">
          File <span className="font-normal text-muted">(.apkg or .csv)</span>
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".apkg,.colpkg,.csv,text/csv"
          className="block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-line file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-semibold"
          aria-invalid={Boolean(fileError)}
          aria-describedby={fileError ? "import-file-error" : undefined}
        />
        {fileError ? (
          <p id="import-file-error" className="field-error">
            {fileError}
          </p>
        ) : null}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer">CSV columns and deck title (optional)</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-3">
          <div>
            <label htmlFor="import-front" className="field-label">
              Question column
            </label>
            <input id="import-front" name="front" className="field-input" placeholder="front" />
          </div>
          <div>
            <label htmlFor="import-back" className="field-label">
              Answer column
            </label>
            <input id="import-back" name="back" className="field-input" placeholder="back" />
          </div>
          <div>
            <label htmlFor="import-title" className="field-label">
              Title of the imported deck
            </label>
            <input id="import-title" name="title" className="field-input" placeholder="from the file" />
          </div>
        </div>
      </details>
      <div className="flex flex-wrap gap-3">
        <button type="submit" data-intent="preview" className="btn-secondary" disabled={pending}>
          {previewing ? "Reading…" : "Preview"}
        </button>
        {summary ? (
          <button type="submit" data-intent="create" className="btn-primary" disabled={pending}>
            {creating ? "Creating…" : `Create deck with ${summary.cards} cards`}
          </button>
        ) : null}
      </div>
      {summary ? (
        <section aria-labelledby="import-preview-heading" className="space-y-3" aria-live="polite">
          <h3 id="import-preview-heading" className="font-semibold">
            Preview: “{summary.title}”
          </h3>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li>
              {summary.cards} cards: {summary.byKind.basic} question &amp; answer, {summary.byKind.cloze} fill the blank
            </li>
            {summary.withHistory > 0 ? (
              <li>{summary.withHistory} cards bring their Anki review history (kept as yours)</li>
            ) : null}
            {summary.mediaSkipped > 0 ? (
              <li>{summary.mediaSkipped} images or sounds left out: Clio cards are text</li>
            ) : null}
            {summary.skipped.map((skip) => (
              <li key={skip.reason}>
                Skipped {skip.count}: {skip.reason}
                {skip.examples.length ? <span className="text-muted"> (e.g. {skip.examples.join("; ")})</span> : null}
              </li>
            ))}
            {summary.skipped.length === 0 ? <li>Nothing skipped</li> : null}
          </ul>
          <ol className="space-y-2 text-sm">
            {summary.sample.map((card, i) => (
              <li key={i} className="rounded-lg border border-line p-3 break-words">
                <p className="font-medium whitespace-pre-line">{card.prompt}</p>
                <p className="whitespace-pre-line text-muted">→ {card.answer}</p>
                {card.tags.length ? <p className="text-xs text-muted">Tags: {card.tags.join(", ")}</p> : null}
              </li>
            ))}
          </ol>
          {summary.cards > summary.sample.length ? (
            <p className="text-sm text-muted">…and {summary.cards - summary.sample.length} more.</p>
          ) : null}
        </section>
      ) : null}
    </form>
  );
}
