/** The keyboard shortcuts, and the undo link once there is a review to take back. */
export function KeyHints({ canUndo, busy, onUndo }: { canUndo: boolean; busy: boolean; onUndo: () => void }) {
  return (
    <p className="text-center text-xs text-muted">
      Keys: <kbd>Space</kbd> reveal · <kbd>1</kbd>–<kbd>4</kbd> rate · <kbd>Enter</kbd> check / continue ·{" "}
      <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo
      {canUndo && (
        <>
          {" · "}
          <button type="button" className="link" onClick={onUndo} disabled={busy}>
            Undo last review
          </button>
        </>
      )}
    </p>
  );
}
