"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useDeferredValue, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { DraftEntry } from "@/lib/content/drafts";
import type { PublishProblem, PublishProblems } from "@/lib/content/publish";
import { ApiError, callApi, NETWORK_ERROR } from "@/app/_lib/api-client";
import { CARD_TYPES, type CardType } from "@/lib/cards";
import { DUPLICATE_REASON_TEXT, findNearDuplicates, type NearDuplicate } from "@/lib/cards/near-duplicates";
import { deleteDraftAction } from "@/app/drafts/actions";
import { ShortcutHelp } from "@/app/study/[slug]/views/shortcut-help";
import { DraftCardEditor } from "./draft-card-editor";
import { EDITOR_SHORTCUTS, editorFocusKind, editorKeyCommand } from "./editor-keys";
import {
  editorReducer,
  initialEditorState,
  paragraphCoverage,
  shownIds,
  type EditorAction,
  type MetaField,
} from "./editor-state";
import { KIND_EDITORS } from "./kind-editors";
import { useAutosave, type SaveStatus } from "./use-autosave";

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

const lineOf = (id: string) => document.getElementById(`card-${id}-line`);

/**
 * The draft under review: one line per card (expand one to edit), filters by kind, paragraph and
 * near duplicates, a strip of the paragraphs with no card, bulk discard, and the keyboard. Autosave
 * sends the document a moment after each change; a stale tab gets 409 and stops.
 */
export function DraftEditor({ draft, typeLabels }: Props) {
  const router = useRouter();
  const [state, dispatch] = useReducer(
    editorReducer,
    { title: draft.title, outlet: draft.outlet, sourceUrl: draft.sourceUrl, cards: draft.cards },
    initialEditorState,
  );
  const { doc, filter } = state;
  const autosave = useAutosave(draft.id, draft.version);
  const [publishState, setPublishState] = useState<
    { kind: "idle" | "publishing" } | { kind: "error"; message: string }
  >({ kind: "idle" });
  const problemsRef = useRef<HTMLDivElement>(null);
  // Folded once the deck has a title; opened again when publishing finds a problem in it.
  const [aboutOpen, setAboutOpen] = useState(!draft.title.trim());

  const loaded = useRef(doc);
  const { schedule } = autosave;
  useEffect(() => {
    if (doc !== loaded.current) schedule(doc);
  }, [doc, schedule]);

  // Comparing every pair is quadratic: let typing go first and mark duplicates a moment later.
  const deferredCards = useDeferredValue(doc.cards);
  const duplicates = useMemo(
    () => findNearDuplicates(deferredCards.filter((e) => !e.discarded).map((e) => e.card)),
    [deferredCards],
  );
  const duplicateIds = useMemo(() => new Set(duplicates.keys()), [duplicates]);
  const visible = shownIds(state, duplicateIds);
  const coverage = paragraphCoverage(doc.cards, draft.paragraphs.length);
  const position = new Map(doc.cards.map((e, i) => [e.card.id, i + 1]));

  const stateRef = useRef(state);
  const visibleRef = useRef(visible);
  useEffect(() => {
    stateRef.current = state;
    visibleRef.current = visible;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      const command = editorKeyCommand({
        key: event.key,
        modified: event.ctrlKey || event.metaKey || event.altKey,
        focus: editorFocusKind(
          target && target !== document.body
            ? {
                tagName: target.tagName,
                role: target.getAttribute("role"),
                type: target.getAttribute("type"),
                isContentEditable: target.isContentEditable,
                inDialog: target.closest("dialog[open]") !== null,
              }
            : null,
        ),
        onCardLine: target?.hasAttribute("data-card-line") ?? false,
      });
      if (!command) return;
      const { cursor, expanded, doc: current } = stateRef.current;
      event.preventDefault();
      switch (command.kind) {
        case "help":
          dispatch({ type: "helpSet", open: true });
          return;
        case "move": {
          const move: EditorAction = { type: "cursorMoved", by: command.by, visible: visibleRef.current };
          const next = editorReducer(stateRef.current, move).cursor;
          dispatch(move);
          // Focus follows the cursor (the browser scrolls its line into view); the lines shown do
          // not change with the cursor, so the next one is already on the page.
          if (next) lineOf(next)?.focus();
          return;
        }
        case "close":
          if (!expanded) return;
          dispatch({ type: "collapsed" });
          requestAnimationFrame(() => lineOf(expanded)?.focus());
          return;
      }
      if (!cursor) return;
      if (command.kind === "toggleOpen") dispatch({ type: "expandToggled", id: cursor });
      if (command.kind === "toggleSelect") dispatch({ type: "selectionToggled", id: cursor });
      if (command.kind === "toggleDiscard") {
        const entry = current.cards.find((e) => e.card.id === cursor);
        if (entry) dispatch({ type: "discardSet", id: cursor, discarded: !entry.discarded });
        requestAnimationFrame(() => lineOf(cursor)?.focus());
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const publish = async () => {
    setPublishState({ kind: "publishing" });
    dispatch({ type: "problemsShown", problems: [] });
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
      const found =
        error.code === "cannot_publish" ? ((error.details as PublishProblems | undefined)?.problems ?? []) : [];
      if (found.some((p) => p.field !== null && p.field !== "cards")) setAboutOpen(true);
      dispatch({ type: "problemsShown", problems: found });
      setPublishState({ kind: "error", message: error.message });
      requestAnimationFrame(() => problemsRef.current?.focus());
    }
  };

  const problems = state.problems;
  const kept = doc.cards.filter((c) => !c.discarded).length;
  const discarded = doc.cards.length - kept;
  const fieldProblem = (field: PublishProblem["field"]) =>
    problems.filter((p) => p.field === field).map((p) => p.message);
  const publishing = publishState.kind === "publishing";
  const uncovered = coverage.filter((n) => n === 0).length;
  const kindCounts = new Map<CardType, number>();
  for (const e of doc.cards) kindCounts.set(e.card.type, (kindCounts.get(e.card.type) ?? 0) + 1);
  const selectedDiscarded = state.selected.filter((id) => doc.cards.find((e) => e.card.id === id)?.discarded).length;
  const allShownSelected = visible.length > 0 && visible.every((id) => state.selected.includes(id));
  const paragraph = filter.paragraph === "all" ? null : draft.paragraphs[filter.paragraph];
  const setFilter = (next: Partial<typeof filter>) =>
    dispatch({ type: "filterChanged", filter: next, duplicates: duplicateIds });
  const setMeta = (field: MetaField, value: string) => dispatch({ type: "metaEdited", field, value });
  const openProblem = (id: string) => {
    dispatch({ type: "problemOpened", id });
    requestAnimationFrame(() => document.getElementById(`card-${id}-prompt`)?.focus());
  };

  return (
    <div className="space-y-5">
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
                    <a
                      href={`#card-${p.cardId}`}
                      className="link"
                      onClick={(event) => {
                        event.preventDefault();
                        openProblem(p.cardId!);
                      }}
                    >
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

      <details className="card" open={aboutOpen} onToggle={(e) => setAboutOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer text-lg font-semibold">About the article</summary>
        <div className="mt-4 space-y-4">
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
        </div>
      </details>

      <section aria-labelledby="coverage-heading" className="space-y-2" data-testid="coverage">
        <h2 id="coverage-heading" className="text-sm font-semibold">
          Paragraphs: {draft.paragraphs.length - uncovered} of {draft.paragraphs.length} have a card
          {uncovered > 0 && <span className="font-normal text-muted"> · the ones marked ✕ have none</span>}
        </h2>
        <ul className="flex flex-wrap gap-1">
          {coverage.map((count, index) => (
            <li key={index}>
              <button
                type="button"
                aria-pressed={filter.paragraph === index}
                aria-label={`Paragraph ${index + 1}: ${count === 0 ? "no card" : count === 1 ? "1 card" : `${count} cards`}`}
                title={`Paragraph ${index + 1}: ${count === 0 ? "no card" : `${count} card${count === 1 ? "" : "s"}`}`}
                onClick={() => setFilter({ paragraph: filter.paragraph === index ? "all" : index })}
                className={`flex h-8 min-w-8 items-center justify-center rounded border px-1 text-xs tabular-nums ${
                  count === 0
                    ? "border-dashed border-bad bg-bad-soft text-bad"
                    : "border-line bg-accent-soft text-accent"
                } ${filter.paragraph === index ? "ring-2 ring-accent" : ""}`}
                data-coverage={count}
              >
                {count === 0 ? `✕${index + 1}` : index + 1}
              </button>
            </li>
          ))}
        </ul>
        <p className="text-xs text-muted">Choose a paragraph to read it, see its cards and add one.</p>
      </section>

      <section aria-labelledby="cards-heading" className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <h2 id="cards-heading" className="sr-only">
            Cards
          </h2>
          {/* Side by side even on a phone: two short selects, not two rows of screen. */}
          <div className="grid w-full grid-cols-2 gap-3 sm:flex sm:w-auto">
            <div className="min-w-0">
              <label htmlFor="filter-kind" className="field-label">
                Kind
              </label>
              <select
                id="filter-kind"
                value={filter.kind}
                onChange={(e) => setFilter({ kind: e.target.value as CardType | "all" })}
                className="field-input py-1.5 text-sm"
              >
                <option value="all">All kinds ({doc.cards.length})</option>
                {CARD_TYPES.filter((t) => kindCounts.has(t)).map((t) => (
                  <option key={t} value={t}>
                    {typeLabels[t]} ({kindCounts.get(t)})
                  </option>
                ))}
              </select>
            </div>
            <div className="min-w-0">
              <label htmlFor="filter-paragraph" className="field-label">
                Paragraph
              </label>
              <select
                id="filter-paragraph"
                value={String(filter.paragraph)}
                onChange={(e) => setFilter({ paragraph: e.target.value === "all" ? "all" : Number(e.target.value) })}
                className="field-input py-1.5 text-sm"
              >
                <option value="all">All paragraphs</option>
                {draft.paragraphs.map((p) => (
                  <option key={p.index} value={p.index}>
                    Paragraph {p.index + 1} ({coverage[p.index] ?? 0})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input
              type="checkbox"
              checked={filter.duplicatesOnly}
              onChange={(e) => setFilter({ duplicatesOnly: e.target.checked })}
              className="size-4"
            />
            Near duplicates only ({duplicateIds.size})
          </label>
          <button
            type="button"
            className="link pb-2 text-sm"
            onClick={() => dispatch({ type: "helpSet", open: true })}
            aria-keyshortcuts="?"
          >
            Keyboard shortcuts
          </button>
        </div>

        {paragraph && (
          <div className="rounded-xl border-l-4 border-line bg-surface/60 px-4 py-3" data-testid="paragraph-panel">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">
              Paragraph {paragraph.index + 1}
            </h3>
            <p className="mt-1 whitespace-pre-line font-serif leading-relaxed">{paragraph.text}</p>
            <button
              type="button"
              className="btn-secondary mt-2 py-1.5"
              onClick={() =>
                dispatch({
                  type: "cardAdded",
                  paragraph: paragraph.index,
                  quote: paragraph.sentences[0] ?? paragraph.text,
                })
              }
              disabled={paragraph.sentences.length === 0}
            >
              + Add a card from paragraph {paragraph.index + 1}
            </button>
          </div>
        )}

        <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="bulk-bar">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4"
              checked={allShownSelected}
              onChange={() => dispatch({ type: "allShownToggled", visible })}
              disabled={visible.length === 0}
            />
            Select all shown ({visible.length})
          </label>
          <span className="text-muted" aria-live="polite">
            {state.selected.length} selected
          </span>
          <button
            type="button"
            className="btn-secondary py-1 text-sm"
            disabled={state.selected.length === selectedDiscarded}
            onClick={() => dispatch({ type: "selectedDiscardSet", discarded: true })}
          >
            Discard selected
          </button>
          {selectedDiscarded > 0 && (
            <button
              type="button"
              className="btn-secondary py-1 text-sm"
              onClick={() => dispatch({ type: "selectedDiscardSet", discarded: false })}
            >
              Restore selected
            </button>
          )}
        </div>

        {visible.length === 0 ? (
          <p className="rounded-xl border border-dashed border-line px-4 py-6 text-center text-sm text-muted">
            No card matches these filters.
          </p>
        ) : (
          <ol className="space-y-1" data-testid="draft-cards">
            {doc.cards
              .filter((e) => visible.includes(e.card.id))
              .map((entry) => {
                const cardProblems = problems.filter((p) => p.cardId === entry.card.id).map((p) => p.message);
                const paragraphOf = draft.paragraphs[entry.paragraph];
                return (
                  <CardLine
                    key={entry.card.id}
                    entry={entry}
                    number={position.get(entry.card.id)!}
                    typeLabel={typeLabels[entry.card.type]}
                    current={state.cursor === entry.card.id}
                    open={state.expanded === entry.card.id}
                    selected={state.selected.includes(entry.card.id)}
                    duplicates={duplicates.get(entry.card.id) ?? []}
                    positionOf={(id) => position.get(id) ?? 0}
                    problems={cardProblems}
                    dispatch={dispatch}
                  >
                    {state.expanded === entry.card.id && !entry.discarded && (
                      <DraftCardEditor
                        entry={entry}
                        typeLabel={typeLabels[entry.card.type]}
                        sentences={paragraphOf?.sentences ?? []}
                        problems={cardProblems}
                        onChange={(patch) => dispatch({ type: "cardEdited", id: entry.card.id, patch })}
                        onDiscard={() => {
                          dispatch({ type: "discardSet", id: entry.card.id, discarded: true });
                          requestAnimationFrame(() => lineOf(entry.card.id)?.focus());
                        }}
                        onClose={() => {
                          dispatch({ type: "collapsed" });
                          requestAnimationFrame(() => lineOf(entry.card.id)?.focus());
                        }}
                      />
                    )}
                  </CardLine>
                );
              })}
          </ol>
        )}
      </section>

      <ShortcutHelp
        open={state.helpOpen}
        onClose={() => dispatch({ type: "helpSet", open: false })}
        shortcuts={EDITOR_SHORTCUTS}
      />

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

type CardLineProps = {
  entry: DraftEntry;
  number: number;
  typeLabel: string;
  current: boolean;
  open: boolean;
  selected: boolean;
  duplicates: NearDuplicate[];
  positionOf: (id: string) => number;
  problems: string[];
  dispatch: (action: EditorAction) => void;
  children: React.ReactNode;
};

/** One card as one line: select box, then a button holding kind, prompt, answer and paragraph that opens it. */
function CardLine({
  entry,
  number,
  typeLabel,
  current,
  open,
  selected,
  duplicates,
  positionOf,
  problems,
  dispatch,
  children,
}: CardLineProps) {
  const { card } = entry;
  const id = card.id;
  const prompt = card.prompt.trim() || "(no prompt yet)";
  const answer = KIND_EDITORS[card.type].answerSummary(card);
  const duplicateText = duplicates
    .map((d) => `card ${positionOf(d.of)} (${DUPLICATE_REASON_TEXT[d.reason]})`)
    .join(", ");
  return (
    <li
      id={`card-${id}`}
      className={`scroll-mt-28 rounded-lg border bg-surface ${
        problems.length > 0 ? "border-bad" : current ? "border-accent" : "border-line"
      } ${entry.discarded ? "border-dashed bg-transparent" : ""}`}
      data-testid="draft-card"
      data-card-id={id}
      data-card-type={card.type}
      data-discarded={entry.discarded || undefined}
      data-duplicate={duplicates.length > 0 || undefined}
      data-current={current || undefined}
    >
      <div className="flex min-h-10 items-center gap-2 px-2">
        <input
          type="checkbox"
          className="size-4 shrink-0"
          checked={selected}
          onChange={() => dispatch({ type: "selectionToggled", id })}
          aria-label={`Select card ${number}`}
        />
        {entry.discarded ? (
          <>
            <span className="flex min-w-0 flex-1 items-center gap-2 py-2 text-sm text-muted">
              <span className="w-6 shrink-0 text-xs tabular-nums">{number}</span>
              <span className="min-w-0 flex-1 truncate line-through">{prompt}</span>
            </span>
            <button
              id={`card-${id}-line`}
              data-card-line
              type="button"
              className="link shrink-0 text-sm"
              onFocus={() => dispatch({ type: "cursorSet", id })}
              onClick={() => dispatch({ type: "discardSet", id, discarded: false })}
              aria-label={`Restore card ${number}: ${card.prompt || typeLabel}`}
            >
              Restore
            </button>
          </>
        ) : (
          <button
            id={`card-${id}-line`}
            data-card-line
            type="button"
            aria-expanded={open}
            aria-controls={open ? `card-${id}-editor` : undefined}
            onFocus={() => dispatch({ type: "cursorSet", id })}
            onClick={() => dispatch({ type: "expandToggled", id })}
            // On a phone, two rows: number, kind, answer and paragraph, then the prompt at full width.
            className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2 gap-y-0.5 py-2 text-left text-sm sm:flex-nowrap"
          >
            <span className="w-6 shrink-0 text-xs tabular-nums text-muted">{number}</span>
            <span className="shrink-0 rounded bg-accent-soft px-1.5 py-0.5 text-xs whitespace-nowrap text-accent">
              {typeLabel}
            </span>
            <span className="order-last min-w-0 basis-full truncate sm:order-none sm:flex-1 sm:basis-auto">
              {prompt}
            </span>
            {answer && (
              <span className="min-w-0 flex-1 truncate text-muted sm:max-w-[35%] sm:flex-none">
                <span aria-hidden="true">→ </span>
                <span className="sr-only">answer: </span>
                {answer}
              </span>
            )}
            <span className="ml-auto shrink-0 text-xs text-muted">
              <span className="sr-only">paragraph </span>
              <span aria-hidden="true">¶</span>
              {entry.paragraph + 1}
            </span>
          </button>
        )}
        {duplicates.length > 0 && (
          <span
            className="shrink-0 rounded border border-warn px-1 text-xs text-warn"
            title={`Near duplicate of ${duplicateText}`}
            data-testid="duplicate-mark"
          >
            <span aria-hidden="true">≈{duplicates.map((d) => positionOf(d.of)).join(",")}</span>
            <span className="sr-only">Near duplicate of {duplicateText}</span>
          </span>
        )}
        {problems.length > 0 && (
          <span className="shrink-0 text-xs font-semibold text-bad">
            <span aria-hidden="true">!</span>
            <span className="sr-only">Needs fixing before publishing</span>
          </span>
        )}
      </div>
      {children}
    </li>
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
