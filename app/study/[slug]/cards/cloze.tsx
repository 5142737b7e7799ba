import type { CardQuestionProps } from "@/app/study/[slug]/cards/card-props";

/** A fill-the-blank card: the student types the missing words. */
export function ClozeCard({ answer, busy, onEdit, onCheck }: CardQuestionProps) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onCheck();
      }}
      className="flex flex-col gap-2 sm:flex-row"
    >
      <label htmlFor="cloze-answer" className="sr-only">
        Your answer for the blank
      </label>
      <input
        id="cloze-answer"
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the card asks for typing: the student types without a click first
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={answer.text}
        onChange={(e) => onEdit({ type: "textTyped", text: e.target.value })}
        className="field-input"
        placeholder="Type the missing words"
      />
      <button type="submit" className="btn-primary" disabled={busy || !answer.text.trim()}>
        Check
      </button>
    </form>
  );
}
