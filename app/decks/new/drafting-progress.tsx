"use client";

import { useEffect, useState } from "react";

const STEPS = [
  "Splitting the article into paragraphs and sentences",
  "Choosing what it argues: the lead, the thesis, claims and who makes them",
  "Writing one card per important sentence, then checking each",
  "Opening the draft for your review",
];

/**
 * What the page shows while the server action drafts the cards. The action reports nothing until it
 * is done, so the bar is indeterminate and the steps say what happens, not which one is running;
 * the seconds show that it is still working.
 */
export function DraftingProgress({ words }: { words: number }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div
      role="status"
      className="w-full space-y-2 rounded-lg bg-accent-soft px-3 py-3 text-sm"
      data-testid="drafting-progress"
    >
      <p className="font-semibold">
        Drafting cards{words > 0 ? ` from ${words.toLocaleString("en-US")} words` : ""}…{" "}
        <span className="font-normal text-muted tabular-nums" aria-hidden="true">
          {seconds} s
        </span>
      </p>
      <progress className="h-1.5 w-full accent-accent" aria-label="Drafting the cards" />
      <ol className="list-decimal space-y-0.5 pl-5 text-muted">
        {STEPS.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </div>
  );
}
