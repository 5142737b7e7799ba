/**
 * The one definition of the card types, in the order content files, forms and error messages list
 * them. Each has its module (registry.ts checks that every type has one and no module lacks a
 * type); the database's CardType enum is checked against this in lib/content/decks.ts.
 */
export const CARD_TYPES = [
  "basic",
  "cloze",
  "multiple_choice",
  "true_false",
  "viewpoint",
  "timeline",
  "fact_or_opinion",
] as const;
export type CardType = (typeof CARD_TYPES)[number];
