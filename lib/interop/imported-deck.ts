import type { Rating } from "@/lib/srs";

/**
 * What an imported file holds, before it becomes a Clio deck: plain-text cards (basic or cloze),
 * their tags, and for Anki packages the review history. Pure data: readers (anki/read.ts, csv.ts)
 * produce it; import-deck.ts turns it into a deck file and stores it.
 */

export type ImportedReview = { rating: Rating; reviewedAt: Date };

/** Anki's scheduling of a card with no review history (intervals and ease only). */
export type ImportedSchedule = { intervalDays: number; easeFactor: number; due: Date; lapses: number; reps: number };

export type ImportedCard = {
  /** Stable within the source (Anki note id and cloze number, CSV row): becomes the card id. */
  sourceId: string;
  kind: "basic" | "cloze";
  /** basic: the question; cloze: the sentence with its one blank written as ____. */
  prompt: string;
  answer: string;
  /** The passage the card comes from: the note's text (cloze: with every blank filled in). */
  source: string;
  /** Anki's extra fields or a CSV's explanation column; empty when there is none. */
  explanation: string;
  tags: string[];
  reviews: ImportedReview[];
  schedule: ImportedSchedule | null;
  /** FSRS memory state Anki stored on the card (Anki 23.10+ with FSRS on), when present. */
  memory: { stability: number; difficulty: number } | null;
};

export type SkipReason = { reason: string; count: number; examples: string[] };

export type ImportedDeck = {
  title: string;
  format: "apkg" | "csv";
  cards: ImportedCard[];
  /** Notes or rows left out, grouped by why. */
  skipped: SkipReason[];
  /** Images, sounds and videos referenced by the fields: never imported. */
  mediaSkipped: number;
};

/** Collects skip reasons while reading, grouped, with the first few examples of each. */
export class SkipTally {
  private readonly byReason = new Map<string, SkipReason>();
  add(reason: string, example: string): void {
    const entry = this.byReason.get(reason) ?? { reason, count: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < 3) entry.examples.push(example.slice(0, 80));
    this.byReason.set(reason, entry);
  }
  list(): SkipReason[] {
    return [...this.byReason.values()];
  }
}
