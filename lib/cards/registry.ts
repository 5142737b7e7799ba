import { z } from "zod";
import type { AnswerCheck, AnswerResponse, ResponseKind, StoredCard } from "./answers";
import { basicCard } from "./basic";
import type { CardType } from "./card-type";
import { clozeCard } from "./cloze";
import type { DraftCard } from "./draft-card";
import { factOrOpinionCard } from "./fact-or-opinion";
import type { CardCommon, Finding, OptionOrder, RatingPolicy, RuleContext, StoredContent } from "./kind";
import { multipleChoiceCard } from "./multiple-choice";
import { timelineCard } from "./timeline";
import { trueFalseCard } from "./true-false";
import { viewpointCard } from "./viewpoint";

/**
 * Every kind of card, in CARD_TYPES order. To add a kind: write its module (see kind.ts), name its
 * type in card-type.ts and list it here, add it to the CardType enum in prisma/schema.prisma (with
 * a migration), and give the study page and the draft editor its view.
 */
const KINDS = [
  basicCard,
  clozeCard,
  multipleChoiceCard,
  trueFalseCard,
  viewpointCard,
  timelineCard,
  factOrOpinionCard,
] as const;
type Kinds = typeof KINDS;
// A type without a kind, or a kind without a type, fails to compile here.
const everyTypeHasItsKind: [CardType] extends [Kinds[number]["type"]]
  ? [Kinds[number]["type"]] extends [CardType]
    ? true
    : never
  : never = true;
void everyTypeHasItsKind;

/** A card in a content file, deck export or import: one of the kinds' schemas, told apart by `type`. */
type SchemasOf<T extends readonly unknown[]> = {
  -readonly [K in keyof T]: T[K] extends { schema: infer Schema } ? Schema : never;
};
export const CardSchema = z.discriminatedUnion("type", KINDS.map((kind) => kind.schema) as unknown as SchemasOf<Kinds>);
export type CardInput = z.infer<typeof CardSchema>;

const BY_TYPE = Object.fromEntries(KINDS.map((kind) => [kind.type, kind])) as {
  [T in CardType]: Extract<Kinds[number], { type: T }>;
};

/** What the study page and the generator read of a kind, whatever the kind. */
export interface CardKindInfo {
  type: CardType;
  label: string;
  idPrefix: string;
  optionOrder: OptionOrder;
  responseKind: (card: StoredCard) => ResponseKind | null;
  checkResponse: (card: StoredCard, response: AnswerResponse) => AnswerCheck;
  ratingPolicy: (card: StoredCard) => RatingPolicy;
  fields: string[];
  nestedRecords?: (card: Record<string, unknown>) => Array<{ where: string; record: unknown; known: string[] }>;
}

/** @example cardKind("multiple_choice").label // "Multiple choice" */
export function cardKind(type: CardType): CardKindInfo {
  const kind = BY_TYPE[type];
  return { ...kind, fields: Object.keys(kind.schema.shape) };
}

export function isCardType(value: unknown): value is CardType {
  return typeof value === "string" && Object.hasOwn(BY_TYPE, value);
}

/** Each kind's label, e.g. cloze: "Fill the blank". */
export const CARD_TYPE_LABELS = Object.fromEntries(KINDS.map((kind) => [kind.type, kind.label])) as Record<
  CardType,
  string
>;

// TypeScript cannot tie a card's `type` to the parameter type of its own kind's function, so each
// dispatcher below casts the kind's function to take any card; BY_TYPE[card.type] makes it right.

/** The content rules of the card's kind (a quote's own check is common, in lib/content/check.ts). */
export function checkCardRules(card: CardInput, context: RuleContext): Finding[] {
  return (BY_TYPE[card.type].rules as (card: CardInput, context: RuleContext) => Finding[])(card, context);
}

/** A content-file card as the Card table stores it: answer, options and extra. */
export function toStoredCard(card: CardInput): StoredContent {
  return (BY_TYPE[card.type].toStored as (card: CardInput) => StoredContent)(card);
}

/** A Card row as a content-file card (what `deck export` writes). */
export function fromStoredCard(common: CardCommon, type: CardType, stored: StoredContent): CardInput {
  return BY_TYPE[type].fromStored(common, stored);
}

/** A generated card as the draft editor holds it. */
export function toDraftCard(card: CardInput): DraftCard {
  return (BY_TYPE[card.type].toDraft as (card: CardInput) => DraftCard)(card);
}

/** A draft card as a content-file card, for CardSchema to check; blank options are dropped. */
export function fromDraftCard(card: DraftCard): Record<string, unknown> {
  return BY_TYPE[card.type].fromDraft(card);
}
