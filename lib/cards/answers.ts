import { z } from "zod";
import type { CardType } from "./card-type";
import { matchTypedAnswer } from "./typed-answer";

/**
 * Answers as the study page sends them, what checking one says, and the checks every kind builds
 * on (a picked option, typed text, an ordering). Which check a card gets is its kind's choice.
 * Pure: no database, no clock.
 */

/**
 * What checking needs of a card (the `Card` row's columns). `extra` holds what a kind keeps beyond
 * answer and options: `acceptedAnswers` (cloze), `events` (timeline; `options` are their labels,
 * earliest first), `correction` (true_false) and `party` (viewpoint).
 */
export interface StoredCard {
  type: CardType;
  answer: string;
  options: string[];
  extra: Record<string, unknown>;
}

/**
 * A student's answer, as the browser sends it: a picked option, typed text, an ordering, or "I don't
 * know" (any auto-graded card: an honest Again instead of a guess).
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
    z.object({ kind: z.literal("dont_know") }),
  ],
  {
    error:
      'An answer is { kind: "choice", choice }, { kind: "text", text }, { kind: "order", order } or { kind: "dont_know" }.',
  },
);
export type AnswerResponse = z.infer<typeof AnswerResponseSchema>;
/** What a card's kind asks for; "dont_know" is accepted by every auto-graded card besides. */
export type ResponseKind = Exclude<AnswerResponse["kind"], "dont_know">;

export interface AnswerCheck {
  correct: boolean;
  /** The right answer, to show after answering (a timeline's labels joined with " → "). */
  expected: string;
  /** Typed answers only: accepted thanks to typo forgiveness, so show the correct spelling. */
  close?: boolean;
  /** The student answered "I don't know". */
  gaveUp?: boolean;
}

export type AnswerCheckErrorCode =
  "invalid_response" | "not_auto_graded" | "wrong_response_kind" | "unknown_choice" | "invalid_order";

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
    readonly receivedKind: AnswerResponse["kind"],
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

/** A picked option: it must be one of `options`, exactly as sent to the browser; right when it is `answer`. */
export function checkChoice(card: StoredCard, response: AnswerResponse): AnswerCheck {
  if (response.kind !== "choice") throw new ResponseKindMismatchError(card.type, "choice", response.kind);
  if (!card.options.includes(response.choice)) throw new UnknownChoiceError(response.choice);
  return { correct: response.choice === card.answer, expected: card.answer };
}

/** Typed text, forgiving as `matchTypedAnswer` is; `accepted` are the answers that count as right. */
export function checkTyped(card: StoredCard, response: AnswerResponse, accepted: string[]): AnswerCheck {
  if (response.kind !== "text") throw new ResponseKindMismatchError(card.type, "text", response.kind);
  const match = matchTypedAnswer(response.text, accepted);
  return { correct: match !== "wrong", expected: card.answer, close: match === "close" };
}

/** An ordering of `options`: each listed once, right only in exactly the order of `options`. */
export function checkOrder(card: StoredCard, response: AnswerResponse): AnswerCheck {
  if (response.kind !== "order") throw new ResponseKindMismatchError(card.type, "order", response.kind);
  if (!isPermutation(response.order, card.options)) throw new InvalidOrderError();
  return {
    correct: response.order.every((label, index) => label === card.options[index]),
    expected: card.answer.trim() === "" ? card.options.join(" → ") : card.answer,
  };
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
