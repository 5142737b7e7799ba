/** The keyboard shortcuts (not on touch screens), and the undo link once there is a review to take back. */
export function KeyHints({
  canUndo,
  busy,
  onUndo,
  onShowShortcuts,
}: {
  canUndo: boolean;
  busy: boolean;
  onUndo: () => void;
  onShowShortcuts: () => void;
}) {
  return (
    <p className="flex flex-wrap items-center justify-center gap-x-3 gap-y-1 text-center text-sm text-muted">
      <span className="pointer-coarse:hidden">
        <kbd>Space</kbd> reveal · <kbd>1</kbd>–<kbd>4</kbd> rate · <kbd>Enter</kbd> check / continue
      </span>
      <button type="button" className="link pointer-coarse:hidden" onClick={onShowShortcuts}>
        All shortcuts <kbd>?</kbd>
      </button>
      {canUndo && (
        <button type="button" className="link" onClick={onUndo} disabled={busy}>
          Undo last review
        </button>
      )}
    </p>
  );
}
