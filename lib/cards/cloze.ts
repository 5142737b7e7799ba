import { z } from "zod";
import { foldForComparison } from "../content/quote";
import { checkTyped } from "./answers";
import { draftCommon } from "./draft-card";
import { CardBaseSchema, NoOptionsSchema, nonEmpty } from "./fields";
import { defineCardKind, RECALL, type Finding } from "./kind";

/** The blank in a cloze prompt: four underscores, so prompts can still contain an ordinary underscore. */
export const CLOZE_BLANK = "____";

/** `prompt` holds the sentence with one blank written as `____`; `answer` fills it. */
export const ClozeCardSchema = CardBaseSchema.extend({
  type: z.literal("cloze"),
  answer: nonEmpty("an answer"),
  /** Other spellings accepted when typed (e.g. "Putin" for "Vladimir Putin"). */
  acceptedAnswers: z.array(z.string().trim().min(1)).optional(),
  options: NoOptionsSchema("cloze answers are typed"),
});

function acceptedAnswersOf(extra: Record<string, unknown>): string[] {
  const accepted = extra.acceptedAnswers;
  return Array.isArray(accepted) ? accepted.filter((item): item is string => typeof item === "string") : [];
}

function checkCloze(prompt: string, answer: string, quote: string): Finding[] {
  const findings: Finding[] = [];
  const blanks = prompt.match(/_{2,}/g) ?? [];
  if (blanks.length === 0) {
    findings.push(["the prompt has no blank", `write the missing words as ${CLOZE_BLANK} (four underscores)`]);
  } else if (blanks.length > 1) {
    findings.push([
      `the prompt has ${blanks.length} blanks`,
      `keep one ${CLOZE_BLANK} per card; make a second card for the other blank`,
    ]);
  } else if (blanks[0] !== CLOZE_BLANK) {
    findings.push([`the blank is written "${blanks[0]}"`, `write it as exactly four underscores: ${CLOZE_BLANK}`]);
  }
  if (!foldForComparison(quote).includes(foldForComparison(answer))) {
    findings.push([
      `the answer "${answer}" does not appear in the quote`,
      "quote the sentence that contains the answer, or correct the answer",
    ]);
  }
  return findings;
}

export const clozeCard = defineCardKind({
  type: "cloze",
  label: "Fill the blank",
  idPrefix: "cloze",
  schema: ClozeCardSchema,
  responseKind: () => "text",
  // Typed, and forgiving (see matchTypedAnswer); accepted answers count as right too.
  checkResponse: (card, response) => checkTyped(card, response, [card.answer, ...acceptedAnswersOf(card.extra)]),
  optionOrder: "shuffled",
  ratingPolicy: () => RECALL,
  rules: (card) => checkCloze(card.prompt, card.answer, card.quote),
  toStored: (card) => ({ answer: card.answer, options: [], extra: { acceptedAnswers: card.acceptedAnswers ?? [] } }),
  fromStored: (common, stored) => {
    const accepted = acceptedAnswersOf(stored.extra);
    return {
      ...common,
      type: "cloze",
      answer: stored.answer,
      options: [],
      ...(accepted.length ? { acceptedAnswers: accepted } : {}),
    };
  },
  toDraft: (card) => ({
    ...draftCommon(card),
    answer: card.answer,
    options: card.options ?? [],
    ...(card.acceptedAnswers ? { acceptedAnswers: card.acceptedAnswers } : {}),
  }),
  fromDraft: (card) => {
    const accepted = (card.acceptedAnswers ?? []).map((a) => a.trim()).filter(Boolean);
    return { ...draftCommon(card), answer: card.answer, ...(accepted.length > 0 ? { acceptedAnswers: accepted } : {}) };
  },
});
