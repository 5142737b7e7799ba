import { entityKey, type Inventory } from "./inventory";
import { isTechnicalTerm, type Mention } from "./mentions";
import type { Sentence } from "./segment";
import { collapseSpaces, countWords } from "./text";

/** A sentence with what it names, as the card builders see it. */
export type Analyzed = {
  sentence: Sentence;
  mentions: Mention[];
  /** Inventory key of each mention, in the same order. */
  keys: string[];
  /** How informative the sentence is (see scoreSentence). */
  score: number;
};

export type ArticleContext = {
  /** The article as given (for aliases: only names the article itself uses are accepted). */
  text: string;
  analyzed: Analyzed[];
  inventory: Inventory;
  surnames: ReadonlyMap<string, string>;
  /** Every sentence of the article, by index (skipped ones too): context carried into a prompt. */
  sentences: Sentence[];
};

const MENTION_WEIGHT: Record<Mention["kind"], number> = {
  person: 3,
  year: 3,
  number: 2,
  organization: 2,
  term: 2,
  place: 1.5,
  decade: 1,
};
/** What leaning on the sentence before costs a sentence's score (given back when a card carries that context in). */
export const CONTEXT_PENALTY = 2;
const CONTEXT_DEPENDENT_START =
  /^(?:this|that|these|those|it|its|they|their|them|he|she|his|her|such|both|the latter|the former)\b/i;

/**
 * How much a sentence teaches: distinct names, dates, numbers and terms, less for sentences that
 * lean on the previous one ("This was…") or are very long or short.
 */
export function scoreSentence(sentence: Sentence, mentions: Mention[], keys: string[]): number {
  const distinct = new Map<string, Mention>();
  mentions.forEach((mention, k) => distinct.set(keys[k] ?? String(k), mention));
  let score = 0;
  for (const mention of distinct.values()) {
    // Lower-case key terms ("guarantees") say less than a named one ("Budapest Memorandum").
    const common = mention.kind === "term" && /^[a-z]/.test(mention.text);
    score += common ? (isTechnicalTerm(mention.text) ? 1.5 : 0.75) : MENTION_WEIGHT[mention.kind];
  }
  score = Math.min(score, 12);
  if (CONTEXT_DEPENDENT_START.test(sentence.text)) score -= CONTEXT_PENALTY;
  if (sentence.words > 45) score -= 2;
  else if (sentence.words > 35) score -= 1;
  if (sentence.words < 10) score -= 1;
  return Math.round(score * 100) / 100;
}

export function keysOf(mentions: Mention[], surnames: ReadonlyMap<string, string>): string[] {
  return mentions.map((mention) => entityKey(mention, surnames));
}

/** The sentence with one span replaced: `____` for a cloze, another name for a false statement. */
export function replaceSpan(text: string, start: number, end: number, replacement: string): string {
  return collapseSpaces(`${text.slice(0, start)}${replacement}${text.slice(end)}`);
}

/** Whether the answer (or its surname) shows elsewhere in the sentence, giving the blank away. */
export function appearsElsewhere(text: string, mention: Mention, forms: string[]): boolean {
  const rest = `${text.slice(0, mention.start)} ${text.slice(mention.end)}`;
  return [mention.text, ...forms].some((form) => countWords(rest, form) > 0);
}

// Openers that tie a sentence to the one before; a statement stands alone without them.
const DISCOURSE_OPENER =
  /^(?:moreover|however|nevertheless|nonetheless|similarly|likewise|in parallel|more importantly|therefore|thus|meanwhile|indeed|in addition|also|still|yet|but|and|so|then|instead(?! of)|in fact|as a result|at the same time|for example|for instance|in this way|it should be recalled that|it is worth noting that|notably|importantly|crucially|finally|first|second|third),?\s+/i;

/** A sentence as a stand-alone statement: Markdown gone, leading "Moreover," dropped. */
export function asStatement(text: string): string {
  const stripped = text.replace(DISCOURSE_OPENER, "");
  return collapseSpaces(stripped.charAt(0).toUpperCase() + stripped.slice(1));
}

export function startsWithContextWord(text: string): boolean {
  return CONTEXT_DEPENDENT_START.test(asStatement(text));
}

const MAX_POINT_WORDS = 35;

/**
 * The point of the passage around a sentence, for an explanation that teaches rather than says
 * where the sentence sits: the paragraph's opening sentence, or (for the opening sentence itself)
 * the sentence after it. Empty when the paragraph has nothing else to say.
 */
export function passagePoint(context: ArticleContext, item: Analyzed): string {
  const same = context.analyzed.filter(
    (other) => other.sentence.paragraph === item.sentence.paragraph && other !== item,
  );
  const opening = same.find((other) => other.sentence.index < item.sentence.index);
  const pick = opening ?? same.find((other) => other.sentence.index > item.sentence.index);
  if (!pick || pick.sentence.words > MAX_POINT_WORDS) return "";
  return asStatement(pick.sentence.text);
}

/** "In context: …" when the passage has a point to add, else "". */
export function inContext(context: ArticleContext, item: Analyzed): string {
  const point = passagePoint(context, item);
  return point === "" ? "" : ` In context: ${point}`;
}
