import Link from "next/link";
import { RATING_LABELS, type QueueCard, type Rating, type ReviewResult } from "@/app/study/[slug]/study-client";
import { RatingButtons } from "@/app/study/[slug]/views/rating-buttons";
import type { AnswerDraft } from "@/app/study/[slug]/study-state";

/** After checking (or a forgotten self-graded card): the verdict, the answer, the passage after a lapse, and another rating on offer. */
export function AnswerResult({
  card,
  answer,
  result,
  busy,
  onOverride,
  onNext,
}: {
  card: QueueCard;
  /** What the student sent: shown beside the right answer when it was wrong. */
  answer: AnswerDraft;
  result: ReviewResult;
  busy: boolean;
  onOverride: (r: Rating) => void;
  onNext: () => void;
}) {
  return (
    <div className="space-y-4" data-testid="answer-result">
      {result.correct !== null && (
        <p className={`text-lg font-semibold ${result.correct ? "text-good" : "text-bad"}`}>
          {result.correct ? "Correct" : "Not quite"}
        </p>
      )}
      {result.correct === false && yourAnswer(card, answer) && (
        <p data-testid="your-answer">
          <span className="text-sm text-muted">You answered </span>
          <span className="font-medium">{yourAnswer(card, answer)}</span>
        </p>
      )}
      <div className="rounded-lg bg-canvas p-4">
        <p className="text-sm text-muted">Answer</p>
        <p className="font-semibold">{result.expected}</p>
        <p className="mt-2 text-sm">{result.explanation}</p>
      </div>
      {result.state.suspended && (
        <p role="status" className="rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          You have forgotten this card {result.state.lapses} times, so it is suspended as a leech. Reread its passage,
          then bring it back from your{" "}
          <Link href="/progress" className="underline">
            progress page
          </Link>
          .
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
            Rated <strong>{RATING_LABELS[result.rating]}</strong> · next in {result.interval}. Disagree? Pick another
            rating.
          </p>
          <RatingButtons intervals={result.alternatives} current={result.rating} busy={busy} onRate={onOverride} />
        </div>
      )}
      <button
        type="button"
        className="btn-primary w-full py-3"
        onClick={onNext}
        disabled={busy}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- Enter continues: the only next step once the result is read
        autoFocus
      >
        Continue <kbd className="ml-1 text-xs pointer-coarse:hidden">Enter</kbd>
      </button>
    </div>
  );
}

function yourAnswer(card: QueueCard, answer: AnswerDraft): string | null {
  if (card.responseKind === "choice") return answer.choice;
  if (card.responseKind === "text") return answer.text.trim() || null;
  if (card.responseKind === "order") return answer.order.join(" → ");
  return null;
}
