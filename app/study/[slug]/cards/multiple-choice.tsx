import type { CardQuestionProps } from "@/app/study/[slug]/cards/card-props";
import { ChoiceOptions } from "@/app/study/[slug]/views/choice-options";

export function MultipleChoiceCard(props: CardQuestionProps) {
  return <ChoiceOptions {...props} />;
}
