"use client";

// The shell of the study page: it wires `studyReducer` to the network, the clock and the keyboard.
// What the page shows, and how each answer or request changes it, lives in study-state.ts.
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { QUESTION_VIEWS } from "@/app/study/[slug]/cards";
import { saveStatus } from "@/app/study/[slug]/outbox";
import { postReview, postUndo, type QueueCard, type Rating, type Response } from "@/app/study/[slug]/study-client";
import { focusKindOf, keyCommand, type KeyCommand } from "@/app/study/[slug]/study-keys";
import {
  initialStudyState,
  remainingToday,
  responseFor,
  sessionProgress,
  studyReducer,
  type RestoredStudy,
} from "@/app/study/[slug]/study-state";
import { usePersistedStudy } from "@/app/study/[slug]/offline-store";
import { useStudySync } from "@/app/study/[slug]/study-sync";
import { AnswerResult } from "@/app/study/[slug]/views/answer-result";
import { KeyHints } from "@/app/study/[slug]/views/key-hints";
import { ShortcutHelp } from "@/app/study/[slug]/views/shortcut-help";
import { SessionProgress } from "@/app/study/[slug]/views/session-progress";
import { StudyCard } from "@/app/study/[slug]/views/study-card";
import { Summary } from "@/app/study/[slug]/views/summary";
import { Waiting } from "@/app/study/[slug]/views/waiting";

const messageOf = (e: unknown) => (e as Error).message;

export function StudySession({
  slug,
  userId,
  timeZone,
  typeLabels,
  restored,
}: {
  slug: string;
  userId: string;
  timeZone: string;
  typeLabels: Record<QueueCard["type"], string>;
  /** What this browser kept from before a reload (offline-store.ts). */
  restored: RestoredStudy;
}) {
  const [state, dispatch] = useReducer(studyReducer, undefined, () => initialStudyState(Date.now(), restored));
  const { phase, queue, card, answer, result, busy } = state;

  // The queue fetched ahead and the reviews sent in the background (study-sync.ts).
  useStudySync(slug, state, dispatch);
  // Answers not yet recorded survive a reload, offline too (offline-store.ts).
  usePersistedStudy(userId, slug, state);

  /** A self-graded card's rating: the next card shows at once, the review is saved behind it. */
  const rate = useCallback(
    (rating: Rating) => dispatch({ type: "rated", rating, now: Date.now(), reviewId: crypto.randomUUID() }),
    [],
  );
  const next = useCallback(() => dispatch({ type: "continued", now: Date.now(), reviewId: crypto.randomUUID() }), []);

  /** Checks the answer drafted so far, or `response` (a double-clicked option) when given. */
  const check = useCallback(
    (response?: Response) => {
      const sent = response ?? (card && responseFor(card, answer));
      if (sent) dispatch({ type: "checked", response: sent, now: Date.now(), nextReviewId: crypto.randomUUID() });
    },
    [card, answer],
  );

  const last = state.history.at(-1);
  // An undo asked for while the last review is still being saved runs once it is recorded.
  const undoAsked = useRef(false);
  const saving = saveStatus(state.outbox);
  const undo = useCallback(async () => {
    if (!last || busy) return;
    undoAsked.current = !last.result || state.outbox.items.length > 0;
    if (undoAsked.current || !last.result) return;
    dispatch({ type: "undoStarted" });
    try {
      const undone = await postUndo(last.result.reviewId);
      const version = undone.state?.version ?? 0;
      dispatch({ type: "reviewUndone", version, now: Date.now(), reviewId: crypto.randomUUID() });
    } catch (e) {
      dispatch({ type: "requestFailed", message: messageOf(e) });
    } finally {
      dispatch({ type: "requestSettled" });
    }
  }, [last, busy, state.outbox.items.length]);
  useEffect(() => {
    if (undoAsked.current && state.outbox.items.length === 0) void undo();
  }, [state.outbox.items.length, undo]);

  /**
   * Overriding the suggested rating: a new version of the recorded review, which the server grades at
   * the original answer's time with the checked correctness kept (a wrong answer stays at most Hard).
   */
  const override = useCallback(
    async (rating: Rating) => {
      if (!result || !card || rating === result.rating || busy) return;
      dispatch({ type: "overrideStarted" });
      try {
        const res = await postReview({
          reviewId: crypto.randomUUID(),
          cardId: card.cardId,
          version: result.state.version,
          rating,
          overrides: result.reviewId,
        });
        dispatch({ type: "ratingOverridden", result: res });
      } catch (e) {
        dispatch({ type: "requestFailed", message: messageOf(e) });
      } finally {
        dispatch({ type: "requestSettled" });
      }
    },
    [result, card, busy],
  );

  const [helpOpen, setHelpOpen] = useState(false);

  const run = useCallback(
    (command: KeyCommand) => {
      if (command.kind === "edit") dispatch(command.action);
      else if (command.kind === "rate") rate(command.rating);
      else if (command.kind === "check") check();
      else if (command.kind === "override") void override(command.rating);
      else if (command.kind === "next") next();
      else if (command.kind === "help") setHelpOpen(true);
      else void undo();
    },
    [rate, check, override, next, undo],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.isComposing) return; // taken by the focused element (an option's arrows)
      const target = e.target instanceof HTMLElement && e.target !== document.body ? e.target : null;
      const field = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : null;
      const command = keyCommand(
        { phase, card, answer },
        {
          key: e.key,
          ctrl: e.ctrlKey || e.metaKey,
          alt: e.altKey,
          focus: focusKindOf(
            target && {
              tagName: target.tagName,
              role: target.getAttribute("role"),
              type: target.getAttribute("type"),
              isContentEditable: target.isContentEditable,
              inDialog: target.closest("dialog[open]") !== null,
            },
          ),
          fieldHasText: Boolean(field?.value),
        },
      );
      if (!command) return;
      e.preventDefault();
      run(command);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [phase, card, answer, run]);

  const Question = card ? QUESTION_VIEWS[card.type] : null;
  return (
    <div className="space-y-4">
      <SessionProgress
        reviews={state.counters.reviews}
        remaining={remainingToday(state)}
        progress={sessionProgress(state)}
      />

      <p className="sr-only" aria-live="polite">
        {state.announcement}
      </p>
      {state.notice && (
        <p role="status" className="rounded-lg bg-accent-soft px-3 py-2 text-sm text-accent" data-testid="study-notice">
          {state.notice}
        </p>
      )}
      <p role="status" className="text-right text-xs text-muted" data-save-status={saving.kind}>
        {saving.text}
      </p>
      {state.error && (
        <p role="alert" className="rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          {state.error}
        </p>
      )}

      {phase === "loading" && <p className="card text-muted">Loading your cards…</p>}
      {phase === "error" && (
        <button type="button" className="btn-primary" onClick={() => dispatch({ type: "connectionRestored" })}>
          Try again
        </button>
      )}

      {card && Question && (phase === "question" || phase === "checking" || phase === "answered") && (
        <StudyCard card={card} typeLabel={typeLabels[card.type]}>
          {phase !== "answered" && (
            <Question
              card={card}
              answer={answer}
              busy={busy || phase === "checking"}
              onEdit={dispatch}
              onRate={rate}
              onCheck={check}
            />
          )}
          {phase === "question" && card.autoGraded && (
            // An honest Again instead of a guess: a lucky guess would count as memory (docs/learning.md).
            <button
              type="button"
              className="btn-secondary"
              disabled={busy}
              onClick={() => check({ kind: "dont_know" })}
            >
              I don&apos;t know
            </button>
          )}
          {phase === "answered" && result && (
            <AnswerResult
              card={card}
              answer={answer}
              result={result}
              busy={busy}
              onOverride={(r) => void override(r)}
              onNext={next}
            />
          )}
        </StudyCard>
      )}

      {phase === "waiting" && queue?.nextDueAt && (
        <Waiting
          nextDueAt={queue.nextDueAt}
          timeZone={timeZone}
          onFinish={() => dispatch({ type: "sessionFinished", now: Date.now() })}
        />
      )}

      {phase === "done" && <Summary counters={state.counters} queue={queue} slug={slug} timeZone={timeZone} />}

      <KeyHints
        canUndo={state.history.length > 0}
        busy={busy}
        onUndo={() => void undo()}
        onShowShortcuts={() => setHelpOpen(true)}
      />
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
