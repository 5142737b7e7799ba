/**
 * The card model: one module per kind of card (basic, cloze, multiple-choice, true-false,
 * viewpoint, timeline, fact-or-opinion) holding its fields, how its answers are checked, its label and its
 * conversions between content files, the Card table and the draft editor. Pure: no Prisma, no Next.
 */
export { CARD_TYPES, type CardType } from "./card-type";
export {
  CARD_TYPE_LABELS,
  CardSchema,
  cardKind,
  checkCardRules,
  fromDraftCard,
  fromStoredCard,
  isCardType,
  toDraftCard,
  toStoredCard,
  type CardInput,
  type CardKindInfo,
} from "./registry";
export type { CardCommon, Finding, OptionOrder, RatingPolicy, RuleContext, StoredContent } from "./kind";
export { RECALL, recognitionAmong } from "./kind";
export {
  AnswerCheckError,
  AnswerResponseSchema,
  InvalidOrderError,
  InvalidResponseError,
  NotAutoGradedError,
  ResponseKindMismatchError,
  UnknownChoiceError,
  type AnswerCheck,
  type AnswerCheckErrorCode,
  type AnswerResponse,
  type ResponseKind,
  type StoredCard,
} from "./answers";
export { checkAnswer, isAutoGraded, ratingPolicyOf } from "./check-answer";
export { matchTypedAnswer, type TypedMatch } from "./typed-answer";
export { DraftCardSchema, type DraftCard } from "./draft-card";
export { CardIdSchema } from "./fields";
export { BasicCardSchema } from "./basic";
export { CLOZE_BLANK, ClozeCardSchema } from "./cloze";
export { MultipleChoiceCardSchema } from "./multiple-choice";
export { TrueFalseCardSchema } from "./true-false";
export { ViewpointCardSchema } from "./viewpoint";
export { FactOrOpinionCardSchema } from "./fact-or-opinion";
export { TimelineCardSchema, TimelineEventSchema, timelineAnswer, type TimelineEvent } from "./timeline";
