"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  ApiError,
  RATINGS,
  RATING_LABELS,
  describeWhen,
  fetchQueue,
  postReview,
  postUndo,
  type Queue,
  type QueueCard,
  type Rating,
  type Response,
  type ReviewResult,
} from "@/app/study/[slug]/study-client";

// Learning steps shorter than this are waited for in the session rather than ending it.
const WAIT_FOR_LEARNING_MS = 20 * 60_000;

type Phase = "loading" | "question" | "answered" | "waiting" | "done" | "error";

interface Done {
  card: QueueCard;
  result: ReviewResult;
}

interface SessionStats {
  reviews: number;
  again: number;
  startedAt: number;
  /** Set when the session ends, for the summary's time spent. */
  finishedAt: number | null;
}

export function StudySession({ slug }: { slug: string }) {
  const [queue, setQueue] = useState<Queue | null>(null);
  const [phase, setPhase] = useState<Phase>("loading");
  const [card, setCard] = useState<QueueCard | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [choice, setChoice] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [order, setOrder] = useState<string[]>([]);
  const [picked, setPicked] = useState<number | null>(null);
  const [result, setResult] = useState<ReviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<Done[]>([]);
  const [stats, setStats] = useState<SessionStats>(() => ({ reviews: 0, again: 0, startedAt: Date.now(), finishedAt: null }));
  const [announcement, setAnnouncement] = useState("");
  const shownAt = useRef(0);
  const pendingId = useRef<string | null>(null);

  const finish = useCallback(() => {
    setStats((s) => ({ ...s, finishedAt: Date.now() }));
    setPhase("done");
  }, []);

  const show = useCallback((next: Queue, first?: QueueCard) => {
    setQueue(next);
    const nextCard = first ?? next.cards[0] ?? null;
    setResult(null);
    setRevealed(false);
    setChoice(null);
    setText("");
    setPicked(null);
    setError(null);
    pendingId.current = null;
    if (nextCard) {
      setCard(nextCard);
      setOrder(nextCard.type === "timeline" ? nextCard.options : []);
      shownAt.current = Date.now();
      setPhase("question");
      return;
    }
    setCard(null);
    const soon = next.nextDueAt && new Date(next.nextDueAt).getTime() - Date.now() < WAIT_FOR_LEARNING_MS;
    if (soon) setPhase("waiting");
    else finish();
  }, [finish]);

  const load = useCallback(
    async (first?: (q: Queue) => QueueCard | undefined) => {
      try {
        const next = await fetchQueue(slug);
        show(next, first?.(next));
      } catch (e) {
        setError((e as Error).message);
        setPhase("error");
      }
    },
    [slug, show],
  );

  useEffect(() => {
    let cancelled = false;
    fetchQueue(slug).then(
      (next) => !cancelled && show(next),
      (e: Error) => {
        if (cancelled) return;
        setError(e.message);
        setPhase("error");
      },
    );
    return () => {
      cancelled = true;
    };
  }, [slug, show]);

  // While waiting for a learning step, check again when it comes due.
  useEffect(() => {
    if (phase !== "waiting" || !queue?.nextDueAt) return;
    const ms = Math.max(1000, new Date(queue.nextDueAt).getTime() - Date.now() + 500);
    const timer = setTimeout(() => void load(), ms);
    return () => clearTimeout(timer);
  }, [phase, queue, load]);

  const submit = useCallback(
    async (opts: { rating?: Rating; response?: Response }) => {
      if (!card || busy) return;
      setBusy(true);
      setError(null);
      // One id per attempt at this card: a retry after a network error reuses it.
      pendingId.current ??= crypto.randomUUID();
      try {
        const res = await postReview({
          reviewId: pendingId.current,
          cardId: card.cardId,
          version: card.version,
          answerMs: Date.now() - shownAt.current,
          ...opts,
        });
        setResult(res);
        setHistory((h) => [...h, { card, result: res }]);
        setStats((s) => ({ ...s, reviews: s.reviews + 1, again: s.again + (res.rating === "again" ? 1 : 0) }));
        setAnnouncement(
          `${res.correct === null ? "" : res.correct ? "Correct. " : "Not quite. "}Rated ${RATING_LABELS[res.rating]}, next review ${res.interval === "now" ? "soon" : `in ${res.interval}`}.`,
        );
        // Self-graded cards move straight on unless forgotten: then the source passage is shown.
        if (!card.autoGraded && !res.lapse) {
          await load();
        } else {
          setPhase("answered");
        }
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          setError(`${e.message}`);
          await load();
        } else {
          setError((e as Error).message);
        }
      } finally {
        setBusy(false);
      }
    },
    [card, busy, load],
  );

  const undo = useCallback(async () => {
    const last = history.at(-1);
    if (!last || busy) return;
    setBusy(true);
    try {
      const undone = await postUndo(last.result.reviewId);
      setHistory((h) => h.slice(0, -1));
      setStats((s) => ({ ...s, reviews: s.reviews - 1, again: s.again - (last.result.rating === "again" ? 1 : 0) }));
      setAnnouncement("Last review undone.");
      const restored = { ...last.card, version: undone.state?.version ?? 0 };
      await load((q) => q.cards.find((c) => c.cardId === restored.cardId) ?? restored);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }, [history, busy, load]);

  /** Overriding the suggested rating: undo the recorded review, record the student's rating instead. */
  const override = useCallback(
    async (rating: Rating) => {
      if (!result || !card || rating === result.rating || busy) return;
      setBusy(true);
      try {
        const undone = await postUndo(result.reviewId);
        const response = responseFor(card, { choice, text, order });
        const res = await postReview({
          reviewId: crypto.randomUUID(),
          cardId: card.cardId,
          version: undone.state?.version ?? 0,
          answerMs: Date.now() - shownAt.current,
          rating,
          ...(response ? { response } : {}),
        });
        setResult(res);
        setHistory((h) => [...h.slice(0, -1), { card, result: res }]);
        setStats((s) => ({ ...s, again: s.again - (result.rating === "again" ? 1 : 0) + (rating === "again" ? 1 : 0) }));
        setAnnouncement(`Rated ${RATING_LABELS[rating]}, next review in ${res.interval}.`);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [result, card, busy, choice, text, order],
  );

  const answer = useCallback(() => {
    if (!card) return;
    const response = responseFor(card, { choice, text, order });
    if (response) void submit({ response });
  }, [card, choice, text, order, submit]);

  // Keyboard: Space/Enter reveals or continues, 1–4 rate, Ctrl+Z undoes; options take their numbers.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") {
        if (typing && (e.target as HTMLInputElement).value) return; // let the field undo its own text
        e.preventDefault();
        void undo();
        return;
      }
      if (typing || e.altKey || e.ctrlKey || e.metaKey || !card) return;
      const digit = Number(e.key);
      if (phase === "question" && !card.autoGraded) {
        if (!revealed && (e.key === " " || e.key === "Enter")) {
          e.preventDefault();
          setRevealed(true);
        } else if (revealed && digit >= 1 && digit <= 4) {
          e.preventDefault();
          void submit({ rating: RATINGS[digit - 1] });
        }
      } else if (phase === "question" && card.type !== "cloze" && card.type !== "timeline") {
        if (digit >= 1 && digit <= card.options.length) {
          e.preventDefault();
          setChoice(card.options[digit - 1]!);
        } else if (e.key === "Enter" && choice) {
          e.preventDefault();
          answer();
        }
      } else if (phase === "question" && card.type === "timeline") {
        if (digit >= 1 && digit <= order.length) {
          e.preventDefault();
          setPicked(digit - 1);
        } else if ((e.key === "ArrowUp" || e.key === "ArrowDown") && picked !== null) {
          e.preventDefault();
          const to = picked + (e.key === "ArrowUp" ? -1 : 1);
          if (to >= 0 && to < order.length) {
            setOrder(move(order, picked, to));
            setPicked(to);
          }
        } else if (e.key === "Enter") {
          e.preventDefault();
          answer();
        }
      } else if (phase === "answered") {
        if (e.key === " " || e.key === "Enter") {
          e.preventDefault();
          void load();
        } else if (digit >= 1 && digit <= 4 && card.autoGraded) {
          e.preventDefault();
          void override(RATINGS[digit - 1]!);
        }
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [phase, card, revealed, choice, order, picked, submit, answer, undo, override, load]);

  const total = queue ? queue.remaining.new + queue.remaining.learning + queue.remaining.review : 0;
  const progress = stats.reviews + total === 0 ? 0 : stats.reviews / (stats.reviews + total);

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <div className="flex justify-between text-sm text-muted">
          <span>{stats.reviews} reviewed</span>
          {queue && (
            <span aria-label="Cards left today">
              <span className="text-accent">{queue.remaining.new} new</span> · <span className="text-warn">{queue.remaining.learning} learning</span> ·{" "}
              <span className="text-good">{queue.remaining.review} due</span>
            </span>
          )}
        </div>
        <div className="h-2 overflow-hidden rounded-full bg-line" role="progressbar" aria-label="Session progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
          <div className="h-full bg-accent transition-all" style={{ width: `${progress * 100}%` }} />
        </div>
      </div>

      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {error && (
        <p role="alert" className="rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          {error}
        </p>
      )}

      {phase === "loading" && <p className="card text-muted">Loading your cards…</p>}
      {phase === "error" && (
        <button type="button" className="btn-primary" onClick={() => void load()}>
          Try again
        </button>
      )}

      {card && (phase === "question" || phase === "answered") && (
        <section className="card space-y-5" aria-labelledby="prompt" data-testid="study-card" data-card-type={card.type}>
          <div className="flex items-center justify-between text-xs uppercase tracking-wide text-muted">
            <span>{TYPE_LABELS[card.type]}</span>
            <span>{card.kind === "new" ? "New" : card.kind === "learning" ? "Learning" : "Review"}</span>
          </div>
          <h1 id="prompt" className="text-xl font-semibold leading-snug sm:text-2xl">
            {card.prompt}
          </h1>

          {phase === "question" && !card.autoGraded && (
            <SelfGraded card={card} revealed={revealed} busy={busy} onReveal={() => setRevealed(true)} onRate={(r) => void submit({ rating: r })} />
          )}
          {phase === "question" && card.autoGraded && card.type === "cloze" && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                answer();
              }}
              className="flex flex-col gap-2 sm:flex-row"
            >
              <label htmlFor="cloze-answer" className="sr-only">
                Your answer for the blank
              </label>
              <input id="cloze-answer" autoFocus autoComplete="off" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} className="field-input" placeholder="Type the missing words" />
              <button type="submit" className="btn-primary" disabled={busy || !text.trim()}>
                Check
              </button>
            </form>
          )}
          {phase === "question" && card.autoGraded && card.type !== "cloze" && card.type !== "timeline" && (
            <div className="space-y-3">
              <div role="radiogroup" aria-label="Options" className="grid gap-2">
                {card.options.map((option, i) => (
                  <button
                    key={option}
                    type="button"
                    role="radio"
                    aria-checked={choice === option}
                    onClick={() => setChoice(option)}
                    onDoubleClick={() => void submit({ response: { kind: "choice", choice: option } })}
                    className={`flex items-start gap-3 rounded-lg border px-4 py-3 text-left transition-colors ${choice === option ? "border-accent bg-accent-soft" : "border-line hover:bg-canvas"}`}
                  >
                    <kbd className="mt-0.5 rounded border border-line px-1.5 text-xs text-muted">{i + 1}</kbd>
                    <span>{option}</span>
                  </button>
                ))}
              </div>
              <button type="button" className="btn-primary w-full sm:w-auto" disabled={busy || !choice} onClick={answer}>
                Check <kbd className="ml-1 text-xs opacity-70">Enter</kbd>
              </button>
            </div>
          )}
          {phase === "question" && card.type === "timeline" && (
            <div className="space-y-3">
              <p className="text-sm text-muted">Earliest first. Press an item&apos;s number, then ↑ ↓ to move it; Enter to check.</p>
              <ol className="space-y-2" aria-label="Events, in your order">
                {order.map((label, i) => (
                  <li key={label} className={`flex items-center gap-2 rounded-lg border px-3 py-2 ${picked === i ? "border-accent bg-accent-soft" : "border-line"}`}>
                    <button type="button" className="text-left" onClick={() => setPicked(i)} aria-pressed={picked === i}>
                      <kbd className="mr-2 rounded border border-line px-1.5 text-xs text-muted">{i + 1}</kbd>
                      {label}
                    </button>
                    <span className="ml-auto flex gap-1">
                      <button type="button" className="btn-secondary px-2 py-1" aria-label={`Move "${label}" earlier`} disabled={i === 0} onClick={() => setOrder(move(order, i, i - 1))}>
                        ↑
                      </button>
                      <button type="button" className="btn-secondary px-2 py-1" aria-label={`Move "${label}" later`} disabled={i === order.length - 1} onClick={() => setOrder(move(order, i, i + 1))}>
                        ↓
                      </button>
                    </span>
                  </li>
                ))}
              </ol>
              <button type="button" className="btn-primary" disabled={busy} onClick={answer}>
                Check order
              </button>
            </div>
          )}

          {phase === "answered" && result && <Answered card={card} result={result} busy={busy} onOverride={(r) => void override(r)} onNext={() => void load()} />}
        </section>
      )}

      {phase === "waiting" && queue?.nextDueAt && (
        <section className="card space-y-3 text-center" data-testid="waiting">
          <p className="text-lg font-semibold">Cards in learning come back {describeWhen(queue.nextDueAt)}.</p>
          <p className="text-muted">Stay here and they will appear, or finish for now.</p>
          <button type="button" className="btn-secondary" onClick={finish}>
            Finish session
          </button>
        </section>
      )}

      {phase === "done" && <Summary stats={stats} queue={queue} slug={slug} />}

      <p className="text-center text-xs text-muted">
        Keys: <kbd>Space</kbd> reveal · <kbd>1</kbd>–<kbd>4</kbd> rate · <kbd>Enter</kbd> check / continue · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo
        {history.length > 0 && (
          <>
            {" · "}
            <button type="button" className="link" onClick={() => void undo()} disabled={busy}>
              Undo last review
            </button>
          </>
        )}
      </p>
    </div>
  );
}

const TYPE_LABELS: Record<QueueCard["type"], string> = {
  basic: "Question",
  cloze: "Fill the blank",
  multiple_choice: "Multiple choice",
  true_false: "True or false",
  viewpoint: "Who argues what",
  timeline: "Timeline",
};

function move<T>(items: T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

function responseFor(card: QueueCard, input: { choice: string | null; text: string; order: string[] }): Response | null {
  if (!card.autoGraded) return null;
  if (card.type === "cloze") return input.text.trim() ? { kind: "text", text: input.text } : null;
  if (card.type === "timeline") return { kind: "order", order: input.order };
  return input.choice ? { kind: "choice", choice: input.choice } : null;
}

function RatingButtons({ intervals, current, busy, onRate }: { intervals: Record<Rating, { label: string }>; current?: Rating; busy: boolean; onRate: (r: Rating) => void }) {
  const tone: Record<Rating, string> = { again: "text-bad", hard: "text-warn", good: "text-good", easy: "text-accent" };
  return (
    <div className="grid grid-cols-4 gap-2" role="group" aria-label="Rate your recall">
      {RATINGS.map((rating, i) => (
        <button
          key={rating}
          type="button"
          disabled={busy}
          onClick={() => onRate(rating)}
          aria-pressed={current === rating}
          className={`flex flex-col items-center rounded-lg border px-2 py-2 text-sm font-semibold transition-colors ${current === rating ? "border-accent bg-accent-soft" : "border-line hover:bg-canvas"}`}
        >
          <span className={tone[rating]}>{RATING_LABELS[rating]}</span>
          <span className="text-xs font-normal text-muted">
            <kbd>{i + 1}</kbd> · {intervals[rating].label}
          </span>
        </button>
      ))}
    </div>
  );
}

function SelfGraded({ card, revealed, busy, onReveal, onRate }: { card: QueueCard; revealed: boolean; busy: boolean; onReveal: () => void; onRate: (r: Rating) => void }) {
  if (!revealed) {
    return (
      <button type="button" className="btn-primary w-full py-3" onClick={onReveal} autoFocus>
        Show answer <kbd className="ml-1 text-xs opacity-70">Space</kbd>
      </button>
    );
  }
  return (
    <div className="space-y-4">
      <div className="rounded-lg bg-canvas p-4" aria-live="polite">
        <p className="font-semibold">{card.answer}</p>
        {card.explanation && <p className="mt-1 text-sm text-muted">{card.explanation}</p>}
      </div>
      <p className="text-sm text-muted">How well did you remember it?</p>
      {card.intervals && <RatingButtons intervals={card.intervals} busy={busy} onRate={onRate} />}
    </div>
  );
}

function Answered({ card, result, busy, onOverride, onNext }: { card: QueueCard; result: ReviewResult; busy: boolean; onOverride: (r: Rating) => void; onNext: () => void }) {
  return (
    <div className="space-y-4" data-testid="answer-result">
      {result.correct !== null && (
        <p className={`text-lg font-semibold ${result.correct ? "text-good" : "text-bad"}`}>{result.correct ? "Correct" : "Not quite"}</p>
      )}
      <div className="rounded-lg bg-canvas p-4">
        <p className="text-sm text-muted">Answer</p>
        <p className="font-semibold">{result.expected}</p>
        <p className="mt-2 text-sm">{result.explanation}</p>
      </div>
      {result.state.suspended && (
        <p role="status" className="rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          You have forgotten this card {result.state.lapses} times, so it is suspended as a leech. Reread its passage, then bring it
          back from your <Link href="/progress" className="underline">progress page</Link>.
        </p>
      )}
      {result.lapse && (
        <figure className="space-y-2 border-l-4 border-accent pl-4" data-testid="lapse-passage">
          <figcaption className="text-sm font-medium text-muted">From the article</figcaption>
          <blockquote className="font-serif text-lg leading-relaxed">“{result.quote}”</blockquote>
          <Link href={result.readerUrl} className="link text-sm">
            Read this passage in context →
          </Link>
        </figure>
      )}
      {card.autoGraded && (
        <div className="space-y-2">
          <p className="text-sm text-muted">
            Rated <strong>{RATING_LABELS[result.rating]}</strong> · next in {result.interval}. Disagree? Pick another rating.
          </p>
          <RatingButtons intervals={result.alternatives} current={result.rating} busy={busy} onRate={onOverride} />
        </div>
      )}
      <button type="button" className="btn-primary w-full py-3" onClick={onNext} disabled={busy} autoFocus>
        Continue <kbd className="ml-1 text-xs opacity-70">Enter</kbd>
      </button>
    </div>
  );
}

function Summary({ stats, queue, slug }: { stats: SessionStats; queue: Queue | null; slug: string }) {
  const minutes = Math.max(1, Math.round(((stats.finishedAt ?? stats.startedAt) - stats.startedAt) / 60_000));
  const accuracy = stats.reviews ? Math.round(((stats.reviews - stats.again) / stats.reviews) * 100) : null;
  return (
    <section className="card space-y-4" data-testid="session-summary" aria-labelledby="summary-heading">
      <h1 id="summary-heading" className="text-xl font-semibold">
        {stats.reviews ? "Session complete" : "Nothing due right now"}
      </h1>
      <dl className="grid grid-cols-3 gap-3 text-center">
        <div className="rounded-lg bg-canvas p-3">
          <dt className="text-xs text-muted">Cards</dt>
          <dd className="text-2xl font-bold tabular-nums">{stats.reviews}</dd>
        </div>
        <div className="rounded-lg bg-canvas p-3">
          <dt className="text-xs text-muted">Recalled</dt>
          <dd className="text-2xl font-bold tabular-nums">{accuracy === null ? "–" : `${accuracy}%`}</dd>
        </div>
        <div className="rounded-lg bg-canvas p-3">
          <dt className="text-xs text-muted">Time</dt>
          <dd className="text-2xl font-bold tabular-nums">{minutes}m</dd>
        </div>
      </dl>
      <p className="text-muted">
        {queue?.nextDueAt ? <>Your next cards are due {describeWhen(queue.nextDueAt)}.</> : <>No cards are scheduled yet.</>}
      </p>
      <div className="flex flex-wrap gap-2">
        <Link href="/progress" className="btn-primary">
          See your progress
        </Link>
        <Link href={`/decks/${slug}`} className="btn-secondary">
          Back to the deck
        </Link>
      </div>
    </section>
  );
}
