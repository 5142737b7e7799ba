import type { CardQuestionProps } from "@/app/study/[slug]/cards/card-props";
import { ChoiceOptions } from "@/app/study/[slug]/views/choice-options";

/** The prompt is a sentence from the article; the student says whether it reports or judges. "Fact" stays first. */
export function FactOrOpinionCard(props: CardQuestionProps) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">Is this reported fact, or the author’s judgement?</p>
      <ChoiceOptions {...props} />
    </div>
  );
}
