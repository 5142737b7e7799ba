import type { ComponentType } from "react";
import { BasicCard } from "@/app/study/[slug]/cards/basic";
import type { CardQuestionProps } from "@/app/study/[slug]/cards/card-props";
import { ClozeCard } from "@/app/study/[slug]/cards/cloze";
import { MultipleChoiceCard } from "@/app/study/[slug]/cards/multiple-choice";
import { TimelineCard } from "@/app/study/[slug]/cards/timeline";
import { TrueFalseCard } from "@/app/study/[slug]/cards/true-false";
import { ViewpointCard } from "@/app/study/[slug]/cards/viewpoint";
import type { QueueCard } from "@/app/study/[slug]/study-client";

// A Record, so a new card kind fails to compile until it has a question view and a label here.
// The labels belong with each kind's module once the card registry in lib/cards lands.
export const CARD_VIEWS: Record<QueueCard["type"], { label: string; Question: ComponentType<CardQuestionProps> }> = {
  basic: { label: "Question", Question: BasicCard },
  cloze: { label: "Fill the blank", Question: ClozeCard },
  multiple_choice: { label: "Multiple choice", Question: MultipleChoiceCard },
  true_false: { label: "True or false", Question: TrueFalseCard },
  viewpoint: { label: "Who argues what", Question: ViewpointCard },
  timeline: { label: "Timeline", Question: TimelineCard },
};
