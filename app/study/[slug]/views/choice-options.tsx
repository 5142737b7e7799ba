import { useEffect, useRef } from "react";
import type { CardQuestionProps } from "@/app/study/[slug]/cards/card-props";
import { radioKey, radioTabStop } from "@/app/study/[slug]/study-keys";

/**
 * The options of a choice card (multiple choice, true/false, viewpoint): a radio group with one Tab
 * stop whose arrow keys move and select, numbered for the keyboard.
 */
export function ChoiceOptions({ card, answer, busy, onEdit, onCheck }: CardQuestionProps) {
  const group = useRef<HTMLDivElement>(null);
  const tabStop = radioTabStop(card.options, answer.choice);

  // A choice made by its number while an option has focus: focus follows the selection.
  useEffect(() => {
    const el = group.current;
    if (el && el.contains(document.activeElement)) el.querySelectorAll<HTMLElement>("[role=radio]")[tabStop]?.focus();
  }, [tabStop]);

  return (
    <div className="space-y-3">
      <div role="radiogroup" aria-label="Options" className="grid gap-2" ref={group}>
        {card.options.map((option, i) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={answer.choice === option}
            tabIndex={i === tabStop ? 0 : -1}
            onClick={() => onEdit({ type: "choicePicked", choice: option })}
            onDoubleClick={() => onCheck({ kind: "choice", choice: option })}
            onKeyDown={(e) => {
              if (e.altKey || e.ctrlKey || e.metaKey) return;
              const step = radioKey(e.key, i, card.options.length, answer.choice === option);
              if (!step) return;
              e.preventDefault();
              if (step.kind === "check") {
                if (!busy) onCheck();
                return;
              }
              onEdit({ type: "choicePicked", choice: card.options[step.index]! });
              group.current?.querySelectorAll<HTMLElement>("[role=radio]")[step.index]?.focus();
            }}
            className={`flex items-start gap-3 rounded-lg border px-4 py-3 text-left transition-colors ${answer.choice === option ? "border-accent bg-accent-soft" : "border-line hover:bg-canvas"}`}
          >
            <kbd className="mt-0.5 rounded border border-line px-1.5 text-xs text-muted pointer-coarse:hidden">
              {i + 1}
            </kbd>
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
        Check <kbd className="ml-1 text-xs pointer-coarse:hidden">Enter</kbd>
      </button>
    </div>
  );
}
