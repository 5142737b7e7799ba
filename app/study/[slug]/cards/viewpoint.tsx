import { BasicCard } from "@/app/study/[slug]/cards/basic";
import type { CardQuestionProps } from "@/app/study/[slug]/cards/card-props";
import { ChoiceOptions } from "@/app/study/[slug]/views/choice-options";

/** "Who argues what": the student picks the side from its options, or recalls and rates when the card has none. */
export function ViewpointCard(props: CardQuestionProps) {
  return props.card.autoGraded ? <ChoiceOptions {...props} /> : <BasicCard {...props} />;
}
