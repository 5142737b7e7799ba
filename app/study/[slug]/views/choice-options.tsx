import type { CardQuestionProps } from "@/app/study/[slug]/cards/card-props";

/** The options of a choice card (multiple choice, true/false, viewpoint), numbered for the keyboard. */
export function ChoiceOptions({ card, answer, busy, onEdit, onCheck }: CardQuestionProps) {
  return (
    <div className="space-y-3">
      <div role="radiogroup" aria-label="Options" className="grid gap-2">
        {card.options.map((option, i) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={answer.choice === option}
            onClick={() => onEdit({ type: "choicePicked", choice: option })}
            onDoubleClick={() => onCheck({ kind: "choice", choice: option })}
            className={`flex items-start gap-3 rounded-lg border px-4 py-3 text-left transition-colors ${answer.choice === option ? "border-accent bg-accent-soft" : "border-line hover:bg-canvas"}`}
          >
            <kbd className="mt-0.5 rounded border border-line px-1.5 text-xs text-muted">{i + 1}</kbd>
            <span>{option}</span>
          </button>
        ))}
      </div>
      <button
        type="button"
        className="btn-primary w-full sm:w-auto"
        disabled={busy || !answer.choice}
        onClick={() => onCheck()}
      >
        Check <kbd className="ml-1 text-xs opacity-70">Enter</kbd>
      </button>
    </div>
  );
}
