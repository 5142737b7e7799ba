import type { ComponentType } from "react";
import { BasicCard } from "@/app/study/[slug]/cards/basic";
import type { CardQuestionProps } from "@/app/study/[slug]/cards/card-props";
import { ClozeCard } from "@/app/study/[slug]/cards/cloze";
import { FactOrOpinionCard } from "@/app/study/[slug]/cards/fact-or-opinion";
import { MultipleChoiceCard } from "@/app/study/[slug]/cards/multiple-choice";
import { TimelineCard } from "@/app/study/[slug]/cards/timeline";
import { TrueFalseCard } from "@/app/study/[slug]/cards/true-false";
import { ViewpointCard } from "@/app/study/[slug]/cards/viewpoint";
import type { QueueCard } from "@/app/study/[slug]/study-client";

// A Record, so a new card kind fails to compile until it has a question view here. Labels come
// from the kind's module in lib/cards, handed down by the server page (lib/cards carries zod).
export const QUESTION_VIEWS: Record<QueueCard["type"], ComponentType<CardQuestionProps>> = {
  basic: BasicCard,
  cloze: ClozeCard,
  multiple_choice: MultipleChoiceCard,
  true_false: TrueFalseCard,
  viewpoint: ViewpointCard,
  timeline: TimelineCard,
  fact_or_opinion: FactOrOpinionCard,
};
