"use client";

import { useActionState, useState, startTransition, type FormEvent } from "react";
import { FieldErrors } from "@/app/_components/field-errors";
import { createDraftAction, type NewDeckResult } from "./actions";
import { DraftingProgress } from "./drafting-progress";

type Props = { maxChars: number; maxBytes: number; extensions: string[] };
type Errors = NonNullable<NewDeckResult["fieldErrors"]>;

const formatCount = (n: number) => n.toLocaleString("en-US");

export function NewDeckForm({ maxChars, maxBytes, extensions }: Props) {
  const [state, action, pending] = useActionState<NewDeckResult, FormData>(createDraftAction, {});
  const [text, setText] = useState(state.values?.text ?? "");
  const [localErrors, setLocalErrors] = useState<Errors>({});
  const errors: Errors = { ...state.fieldErrors, ...localErrors };
  const over = text.length > maxChars;

  // Checked here as well as on the server, so that an article far over the limit is not sent at all.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const file = formData.get("file");
    const picked = file instanceof File && file.name !== "" ? file : null;
    const found: Errors = {};
    if (picked && text.trim() !== "") found.text = ["Paste the article or upload a file, not both: clear one of them."];
    if (over) {
      found.text = [
        `The article has ${formatCount(text.length)} characters; the limit is ${formatCount(maxChars)}. Split it into parts and make a deck from each.`,
      ];
    }
    if (picked && !extensions.some((e) => picked.name.toLowerCase().endsWith(e))) {
      found.file = [
        `“${picked.name}” is not a Markdown or text file. Save the article as .md or .txt (or paste its text instead).`,
      ];
    } else if (picked && picked.size > maxBytes) {
      found.file = [
        `“${picked.name}” is too large: articles are limited to ${formatCount(maxChars)} characters. Split it into parts and make a deck from each.`,
      ];
    }
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    // An empty file input would reach the server action as a nameless blob: send no file instead.
    if (!picked) formData.delete("file");
    startTransition(() => action(formData));
  };

  const describedBy = (name: keyof Errors, ...more: string[]) =>
    [...more, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <form action={action} onSubmit={submit} className="card space-y-5" noValidate aria-busy={pending}>
      {state.error && (
        <p role="alert" className="rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          {state.error}
        </p>
      )}
      <div>
        <label htmlFor="title" className="field-label">
          Deck title
        </label>
        <input
          id="title"
          name="title"
          required
          maxLength={200}
          defaultValue={state.values?.title}
          className="field-input"
          aria-invalid={Boolean(errors.title)}
          aria-describedby={describedBy("title")}
        />
        <FieldErrors id="title-error" errors={errors.title} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="outlet" className="field-label">
            Published by <span className="font-normal text-muted">(optional)</span>
          </label>
          <input
            id="outlet"
            name="outlet"
            maxLength={200}
            placeholder="e.g. The Guardian"
            defaultValue={state.values?.outlet}
            className="field-input"
            aria-invalid={Boolean(errors.outlet)}
            aria-describedby={describedBy("outlet")}
          />
          <FieldErrors id="outlet-error" errors={errors.outlet} />
        </div>
        <div>
          <label htmlFor="sourceUrl" className="field-label">
            Source URL <span className="font-normal text-muted">(optional)</span>
          </label>
          <input
            id="sourceUrl"
            name="sourceUrl"
            type="url"
            inputMode="url"
            placeholder="https://…"
            defaultValue={state.values?.sourceUrl}
            className="field-input"
            aria-invalid={Boolean(errors.sourceUrl)}
            aria-describedby={describedBy("sourceUrl")}
          />
          <FieldErrors id="sourceUrl-error" errors={errors.sourceUrl} />
        </div>
      </div>

      <div>
        <div className="flex items-baseline justify-between gap-3">
          <label htmlFor="text" className="field-label">
            Article text
          </label>
          <span
            id="text-count"
            className={`text-xs tabular-nums ${over ? "font-semibold text-bad" : "text-muted"}`}
            aria-live="polite"
          >
            {formatCount(text.length)} / {formatCount(maxChars)} characters
          </span>
        </div>
        <textarea
          id="text"
          name="text"
          rows={14}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Paste the article here: plain text or Markdown, in English."
          className="field-input font-serif text-sm leading-relaxed"
          aria-invalid={Boolean(errors.text)}
          aria-describedby={describedBy("text", "text-hint", "text-count")}
        />
        <p id="text-hint" className="mt-1 text-sm text-muted">
          Up to {formatCount(maxChars)} characters (about {formatCount(Math.round(maxChars / 6.5 / 1000) * 1000)}{" "}
          words). Headings, photo captions and credits are fine: they are never turned into questions.
        </p>
        <FieldErrors id="text-error" errors={errors.text} />
      </div>

      <div>
        <label htmlFor="file" className="field-label">
          …or upload it <span className="font-normal text-muted">(.md or .txt)</span>
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept={[...extensions, "text/plain", "text/markdown"].join(",")}
          className="block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-line file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-semibold"
          aria-invalid={Boolean(errors.file)}
          aria-describedby={describedBy("file")}
        />
        <FieldErrors id="file-error" errors={errors.file} />
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Drafting cards…" : "Draft the cards"}
        </button>
        {pending && <DraftingProgress words={text.trim() ? text.trim().split(/\s+/).length : 0} />}
      </div>
    </form>
  );
}
