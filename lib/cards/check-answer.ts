import {
  AnswerResponseSchema,
  InvalidResponseError,
  NotAutoGradedError,
  ResponseKindMismatchError,
  type AnswerCheck,
  type AnswerResponse,
  type StoredCard,
} from "./answers";
import type { RatingPolicy } from "./kind";
import { cardKind } from "./registry";

/**
 * Whether the server checks this card's answers: its kind takes an answer (multiple choice,
 * true/false, cloze, timeline, and viewpoint cards with options). Basic cards and option-less
 * viewpoint cards are self-graded (the student picks again/hard/good/easy).
 *
 * @example
 * isAutoGraded({ type: "viewpoint", answer: "Russia", options: [], extra: {} }); // false
 */
export function isAutoGraded(card: StoredCard): boolean {
  return cardKind(card.type).responseKind(card) !== null;
}

/**
 * Checks a response against an auto-graded card, as its kind checks it:
 * - choice (multiple choice, true/false, viewpoint with options): must be one of `options`, exactly
 *   as sent to the browser (`UnknownChoiceError` otherwise); right when it is `answer`.
 * - text (cloze): forgiving; see `matchTypedAnswer`. `acceptedAnswers` count as right too.
 * - order (timeline): must list each option once (`InvalidOrderError` otherwise); right only in
 *   exactly the chronological order of `options`.
 * - dont_know (any auto-graded card): wrong, with `gaveUp`: an honest "again" rather than a guess.
 * Throws `InvalidResponseError` for a malformed response, `NotAutoGradedError` for a self-graded
 * card and `ResponseKindMismatchError` for the wrong kind of response: all are `AnswerCheckError`s.
 *
 * @example
 * checkAnswer(clozeCard, { kind: "text", text: "the treaty of versailes" });
 * // { correct: true, expected: "Treaty of Versailles", close: true }
 */
export function checkAnswer(card: StoredCard, response: AnswerResponse): AnswerCheck {
  const parsed = AnswerResponseSchema.safeParse(response);
  if (!parsed.success) {
    throw new InvalidResponseError(
      parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    );
  }
  const kind = cardKind(card.type);
  const expectedKind = kind.responseKind(card);
  if (expectedKind === null) throw new NotAutoGradedError(card.type);
  if (parsed.data.kind === "dont_know") {
    return {
      correct: false,
      expected: card.answer.trim() === "" ? card.options.join(" → ") : card.answer,
      gaveUp: true,
    };
  }
  if (parsed.data.kind !== expectedKind) throw new ResponseKindMismatchError(card.type, expectedKind, parsed.data.kind);
  return kind.checkResponse(card, parsed.data);
}

/**
 * What a right answer on this card is evidence of: recall, or recognition with its chance of a
 * lucky guess. Its kind decides (lib/cards kind modules); lib/study/grading.ts applies it.
 *
 * @example
 * ratingPolicyOf({ type: "true_false", answer: "True", options: ["True", "False"], extra: {} });
 * // { evidence: "recognition", guessChance: 0.5 }
 */
export function ratingPolicyOf(card: StoredCard): RatingPolicy {
  return cardKind(card.type).ratingPolicy(card);
}
