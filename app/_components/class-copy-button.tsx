"use client";

import { useState } from "react";

/** Copies a text (the join link) and says so; where the clipboard is refused, the text stays selectable. */
export function ClassCopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className="btn-secondary py-1.5"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setCopied("yes");
          } catch {
            setCopied("no");
          }
        }}
      >
        {label}
      </button>
      <span role="status" className="text-sm text-muted">
        {copied === "yes" ? "Copied." : copied === "no" ? "Copy it from the box instead." : ""}
      </span>
    </span>
  );
}
