"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { DraftCard, DraftEntry } from "@/lib/content/drafts";
import type { PublishProblem, PublishProblems } from "@/lib/content/publish";
import { ApiError, callApi, NETWORK_ERROR } from "@/app/_lib/api-client";
import type { CardType } from "@/lib/content/schema";
import { deleteDraftAction } from "@/app/drafts/actions";
import { DraftCardEditor } from "./draft-card-editor";
import { useAutosave, type DraftDocument, type SaveStatus } from "./use-autosave";

export type EditorParagraph = { index: number; text: string; sentences: string[] };
export type EditorDraft = {
  id: string;
  title: string;
  outlet: string;
  sourceUrl: string;
  version: number;
  cards: DraftEntry[];
  paragraphs: EditorParagraph[];
  published: { slug: string; at: string } | null;
};

type Props = { draft: EditorDraft; typeLabels: Record<CardType, string> };

/** The next free id for a card the teacher adds: added-1, added-2, … */
function nextAddedId(cards: readonly DraftEntry[]): string {
  const taken = new Set(cards.map((c) => c.card.id));
  let n = cards.filter((c) => c.origin === "added").length + 1;
  while (taken.has(`added-${n}`)) n++;
  return `added-${n}`;
}

export function DraftEditor({ draft, typeLabels }: Props) {
  const router = useRouter();
  const [doc, setDoc] = useState<DraftDocument>({
    title: draft.title,
    outlet: draft.outlet,
    sourceUrl: draft.sourceUrl,
    cards: draft.cards,
  });
  const docRef = useRef(doc);
  const autosave = useAutosave(draft.id, draft.version);
  const [problems, setProblems] = useState<PublishProblem[]>([]);
  const [publishState, setPublishState] = useState<
    { kind: "idle" | "publishing" } | { kind: "error"; message: string }
  >({ kind: "idle" });
  const [focusId, setFocusId] = useState<string | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  const change = (update: (current: DraftDocument) => DraftDocument) => {
    const next = update(docRef.current);
    docRef.current = next;
    setDoc(next);
    autosave.schedule(next);
  };
  const updateCard = (id: string, patch: Partial<DraftCard>) => {
    change((d) => ({
      ...d,
      cards: d.cards.map((e) => (e.card.id === id ? { ...e, card: { ...e.card, ...patch } } : e)),
    }));
    setProblems((list) => list.filter((p) => p.cardId !== id));
  };
  const setDiscarded = (id: string, discarded: boolean) => {
    change((d) => ({ ...d, cards: d.cards.map((e) => (e.card.id === id ? { ...e, discarded } : e)) }));
    setProblems((list) => list.filter((p) => p.cardId !== id));
  };
  const addCard = (paragraph: EditorParagraph) => {
    const id = nextAddedId(docRef.current.cards);
    const entry: DraftEntry = {
      card: {
        id,
        type: "basic",
        prompt: "",
        answer: "",
        options: [],
        explanation: `From paragraph ${paragraph.index + 1} of the article.`,
        quote: paragraph.sentences[0] ?? paragraph.text,
      },
      paragraph: paragraph.index,
      origin: "added",
      discarded: false,
    };
    change((d) => {
      // Right after the paragraph's last card, so the deck keeps the article's order.
      const after = d.cards.findLastIndex((e) => e.paragraph <= paragraph.index);
      return { ...d, cards: [...d.cards.slice(0, after + 1), entry, ...d.cards.slice(after + 1)] };
    });
    setFocusId(id);
  };
  const setMeta = (field: "title" | "outlet" | "sourceUrl", value: string) => {
    change((d) => ({ ...d, [field]: value }));
    setProblems((list) => list.filter((p) => p.field !== field));
  };

  const publish = async () => {
    setPublishState({ kind: "publishing" });
    setProblems([]);
    if (!(await autosave.flush())) {
      setPublishState({
        kind: "error",
        message: "Your latest changes could not be saved, so the deck was not published. See the save status above.",
      });
      return;
    }
    try {
      const published = await callApi<{ url: string; version: number }>(`/api/drafts/${draft.id}/publish`, {
        method: "POST",
        json: { version: autosave.version.current },
        unexplained: (status) => `Publishing failed (the server answered ${status}).`,
      });
      autosave.setVersion(published.version);
      router.push(published.url);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code === NETWORK_ERROR) {
        setPublishState({
          kind: "error",
          message: "No connection to Clio: the deck was not published. Try again in a moment.",
        });
        return;
      }
      if (error.code === "stale_draft") autosave.markConflict(error.message);
      setProblems(
        error.code === "cannot_publish" ? ((error.details as PublishProblems | undefined)?.problems ?? []) : [],
      );
      setPublishState({ kind: "error", message: error.message });
      requestAnimationFrame(() => problemsRef.current?.focus());
    }
  };

  const kept = doc.cards.filter((c) => !c.discarded).length;
  const discarded = doc.cards.length - kept;
  const fieldProblem = (field: PublishProblem["field"]) =>
    problems.filter((p) => p.field === field).map((p) => p.message);
  const publishing = publishState.kind === "publishing";

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-line bg-canvas/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-xl font-bold">{doc.title.trim() || "Untitled draft"}</h1>
          <p className="text-sm text-muted">
            {kept} {kept === 1 ? "card" : "cards"} kept{discarded > 0 ? ` · ${discarded} discarded` : ""}
            {draft.published && (
              <>
                {" · "}
                <Link href={`/decks/${draft.published.slug}`} className="link">
                  published
                </Link>
                {": publish again to update the deck"}
              </>
            )}
          </p>
        </div>
        <SaveIndicator status={autosave.status} onRetry={() => void autosave.flush()} />
        <button
          type="button"
          className="btn-primary"
          onClick={() => void publish()}
          disabled={publishing || autosave.status.kind === "conflict"}
        >
          {publishing ? "Publishing…" : draft.published ? "Publish changes" : "Publish deck"}
        </button>
      </div>

      {publishState.kind === "error" && (
        <div
          ref={problemsRef}
          tabIndex={-1}
          role="alert"
          className="rounded-xl border border-bad bg-bad-soft p-4 text-sm"
          data-testid="publish-problems"
        >
          <p className="font-semibold text-bad">
            {problems.length > 1
              ? `${problems.length} things to fix before publishing:`
              : "The deck was not published."}
          </p>
          {problems.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {problems.map((p, i) => (
                <li key={i}>
                  {p.cardId ? (
                    <a href={`#card-${p.cardId}`} className="link">
                      {p.message}
                    </a>
                  ) : (
                    p.message
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1">{publishState.message}</p>
          )}
        </div>
      )}

      <section className="card space-y-4" aria-labelledby="about-heading">
        <h2 id="about-heading" className="text-lg font-semibold">
          About the article
        </h2>
        <div>
          <label htmlFor="draft-title" className="field-label">
            Deck title
          </label>
          <input
            id="draft-title"
            value={doc.title}
            maxLength={200}
            onChange={(e) => setMeta("title", e.target.value)}
            className="field-input"
            aria-invalid={fieldProblem("title").length > 0}
          />
          {fieldProblem("title").length > 0 && <p className="field-error">{fieldProblem("title").join(" ")}</p>}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="draft-outlet" className="field-label">
              Published by <span className="font-normal text-muted">(optional)</span>
            </label>
            <input
              id="draft-outlet"
              value={doc.outlet}
              maxLength={200}
              onChange={(e) => setMeta("outlet", e.target.value)}
              className="field-input"
            />
            {fieldProblem("outlet").length > 0 && <p className="field-error">{fieldProblem("outlet").join(" ")}</p>}
          </div>
          <div>
            <label htmlFor="draft-source" className="field-label">
              Source URL <span className="font-normal text-muted">(optional)</span>
            </label>
            <input
              id="draft-source"
              type="url"
              value={doc.sourceUrl}
              maxLength={2000}
              onChange={(e) => setMeta("sourceUrl", e.target.value)}
              className="field-input"
              aria-invalid={fieldProblem("sourceUrl").length > 0}
            />
            {fieldProblem("sourceUrl").length > 0 && (
              <p className="field-error">{fieldProblem("sourceUrl").join(" ")}</p>
            )}
          </div>
        </div>
      </section>

      <p className="text-sm text-muted">
        The cards are grouped under the paragraph they quote. Edit what needs editing, discard what is not worth
        studying, and add your own questions to any paragraph. Changes are saved as you type.
      </p>

      {draft.paragraphs.map((paragraph) => {
        const entries = doc.cards.filter((e) => e.paragraph === paragraph.index);
        return (
          <section
            key={paragraph.index}
            className="space-y-3"
            aria-labelledby={`paragraph-${paragraph.index}`}
            data-testid="draft-paragraph"
          >
            <div className="rounded-xl border-l-4 border-line bg-surface/60 px-4 py-3">
              <h2
                id={`paragraph-${paragraph.index}`}
                className="text-xs font-semibold uppercase tracking-wide text-muted"
              >
                Paragraph {paragraph.index + 1}
                {entries.length > 0 ? ` · ${entries.length} ${entries.length === 1 ? "card" : "cards"}` : ""}
              </h2>
              <p className="mt-1 whitespace-pre-line font-serif leading-relaxed">{paragraph.text}</p>
            </div>
            {entries.map((entry) => (
              <DraftCardEditor
                key={entry.card.id}
                entry={entry}
                typeLabel={typeLabels[entry.card.type]}
                sentences={paragraph.sentences}
                problems={problems.filter((p) => p.cardId === entry.card.id).map((p) => p.message)}
                autoFocus={focusId === entry.card.id}
                onChange={(patch) => updateCard(entry.card.id, patch)}
                onDiscard={(value) => setDiscarded(entry.card.id, value)}
              />
            ))}
            <button
              type="button"
              className="btn-secondary py-1.5"
              onClick={() => addCard(paragraph)}
              disabled={paragraph.sentences.length === 0}
            >
              + Add a card from paragraph {paragraph.index + 1}
            </button>
          </section>
        );
      })}

      <form
        action={deleteDraftAction.bind(null, draft.id)}
        onSubmit={(e) => {
          if (!window.confirm("Delete this draft? Its cards are lost. A deck you published from it stays."))
            e.preventDefault();
        }}
        className="border-t border-line pt-6"
      >
        <button type="submit" className="btn-danger">
          Delete draft
        </button>
      </form>
    </div>
  );
}

function SaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  return (
    <div role="status" aria-live="polite" className="text-sm" data-testid="save-status" data-state={status.kind}>
      {status.kind === "saved" && <span className="text-good">✓ Saved</span>}
      {status.kind === "saving" && <span className="text-muted">Saving…</span>}
      {status.kind === "error" && (
        <span className="text-bad">
          Couldn’t save: {status.message}{" "}
          <button type="button" className="link" onClick={onRetry}>
            Try again
          </button>
        </span>
      )}
      {status.kind === "conflict" && (
        <span className="text-bad">
          Couldn’t save: {status.message}{" "}
          <button type="button" className="link" onClick={() => window.location.reload()}>
            Reload
          </button>
        </span>
      )}
    </div>
  );
}
