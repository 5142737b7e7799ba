import { z } from "zod";
import { checkOrder } from "./answers";
import { draftCommon } from "./draft-card";
import { CardBaseSchema } from "./fields";
import { defineCardKind, type Finding, type RatingPolicy, type RuleContext } from "./kind";
import { sameWhenCaseIgnored } from "./rules";

export const TimelineEventSchema = z.object({
  /** A year ("2008") or an ISO date ("2019-12-04"). */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: "event dates are years (2008) or ISO dates (2019-12-04)" }),
  label: z.string().trim().min(1),
  /** Verbatim passage that dates the event. */
  quote: z.string().trim().min(1),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/** Put dated events in order. `events` are listed earliest first; `answer`/`options` are derived. */
export const TimelineCardSchema = CardBaseSchema.extend({
  type: z.literal("timeline"),
  events: z.array(TimelineEventSchema).min(3, { error: "a timeline needs at least 3 events" }),
  answer: z.string().optional(),
  options: z.array(z.string()).optional(),
});
type TimelineCard = z.output<typeof TimelineCardSchema>;

/** The derived answer of a timeline: its labels, earliest first, as the card shows them. */
export function timelineAnswer(events: readonly TimelineEvent[]): string {
  return events.map((event) => event.label).join(" → ");
}

function checkTimeline(card: TimelineCard, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  card.events.forEach((event, index) => {
    const name = `event "${event.label}" (${event.date})`;
    const miss = context.quoteMiss(event.quote);
    if (miss) findings.push([`${name}: ${miss.message}`, miss.fix]);
    const year = event.date.slice(0, 4);
    if (!event.quote.includes(year)) {
      findings.push([
        `${name}: the year ${year} does not appear in its quote`,
        "quote the passage that dates the event",
      ]);
    }
    const next = card.events[index + 1];
    if (!next) return;
    if (next.date.startsWith(event.date) || event.date.startsWith(next.date)) {
      findings.push([
        `events "${event.label}" (${event.date}) and "${next.label}" (${next.date}) cannot be put in order`,
        "give dates precise enough to tell them apart, or use another event",
      ]);
    } else if (next.date < event.date) {
      findings.push([
        `events are out of chronological order: "${next.label}" (${next.date}) is listed after "${event.label}" (${event.date})`,
        "list the events earliest first",
      ]);
    }
  });

  const labels = card.events.map((event) => event.label);
  for (const group of sameWhenCaseIgnored(labels)) {
    // The labels become the card's options: two alike could not be told apart.
    findings.push([
      `event labels ${group.map((l) => `"${l}"`).join(" and ")} are the same when case is ignored`,
      "give every event a distinct label",
    ]);
  }

  const derived = timelineAnswer(card.events);
  if (card.answer !== undefined && card.answer !== derived) {
    findings.push([
      `"answer" does not match the events (they give "${derived}")`,
      'remove "answer": it is derived from the events',
    ]);
  }
  if (card.options !== undefined && [...card.options].sort().join("\n") !== [...labels].sort().join("\n")) {
    findings.push(['"options" are not the event labels', 'remove "options": they are derived from the events']);
  }
  return findings;
}

/**
 * The events are on the screen, so ordering them is recognition, not recall: partial knowledge and
 * elimination help. By pure chance an order of n events is right once in n! (1 in 24 for four).
 */
function timelinePolicy(card: { options: string[] }): RatingPolicy {
  let orders = 1;
  for (let n = 2; n <= card.options.length; n++) orders *= n;
  return { evidence: "recognition", guessChance: 1 / orders };
}

export const timelineCard = defineCardKind({
  type: "timeline",
  label: "Timeline",
  idPrefix: "timeline",
  schema: TimelineCardSchema,
  responseKind: () => "order",
  checkResponse: checkOrder,
  // Shown already in order, a timeline would give its answer away.
  optionOrder: "shuffled-out-of-order",
  ratingPolicy: timelinePolicy,
  rules: checkTimeline,
  toStored: (card) => ({
    answer: timelineAnswer(card.events),
    options: card.events.map((event) => event.label),
    extra: { events: card.events },
  }),
  fromStored: (common, stored) => ({
    ...common,
    type: "timeline",
    events: stored.extra.events as TimelineEvent[],
    answer: stored.answer,
    options: stored.options,
  }),
  toDraft: (card) => ({ ...draftCommon(card), answer: "", options: [], events: card.events }),
  fromDraft: (card) => ({ ...draftCommon(card), events: card.events ?? [] }),
  nestedRecords: (card) => {
    const known = Object.keys(TimelineEventSchema.shape);
    return Array.isArray(card.events)
      ? card.events.map((record: unknown, index) => ({ where: `events[${index}]`, record, known }))
      : [];
  },
});
