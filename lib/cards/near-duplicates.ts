import { distance } from "fastest-levenshtein";

/** What near-duplicate detection reads of a card: any kind, in the draft editor's flat shape. */
export interface DuplicateCandidate {
  id: string;
  prompt: string;
  answer: string;
  quote: string;
}

export type DuplicateReason = "same_quote_and_answer" | "similar_prompt" | "overlapping_words";

export interface NearDuplicate {
  /** The other card's id. */
  of: string;
  reason: DuplicateReason;
}

/** How alike two prompts must be (1 − edit distance / longer length) to count as one question asked twice. */
export const SIMILAR_PROMPT_RATIO = 0.8;
/** Share of content words two cards must share (Jaccard, over prompt and answer) to overlap. */
export const OVERLAP_RATIO = 0.6;
/** Fewer content words than this and word overlap says nothing (two short prompts share by chance). */
const MIN_OVERLAP_WORDS = 4;
// Edit distance is quadratic in length: past this a prompt's tail adds cost and no signal.
const COMPARED_CHARS = 200;
/**
 * Prompts this alike by edit distance share most of their words, so a pair sharing fewer (Jaccard
 * over all their words) skips the edit distance: it is what keeps 200 cards (19,900 pairs) fast.
 */
const PROMPT_WORDS_PREFILTER = 0.4;

const STOPWORDS = new Set(
  (
    "the a an and or but of to in on at by for with from as is are was were be been being it its this that these " +
    "those which who whom what when where why how did does do not no than then there their they he she his her " +
    "has have had will would can could should may might into about after before over under between against true false"
  ).split(" "),
);

/** Lower case, blanks and punctuation out, spaces collapsed: "In ____, Russia…" → "in russia". */
export function normalizeForComparison(text: string): string {
  return text
    .toLowerCase()
    .replace(/_{2,}/g, " ")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function contentWords(text: string): Set<string> {
  return new Set(
    normalizeForComparison(text)
      .split(" ")
      .filter((w) => w.length > 2 && !STOPWORDS.has(w)),
  );
}

/** 1 for identical strings, 0 for nothing in common; by edit distance on the first COMPARED_CHARS. */
export function similarity(a: string, b: string): number {
  const x = a.slice(0, COMPARED_CHARS);
  const y = b.slice(0, COMPARED_CHARS);
  const longer = Math.max(x.length, y.length);
  return longer === 0 ? 1 : 1 - distance(x, y) / longer;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Pairs of cards a reviewer should look at together because one may give the other away or spend
 * the budget twice: the same sentence with the same answer, prompts that differ by a few words, or
 * prompt-and-answer word sets that mostly overlap. Cards with an empty prompt (being written) are
 * left out. Each card maps to the others it nearly duplicates, with the first reason that matched.
 *
 * @example findNearDuplicates([a, b]).get(a.id) // [{ of: b.id, reason: "similar_prompt" }]
 */
export function findNearDuplicates(cards: readonly DuplicateCandidate[]): Map<string, NearDuplicate[]> {
  const prepared = cards
    .filter((c) => c.prompt.trim() !== "")
    .map((c) => ({
      id: c.id,
      prompt: normalizeForComparison(c.prompt),
      answer: normalizeForComparison(c.answer),
      quote: c.quote.trim(),
      words: contentWords(`${c.prompt} ${c.answer}`),
      promptWords: new Set(normalizeForComparison(c.prompt).split(" ")),
    }));
  const found = new Map<string, NearDuplicate[]>();
  const note = (a: string, b: string, reason: DuplicateReason) => {
    found.set(a, [...(found.get(a) ?? []), { of: b, reason }]);
    found.set(b, [...(found.get(b) ?? []), { of: a, reason }]);
  };
  for (let i = 0; i < prepared.length; i++) {
    const a = prepared[i]!;
    for (let j = i + 1; j < prepared.length; j++) {
      const b = prepared[j]!;
      if (a.quote === b.quote && a.answer !== "" && a.answer === b.answer) {
        note(a.id, b.id, "same_quote_and_answer");
      } else if (
        jaccard(a.promptWords, b.promptWords) >= PROMPT_WORDS_PREFILTER &&
        similarity(a.prompt, b.prompt) >= SIMILAR_PROMPT_RATIO
      ) {
        note(a.id, b.id, "similar_prompt");
      } else if (
        Math.min(a.words.size, b.words.size) >= MIN_OVERLAP_WORDS &&
        jaccard(a.words, b.words) >= OVERLAP_RATIO
      ) {
        note(a.id, b.id, "overlapping_words");
      }
    }
  }
  return found;
}

export const DUPLICATE_REASON_TEXT: Record<DuplicateReason, string> = {
  same_quote_and_answer: "same sentence and answer",
  similar_prompt: "almost the same question",
  overlapping_words: "mostly the same words",
};
