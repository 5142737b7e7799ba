import { z } from "zod";
import { distance } from "fastest-levenshtein";
import type { Rating } from "@/lib/srs";

// Pure: checks answers and turns them into FSRS ratings. No database, no clock.

export const CARD_TYPES = ["basic", "cloze", "multiple_choice", "true_false", "viewpoint", "timeline"] as const;
export type CardType = (typeof CARD_TYPES)[number];

/**
 * What grading needs of a card (the `Card` row's columns). `extra` may hold `acceptedAnswers`
 * (cloze), `events` (timeline; `options` are their labels, earliest first), `correction`
 * (true_false) and `party` (viewpoint).
 */
export interface GradableCard {
  type: CardType;
  answer: string;
  options: string[];
  extra: Record<string, unknown>;
}

/**
 * A student's answer, as the browser sends it: a picked option, typed text, or an ordering.
 *
 * @example
 * const response = AnswerResponseSchema.parse(await request.json()); // 4xx on failure
 */
export const AnswerResponseSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("choice"), choice: z.string().min(1, { error: "Pick one of the options." }).max(2000) }),
    z.object({ kind: z.literal("text"), text: z.string().max(2000, { error: "That answer is too long." }) }),
    z.object({
      kind: z.literal("order"),
      order: z.array(z.string().max(2000)).min(1, { error: "Put the events in order." }).max(100),
    }),
  ],
  { error: 'An answer is { kind: "choice", choice }, { kind: "text", text } or { kind: "order", order }.' },
);
export type AnswerResponse = z.infer<typeof AnswerResponseSchema>;
export type ResponseKind = AnswerResponse["kind"];

export interface AnswerCheck {
  correct: boolean;
  /** The right answer, to show after answering (a timeline's labels joined with " → "). */
  expected: string;
  /** Typed answers only: accepted thanks to typo forgiveness, so show the correct spelling. */
  close?: boolean;
}

export type AnswerCheckErrorCode = "invalid_response" | "not_auto_graded" | "wrong_response_kind" | "unknown_choice" | "invalid_order";

/** Every answer-checking error: the response cannot be graded against this card (map to 422). */
export abstract class AnswerCheckError extends Error {
  abstract readonly code: AnswerCheckErrorCode;
}

export class InvalidResponseError extends AnswerCheckError {
  readonly code = "invalid_response";
  readonly name = "InvalidResponseError";
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`Invalid answer: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`);
  }
}

/** A basic card, or a viewpoint card without options: the student grades it themself. */
export class NotAutoGradedError extends AnswerCheckError {
  readonly code = "not_auto_graded";
  readonly name = "NotAutoGradedError";
  constructor(readonly cardType: CardType) {
    super(`This ${cardType.replace("_", " ")} card is self-graded: rate it instead of sending an answer.`);
  }
}

export class ResponseKindMismatchError extends AnswerCheckError {
  readonly code = "wrong_response_kind";
  readonly name = "ResponseKindMismatchError";
  constructor(
    readonly cardType: CardType,
    readonly expectedKind: ResponseKind,
    readonly receivedKind: ResponseKind,
  ) {
    super(`A ${cardType.replace("_", " ")} card takes a "${expectedKind}" answer, not "${receivedKind}".`);
  }
}

export class UnknownChoiceError extends AnswerCheckError {
  readonly code = "unknown_choice";
  readonly name = "UnknownChoiceError";
  constructor(readonly choice: string) {
    super(`"${choice}" is not one of this card's options.`);
  }
}

export class InvalidOrderError extends AnswerCheckError {
  readonly code = "invalid_order";
  readonly name = "InvalidOrderError";
  constructor() {
    super("The order must list each of the card's events exactly once.");
  }
}

function expectedResponseKind(card: GradableCard): ResponseKind | null {
  switch (card.type) {
    case "multiple_choice":
    case "true_false":
      return "choice";
    case "viewpoint":
      return card.options.length > 0 ? "choice" : null;
    case "cloze":
      return "text";
    case "timeline":
      return "order";
    case "basic":
      return null;
  }
}

/**
 * Whether the server checks this card's answers: multiple choice, true/false, cloze (typed),
 * timeline, and viewpoint cards with options. Basic cards and option-less viewpoint cards are
 * self-graded (the student picks again/hard/good/easy).
 *
 * @example
 * isAutoGraded({ type: "viewpoint", answer: "Russia", options: [], extra: {} }); // false
 */
export function isAutoGraded(card: GradableCard): boolean {
  return expectedResponseKind(card) !== null;
}

/**
 * Checks a response against an auto-graded card.
 * - choice (multiple choice, true/false, viewpoint with options): must be one of `options`, exactly
 *   as sent to the browser (`UnknownChoiceError` otherwise); right when it is `answer`.
 * - text (cloze): forgiving; see `matchTypedAnswer`. `acceptedAnswers` count as right too.
 * - order (timeline): must list each option once (`InvalidOrderError` otherwise); right only in
 *   exactly the chronological order of `options`.
 * Throws `InvalidResponseError` for a malformed response, `NotAutoGradedError` for a self-graded
 * card and `ResponseKindMismatchError` for the wrong kind of response: all are `AnswerCheckError`s.
 *
 * @example
 * checkAnswer(clozeCard, { kind: "text", text: "the treaty of versailes" });
 * // { correct: true, expected: "Treaty of Versailles", close: true }
 */
export function checkAnswer(card: GradableCard, response: AnswerResponse): AnswerCheck {
  const parsed = AnswerResponseSchema.safeParse(response);
  if (!parsed.success) {
    throw new InvalidResponseError(parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })));
  }
  const expectedKind = expectedResponseKind(card);
  if (expectedKind === null) throw new NotAutoGradedError(card.type);
  const answer = parsed.data;
  if (answer.kind !== expectedKind) throw new ResponseKindMismatchError(card.type, expectedKind, answer.kind);

  switch (answer.kind) {
    case "choice": {
      if (!card.options.includes(answer.choice)) throw new UnknownChoiceError(answer.choice);
      return { correct: answer.choice === card.answer, expected: card.answer };
    }
    case "text": {
      const match = matchTypedAnswer(answer.text, [card.answer, ...acceptedAnswersOf(card)]);
      return { correct: match !== "wrong", expected: card.answer, close: match === "close" };
    }
    case "order": {
      if (!isPermutation(answer.order, card.options)) throw new InvalidOrderError();
      return {
        correct: answer.order.every((label, index) => label === card.options[index]),
        expected: card.answer.trim() === "" ? card.options.join(" → ") : card.answer,
      };
    }
  }
}

function acceptedAnswersOf(card: GradableCard): string[] {
  const accepted = card.extra.acceptedAnswers;
  return Array.isArray(accepted) ? accepted.filter((item): item is string => typeof item === "string") : [];
}

function isPermutation(order: string[], options: string[]): boolean {
  if (order.length !== options.length) return false;
  const counts = new Map<string, number>();
  for (const option of options) counts.set(option, (counts.get(option) ?? 0) + 1);
  for (const label of order) {
    const left = counts.get(label) ?? 0;
    if (left === 0) return false;
    counts.set(label, left - 1);
  }
  return true;
}

// --- Typed answers ---------------------------------------------------------------------------

export type TypedMatch = "exact" | "close" | "wrong";

/**
 * Compares a typed answer with the accepted answers, forgiving what does not change the answer:
 * case, accents and other diacritics, punctuation and spacing ("Austria-Hungary" = "austria hungary",
 * "U.S.A." = "USA", "1,000" = "1000"), and a leading "the", "a" or "an". That is an "exact" match.
 *
 * Then a small typo is forgiven ("close"): an edit distance (Damerau: a swap of two neighbouring
 * letters counts as one edit) of 1 for answers of 4–8 letters and 2 for longer ones; none below
 * 4 letters. Never for numbers: every number (digits or Roman numerals) must be exactly right,
 * so "2008" vs "2009" and "Henry VII" vs "Henry VIII" are wrong. And never on the first or last
 * letter, which is where one letter makes a different name: "Iran"/"Iraq", "Russia"/"Prussia",
 * "Mali"/"Bali".
 *
 * @example
 * matchTypedAnswer("Versailes", ["Versailles"]); // "close"
 * matchTypedAnswer("2009", ["2008"]);           // "wrong"
 */
export function matchTypedAnswer(text: string, acceptedAnswers: string[]): TypedMatch {
  const given = normalizeAnswer(text);
  if (given.compact === "") return "wrong";
  const accepted = acceptedAnswers.map(normalizeAnswer).filter((answer) => answer.compact !== "");
  if (accepted.some((answer) => answer.compact === given.compact)) return "exact";
  if (accepted.some((answer) => isSmallTypo(given, answer))) return "close";
  return "wrong";
}

interface NormalizedAnswer {
  /** Letters and digits only (a decimal point kept), lower case, without a leading article. */
  compact: string;
  /** Tokens that are numbers (with a digit, or a Roman numeral), in order. */
  numbers: string[];
  letterCount: number;
}

// Letters NFKD does not decompose into a base letter plus a mark.
const FOLDED_LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };
const ARTICLES = new Set(["the", "a", "an"]);
const ROMAN_NUMERAL = /^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;

function normalizeAnswer(text: string): NormalizedAnswer {
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    // "1,000" is 1000; a comma before anything but three digits is punctuation.
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
  // Drop punctuation and symbols, except a decimal point: "3.5" is not "35".
  const spaced = folded.replace(/[\p{P}\p{S}]/gu, (mark, offset: number) =>
    mark === "." && /\d/.test(folded[offset - 1] ?? "") && /\d/.test(folded[offset + 1] ?? "") ? "." : " ",
  );
  const tokens = spaced.split(/\s+/).filter((token) => token !== "");
  if (tokens.length > 1 && ARTICLES.has(tokens[0] ?? "")) tokens.shift();
  const compact = tokens.join("");
  return {
    compact,
    numbers: tokens.filter((token) => /\d/.test(token) || ROMAN_NUMERAL.test(token)),
    letterCount: compact.replace(/[^\p{L}]/gu, "").length,
  };
}

function allowedTypos(letterCount: number): number {
  if (letterCount < 4) return 0;
  return letterCount <= 8 ? 1 : 2;
}

function isSmallTypo(given: NormalizedAnswer, expected: NormalizedAnswer): boolean {
  const limit = allowedTypos(expected.letterCount);
  if (limit === 0) return false;
  if (given.numbers.length !== expected.numbers.length || given.numbers.some((token, i) => token !== expected.numbers[i])) return false;
  const [a, b] = [given.compact, expected.compact];
  if (a[0] !== b[0] || a.at(-1) !== b.at(-1)) return false;
  return isWithinEditDistance(a, b, limit);
}

/** Damerau (optimal string alignment) distance ≤ limit. fastest-levenshtein does the common case. */
function isWithinEditDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  const levenshtein = distance(a, b);
  if (levenshtein <= limit) return true;
  // Each swap of neighbours costs 2 in Levenshtein and 1 here, so only then can the answers differ.
  if (levenshtein > 2 * limit) return false;
  return optimalStringAlignment(a, b) <= limit;
}

function optimalStringAlignment(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const d: number[] = new Array<number>(rows * columns).fill(0);
  const at = (i: number, j: number) => d[i * columns + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * columns] = i;
  for (let j = 0; j < columns; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * columns + j] = best;
    }
  }
  return at(a.length, b.length);
}

// --- Ratings from answers --------------------------------------------------------------------

/** At most this fraction of the student's typical time: "easy". */
export const FAST_ANSWER_RATIO = 0.5;
/** At least this multiple of the student's typical time: "hard". */
export const SLOW_ANSWER_RATIO = 2;
/** Faster than this, the time is not a person reading and answering (a double submit, a clock bug): ignored. */
export const MIN_PLAUSIBLE_ANSWER_MS = 200;
/** Longer times count as this: the student likely looked away, and one such time must not skew a median. */
export const MAX_COUNTED_ANSWER_MS = 5 * 60_000;
/** `typicalAnswerMs` looks at this many recent correct answers... */
export const TYPICAL_ANSWER_WINDOW = 20;
/** ...and needs at least this many to say anything. */
export const MIN_TYPICAL_ANSWER_SAMPLES = 3;

/** The time counted for an answer, or null when it cannot be a real answer time. */
function countedAnswerMs(ms: number | null | undefined): number | null {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < MIN_PLAUSIBLE_ANSWER_MS) return null;
  return Math.min(ms, MAX_COUNTED_ANSWER_MS);
}

/**
 * The FSRS rating for an auto-graded answer. Wrong: "again". Right: "good", or "easy" when the
 * answer took at most half (FAST_ANSWER_RATIO) of the student's typical time for this kind of card,
 * or "hard" when it took at least twice (SLOW_ANSWER_RATIO) as long. Without a typical time (too
 * little history) or without a believable answer time (under 200 ms, negative, missing) a right
 * answer is "good". Times over 5 minutes count as 5 minutes.
 *
 * @example
 * ratingFromAnswer({ correct: true, answerMs: 2_000, typicalMs: 6_000 }); // "easy"
 * ratingFromAnswer({ correct: true, answerMs: 9_000, typicalMs: null });  // "good"
 */
export function ratingFromAnswer({ correct, answerMs, typicalMs }: { correct: boolean; answerMs: number | null; typicalMs: number | null }): Rating {
  if (!correct) return "again";
  const answer = countedAnswerMs(answerMs);
  const typical = countedAnswerMs(typicalMs);
  if (answer === null || typical === null) return "good";
  if (answer <= FAST_ANSWER_RATIO * typical) return "easy";
  if (answer >= SLOW_ANSWER_RATIO * typical) return "hard";
  return "good";
}

/**
 * A student's typical time to answer a kind of card correctly: the median of their most recent 20
 * believable correct-answer times (see `ratingFromAnswer` for what counts), or null with fewer
 * than 3. Pass the times newest first, as from `orderBy: { reviewedAt: "desc" }`.
 *
 * @example
 * typicalAnswerMs([4_000, 6_000, 5_000, 30_000]); // 5_500
 * typicalAnswerMs([4_000, 6_000]);                // null
 */
export function typicalAnswerMs(recentCorrectTimes: number[]): number | null {
  const counted = recentCorrectTimes
    .map(countedAnswerMs)
    .filter((ms): ms is number => ms !== null)
    .slice(0, TYPICAL_ANSWER_WINDOW)
    .sort((a, b) => a - b);
  if (counted.length < MIN_TYPICAL_ANSWER_SAMPLES) return null;
  const middle = Math.floor(counted.length / 2);
  const median = counted.length % 2 === 1 ? counted[middle] : ((counted[middle - 1] ?? 0) + (counted[middle] ?? 0)) / 2;
  return median === undefined ? null : Math.round(median);
}
