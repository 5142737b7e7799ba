import type { CardQuestionProps } from "@/app/study/[slug]/cards/card-props";
import { ChoiceOptions } from "@/app/study/[slug]/views/choice-options";

/** Its two options keep their authored order: the queue shuffles every other kind's options, not these. */
export function TrueFalseCard(props: CardQuestionProps) {
  return <ChoiceOptions {...props} />;
}
