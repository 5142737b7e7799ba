import type { CardInput, CardType } from "../cards";
import type { SkipReason } from "./segment";

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;
/** A card before its id is assigned (ids come last, once the set of cards is final). */
export type CardBody = WithoutId<CardInput>;

/** One possible card, before ranking picks which to keep. */
export type Candidate = {
  body: CardBody;
  /** The sentence the card quotes (for timelines: the sentence of the card's `quote`). */
  sentence: number;
  paragraph: number;
  /** The entity the card asks for, so no answer is asked too often. */
  answerKey: string | null;
  /** Higher is better: how informative the sentence is and how good this card of it. */
  score: number;
  /** A few words for the card's id. */
  idWords: string;
};

/** A generated card with where its quote sits, for grouping drafts by paragraph in the editor. */
export type Draft = {
  card: CardInput;
  /** Index of the paragraph holding the card's quote (paragraphs are split on blank lines, from 0). */
  paragraph: number;
  /** Index of the quoted sentence among all the article's sentences. */
  sentence: number;
  /** The informativeness score the card was ranked by. */
  score: number;
};

export type SkippedSentence = { sentence: string; reason: SkipReason; paragraph: number };

export type GenerationStats = {
  paragraphs: number;
  sentences: number;
  /** Sentences quoted by at least one card. */
  used: number;
  skipped: number;
  skippedByReason: Partial<Record<SkipReason, number>>;
  cardsByType: Partial<Record<CardType, number>>;
  /** Candidate cards considered before ranking and limits. */
  candidates: number;
  /** Candidates the quality checks turned away, by the pattern they showed (lib/generate/checks.ts). */
  gated: Partial<Record<number, number>>;
};
