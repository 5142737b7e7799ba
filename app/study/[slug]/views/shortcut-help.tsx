"use client";

import { useEffect, useRef } from "react";

const SHORTCUTS: [keys: string[], does: string][] = [
  [["Space", "Enter"], "Show the answer, or continue after a result"],
  [["1", "2", "3", "4"], "Rate Again, Hard, Good or Easy; after a checked answer, pick another rating"],
  [["1", "…"], "Pick an option, or mark a timeline event"],
  [["↑", "↓"], "Move the marked timeline event, or go through the options"],
  [["Enter"], "Check the answer"],
  [["Ctrl", "Z"], "Undo the last review"],
  [["?"], "This list"],
];

/**
 * The study page's keyboard shortcuts in a modal <dialog>: it keeps focus inside, Escape closes it,
 * and focus returns to where it was. Enter and Space on a focused link or button do what it says.
 */
export function ShortcutHelp({
  open,
  onClose,
  shortcuts = SHORTCUTS,
}: {
  open: boolean;
  onClose: () => void;
  /** Another page's keys (the draft editor's); the study page's by default. */
  shortcuts?: [keys: string[], does: string][];
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="shortcuts-heading"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface p-5 text-ink backdrop:bg-black/40"
      data-testid="shortcut-help"
    >
      <h2 id="shortcuts-heading" className="mb-3 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="space-y-2 text-sm">
        {shortcuts.map(([keys, does]) => (
          <div key={does} className="flex gap-3">
            <dt className="w-24 shrink-0">
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && " "}
                  <kbd className="rounded border border-line px-1.5">{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-muted">
        Enter and Space on a focused link or button do what it says. In a text field, keys type.
      </p>
      <form method="dialog" className="mt-4 text-right">
        <button
          type="submit"
          className="btn-primary"
          // eslint-disable-next-line jsx-a11y/no-autofocus -- a modal dialog puts focus inside it
          autoFocus
        >
          Close
        </button>
      </form>
    </dialog>
  );
}
