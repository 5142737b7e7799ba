import type { z } from "zod";
import type { AnswerCheck, AnswerResponse, ResponseKind, StoredCard } from "./answers";
import type { DraftCard } from "./draft-card";

/** A problem a content rule finds in a card: what is wrong, and what to do, neither with a final period. */
export type Finding = [message: string, fix: string];

/** What a kind's content rules may ask of the article the card quotes. */
export type RuleContext = {
  /** Why `quote` is not verbatim in the article, or null when it is. */
  quoteMiss: (quote: string) => { message: string; fix: string } | null;
};

/** The fields every card has, whatever its kind. */
export type CardCommon = { id: string; prompt: string; explanation: string; quote: string };

/** A card's kind-specific columns in the Card table (the rest are CardCommon's). */
export type StoredContent = Pick<StoredCard, "answer" | "options" | "extra">;

/**
 * What a right answer on a card says about the student's memory, which its rating follows
 * (lib/study/grading.ts; docs/learning.md). A new kind states its own.
 */
export interface RatingPolicy {
  /**
   * "recall": the student produced the answer (typed it, or said it to themself and graded it).
   * "recognition": the answer was on the screen to be picked or arranged, which is weaker evidence
   * of memory (McDaniel, Roediger & McDermott 2007) and can be right by chance.
   */
  evidence: "recall" | "recognition";
  /** Chance of a right answer with no memory of the card at all: 1/options for a pick, 0 for recall. */
  guessChance: number;
}

/** How the study page orders a card's options: as written, shuffled, or shuffled but never already in order. */
export type OptionOrder = "as-written" | "shuffled" | "shuffled-out-of-order";

/**
 * Everything specific to one kind of card. Adding a kind is one module exporting one of these
 * (registered in registry.ts) plus its UI component; nothing else switches on the type.
 */
export interface CardKind<Type extends string, Schema extends z.ZodObject<{ type: z.ZodLiteral<Type> }>> {
  type: Type;
  /** The kind as teachers and students see it named. */
  label: string;
  /** Starts the ids of generated cards of this kind (cloze-…, mc-…). */
  idPrefix: string;
  /** The card in a content file, deck export or import. */
  schema: Schema;
  /** The answer the study page takes: null when the student grades themself. */
  responseKind: (card: StoredCard) => ResponseKind | null;
  /** Checks a response of `responseKind(card)`'s kind; see answers.ts for the errors it throws. */
  checkResponse: (card: StoredCard, response: AnswerResponse) => AnswerCheck;
  optionOrder: OptionOrder;
  /** What a right answer is evidence of, which decides its rating (see RatingPolicy). */
  ratingPolicy: (card: StoredCard) => RatingPolicy;
  /** The rules content:check and publishing apply beyond the schema (the quote's own check is common). */
  rules: (card: z.output<Schema>, context: RuleContext) => Finding[];
  /** Content-file card -> the Card table's answer, options and extra. */
  toStored: (card: z.output<Schema>) => StoredContent;
  /** The Card table's row -> content-file card, as `deck export` writes it. */
  fromStored: (common: CardCommon, stored: StoredContent) => z.output<Schema>;
  /** Content-file card (a generated one) -> the draft editor's card. */
  toDraft: (card: z.output<Schema>) => DraftCard;
  /** The draft editor's card -> a content-file card to validate with `schema` (blank options dropped). */
  fromDraft: (card: DraftCard) => Record<string, unknown>;
  /** Records nested in the card whose fields zod would otherwise drop silently (a timeline's events). */
  nestedRecords?: (card: Record<string, unknown>) => Array<{ where: string; record: unknown; known: string[] }>;
}

/** Recall: typed or self-graded answers, which cannot be right by chance. */
export const RECALL: RatingPolicy = { evidence: "recall", guessChance: 0 };

/** Recognition: one of `options` picked, right by chance once in `options.length`. */
export function recognitionAmong(options: number): RatingPolicy {
  return { evidence: "recognition", guessChance: options > 0 ? 1 / options : 0 };
}

/** Identity with the types checked, so a kind module reads as a declaration. */
export function defineCardKind<Type extends string, Schema extends z.ZodObject<{ type: z.ZodLiteral<Type> }>>(
  kind: CardKind<Type, Schema>,
): CardKind<Type, Schema> {
  return kind;
}
