import type { QueueCard, Rating, Response } from "@/app/study/[slug]/study-client";
import type { AnswerAction, AnswerDraft } from "@/app/study/[slug]/study-state";

/** What every card kind's question view receives: the card, the student's answer so far, and the ways to act on it. */
export interface CardQuestionProps {
  card: QueueCard;
  answer: AnswerDraft;
  busy: boolean;
  onEdit: (action: AnswerAction) => void;
  /** Self-graded cards: records the student's rating. */
  onRate: (rating: Rating) => void;
  /** Auto-graded cards: checks the answer drafted so far, or `response` when given. */
  onCheck: (response?: Response) => void;
}
