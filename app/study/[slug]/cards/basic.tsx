import type { CardQuestionProps } from "@/app/study/[slug]/cards/card-props";
import { RatingButtons } from "@/app/study/[slug]/views/rating-buttons";

/** A self-graded card: the student recalls, reveals the answer, then rates their recall. */
export function BasicCard({ card, answer, busy, onEdit, onRate }: CardQuestionProps) {
  if (!answer.revealed) {
    return (
      <button
        type="button"
        className="btn-primary w-full py-3"
        onClick={() => onEdit({ type: "answerRevealed" })}
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the next step of a study session by keyboard: Space or Enter reveals
        autoFocus
      >
        Show answer <kbd className="ml-1 text-xs pointer-coarse:hidden">Space</kbd>
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
