import type { TimelineEvent } from "../cards";
import type { Analyzed, ArticleContext } from "./context";
import { formatDate } from "./facts";
import { seededShuffle } from "./ids";
import type { Mention } from "./mentions";
import { labelProblem } from "./checks";
import { capitalize, collapseSpaces, fold } from "./text";
import type { Candidate } from "./types";

/**
 * Timeline cards: events the article dates, each labelled from its own sentence, put in order.
 */

type Event = TimelineEvent & { year: number; quality: number; item: Analyzed };

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const MAX_LABEL_WORDS = 12;
const MAX_EVENTS_PER_CARD = 6;

export function timelineCandidates(context: ArticleContext): Candidate[] {
  const byYear = new Map<number, Event>();
  for (const [k, item] of context.analyzed.entries()) {
    const previous = context.analyzed[k - 1];
    for (const event of eventsOf(
      item,
      previous?.sentence.paragraph === item.sentence.paragraph ? previous : undefined,
      context,
    )) {
      const current = byYear.get(event.year);
      if (
        !current ||
        event.quality > current.quality ||
        (event.quality === current.quality && event.item.score > current.item.score)
      ) {
        byYear.set(event.year, event);
      }
    }
  }
  let events = [...byYear.values()].sort((a, b) => a.year - b.year);
  events = events.filter((event, k) => events.findIndex((other) => fold(other.label) === fold(event.label)) === k);
  if (events.length < 3) return [];

  const groups: Event[][] =
    events.length >= 2 * 4
      ? [events.slice(0, Math.ceil(events.length / 2)), events.slice(Math.ceil(events.length / 2))]
      : [events.length > MAX_EVENTS_PER_CARD ? bestInOrder(events, MAX_EVENTS_PER_CARD) : events];
  return groups.map((group) =>
    timelineCard(group.length > MAX_EVENTS_PER_CARD ? bestInOrder(group, MAX_EVENTS_PER_CARD) : group),
  );
}

function bestInOrder(events: Event[], count: number): Event[] {
  const keep = new Set(
    [...events].sort((a, b) => b.quality - a.quality || b.item.score - a.item.score).slice(0, count),
  );
  return events.filter((event) => keep.has(event));
}

function timelineCard(events: Event[]): Candidate {
  // The card quotes the sentence that dates the most of its events.
  const counts = new Map<number, number>();
  for (const event of events) counts.set(event.item.sentence.index, (counts.get(event.item.sentence.index) ?? 0) + 1);
  const main =
    [...events].sort(
      (a, b) => (counts.get(b.item.sentence.index) ?? 0) - (counts.get(a.item.sentence.index) ?? 0),
    )[0] ?? events[0];
  const labels = events.map((event) => event.label);
  let options = seededShuffle(labels, labels.join("|"));
  if (options.join("|") === labels.join("|")) options = [...labels.slice(1), ...labels.slice(0, 1)];
  const first = events[0];
  const last = events[events.length - 1];
  return {
    body: {
      type: "timeline",
      prompt: "Put these events in the order they happened, earliest first.",
      events: events.map(({ date, label, quote }) => ({ date, label, quote })),
      answer: labels.join(" → "),
      options,
      explanation: events.map((event) => `${formatDate(event.date)}: ${event.label}`).join("; ") + ".",
      quote: main?.quote ?? "",
    },
    sentence: main?.item.sentence.index ?? 0,
    paragraph: main?.item.sentence.paragraph ?? 0,
    answerKey: null,
    score: 10,
    idWords: `${first?.date ?? ""} ${last?.date ?? ""}`,
  };
}

function eventsOf(item: Analyzed, previous: Analyzed | undefined, context: ArticleContext): Event[] {
  const years = item.mentions.filter((mention) => mention.kind === "year");
  const events: Event[] = [];
  for (const [k, year] of years.entries()) {
    if (isFutureOrHypothetical(item.sentence.text, year)) continue;
    // A sentence's later years get an event only with a label of their own: "(2014)", ", who … in 1962".
    const labelled =
      parenthesized(item, year) ??
      (k === 0
        ? (participle(item, year) ??
          namedEvent(item, year) ??
          relative(item, year) ??
          nominal(item, year) ??
          clause(item, year))
        : relative(item, year));
    if (!labelled || labelled.label.split(" ").length < 2) continue;
    const label = resolvePronoun(labelled.label, previous, context);
    // A label cut mid-clause or lifted from an argument ("Critics argue that…") is no event name.
    if (labelProblem(label)) continue;
    events.push({
      date: year.date ?? String(year.value),
      label,
      quote: item.sentence.quote,
      year: year.value ?? 0,
      quality: labelled.quality,
      item,
    });
  }
  // Several years labelled only by fallbacks would share one clause: keep the sentence's first.
  return events.filter((event) => event.quality > 1 || event === events[0]);
}

type Labelled = { label: string; quality: number };

// "He founded the company" after "Cyrus Field, a paper merchant, believed…": Cyrus Field founded it.
function resolvePronoun(label: string, previous: Analyzed | undefined, context: ArticleContext): string {
  const pronoun = /^(He|She) /.exec(label);
  const person = previous?.mentions[0];
  if (!pronoun || !person || person.kind !== "person" || person.start > 0) return label;
  const name = context.surnames.get(person.text.toLowerCase()) ?? person.text;
  return `${name} ${label.slice(pronoun[0].length)}`;
}

// "the rule will be reviewed in 2026", "should return … around 2066": not events that happened.
function isFutureOrHypothetical(text: string, year: Mention): boolean {
  const before = text.slice(0, year.start).split(/\s+/).slice(-7).join(" ");
  return /\b(?:will|would|could|should|may|might|expected to|plans? to|is to|are to|by|around)\b/i.test(before);
}

// "Elena Duarte, who joined the club from Porto in 2021" -> "Elena Duarte joined the club from Porto"
function relative(item: Analyzed, year: Mention): Labelled | null {
  const { text } = item.sentence;
  const before = text.slice(0, year.start);
  const match = new RegExp(
    `,\\s+(?:who|which)\\s+([^,;]+?)\\s+(?:in|on|since)\\s+(?:(?:\\d{1,2}\\s+)?(?:${MONTHS})\\s+)?$`,
  ).exec(before);
  if (!match) return null;
  const mention = item.mentions.find((m) => m.end === match.index && m.kind !== "year" && m.kind !== "number");
  const phrase =
    mention?.text ?? /(?:^|\s)((?:the|its|their|his|her)\s+[a-z]+)$/i.exec(before.slice(0, match.index))?.[1];
  if (!phrase) return null;
  const label = `${phrase} ${match[1]}`;
  return label.split(" ").length <= MAX_LABEL_WORDS ? { label: asLabel(label), quality: 3 } : null;
}

function asLabel(phrase: string): string {
  return capitalize(collapseSpaces(phrase).replace(/[\s,;:–—-]+$/, ""));
}

// "military operation against Georgia (2008)" -> "Military operation against Georgia"
function parenthesized(item: Analyzed, year: Mention): Labelled | null {
  const { text } = item.sentence;
  const open = /\((?:in\s+)?$/.exec(text.slice(0, year.start));
  if (!open || text[year.end] !== ")") return null;
  const before = text.slice(0, open.index).trimEnd();
  const boundary = Math.max(
    ...[",", ";", ":", "–", "—", ")", " and "].map((mark) => before.lastIndexOf(mark) + mark.length),
  );
  let phrase = before.slice(Math.max(0, boundary)).trim();
  const determiner = /\b(?:the|its|his|her|their|a|an)\s/i.exec(phrase);
  if (determiner) phrase = phrase.slice(determiner.index + determiner[0].length);
  if (phrase.split(" ").length < 2 || phrase.split(" ").length > MAX_LABEL_WORDS) return null;
  return { label: asLabel(phrase), quality: 5 };
}

// "Crimea, annexed in 2014" -> "Crimea annexed"
function participle(item: Analyzed, year: Mention): Labelled | null {
  const { text } = item.sentence;
  for (const mention of item.mentions) {
    if (mention.end > year.start || !["place", "term", "organization"].includes(mention.kind)) continue;
    const between = text.slice(mention.end, year.start);
    const match = new RegExp(
      `^,\\s+([a-z]+(?:ed|en|wn|ilt|ght|gun))\\s+(?:in|on)\\s+(?:(?:\\d{1,2}\\s+)?(?:${MONTHS})\\s+(?:\\d{1,2},?\\s+)?)?$`,
    ).exec(between);
    if (match) return { label: asLabel(`${mention.text} ${match[1]}`), quality: 4 };
  }
  return null;
}

// "during the Third Taiwan Strait Crisis in 1996" -> "Third Taiwan Strait Crisis"
function namedEvent(item: Analyzed, year: Mention): Labelled | null {
  const { text } = item.sentence;
  const term = item.mentions.find(
    (mention) =>
      mention.kind === "term" &&
      /^[A-Z]/.test(mention.text) &&
      mention.text.split(" ").length >= 2 &&
      new RegExp(`^,?\\s+(?:in|of)\\s+(?:(?:${MONTHS})\\s+)?$`).test(text.slice(mention.end, year.start)),
  );
  return term ? { label: asLabel(term.text), quality: 4 } : null;
}

// "as part of Washington’s official recognition of the People’s Republic of China in 1979"
function nominal(item: Analyzed, year: Mention): Labelled | null {
  const { text } = item.sentence;
  const before = text.slice(0, year.start);
  const at = new RegExp(`\\s+in\\s+(?:the\\s+(?:summer|spring|autumn|fall|winter)\\s+of\\s+|(?:${MONTHS})\\s+)?$`).exec(
    before,
  );
  if (!at) return null;
  const head = before.slice(0, at.index);
  const boundary =
    /(?:^|,\s+|\bas part of\s+|\bduring\s+|\bafter\s+|\bbefore\s+|\bfollowing\s+|\bwith\s+|\bsince\s+|\bthrough\s+)((?:the\s+|[A-Z][\w’']*['’]s\s+)[^,]*)$/.exec(
      head,
    );
  const phrase = boundary?.[1];
  if (!phrase) return null;
  const words = phrase.split(/\s+/);
  if (words.length < 2 || words.length > MAX_LABEL_WORDS) return null;
  if (!words.slice(0, 4).some((word) => /^[a-z]+(?:tion|sion|ment|ance|ence|ure|al|ing)$/.test(word))) return null;
  return { label: asLabel(phrase.replace(/^the\s+/, "")), quality: 3 };
}

// The clause that holds the date, without the date: "The Great Eastern sailed again in 1866" -> "The Great Eastern sailed again"
function clause(item: Analyzed, year: Mention): Labelled | null {
  const { text } = item.sentence;
  const separators = /,\s+(?:and|but|so|while|whereas)\s+|;\s+|\s+[–—]\s+/g;
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(separators)) {
    if (match.index < year.start) start = match.index + match[0].length;
    else if (match.index >= year.end) {
      end = match.index;
      break;
    }
  }
  const datePhrase = new RegExp(
    `(?:,\\s*)?(?:\\b(?:already|only|back|as early as)\\s+)?\\b(?:in|on|by|during|from|since|of)\\s+(?:the\\s+(?:summer|spring|autumn|fall|winter|end|beginning|middle|start)\\s+of\\s+)?(?:(?:early|late|mid-)\\s*)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:(?:${MONTHS})\\s+)?(?:\\d{1,2},?\\s+)?$`,
    "i",
  ).exec(text.slice(start, year.start));
  const phraseStart = datePhrase ? start + datePhrase.index : year.start;
  let phraseEnd = year.end;
  // "from 1967 to 1975": the range goes as a whole.
  const range = /^\s*(?:to|until|and|[–-])\s*\d{4}\b/.exec(text.slice(phraseEnd));
  if (range) phraseEnd += range[0].length;
  if (text[phraseEnd] === ",") phraseEnd += 1;
  let label = `${text.slice(start, phraseStart)} ${text.slice(phraseEnd, end)}`;
  label = collapseSpaces(label)
    .replace(/\s+,/g, ",")
    .replace(/^[,\s]+/, "");
  // Openers and leading phrases that set the scene: "Already, at the annual Munich Security Conference,"
  for (let guard = 0; guard < 4; guard++) {
    const next = label
      .replace(/^(?:already|then|later|only|back|so|and|but|yet|meanwhile|also|first|finally),?\s+/i, "")
      .replace(/^(?:at|in|on|during|after|before|with|under|for|by|from)\s+[^,]+,\s+/i, "");
    if (next === label) break;
    label = next;
  }
  // Appositives: ", then the largest ship in the world," / ", Irvine, Mario Molina and Sherwood Rowland,"
  for (let guard = 0; guard < 4; guard++) {
    const next = label
      .replace(/,\s+(?:the|a|an|then|now|once|later|formerly)\s+[^,]+(?=,)/, "")
      .replace(/,\s+(?:[A-Z][\w’'.-]*\s*(?:and\s+|of\s+)?)+(?=,)/, "");
    if (next === label) break;
    label = next;
  }
  // Relative clauses: dropped between commas ("Reyes, who was born in Valencia, signed"), cut at the end.
  label = label
    .replace(/,\s+(?:who|which|where|whose)\b[^,]*,/g, "")
    .replace(/,?\s+(?:who|which|where|whose)\b.*$/, "")
    .replace(/[.!]$/, "");
  // The comma left between subject and verb: "Two chemists at the University of California, published".
  const verbs = new Set(item.sentence.tokens.filter((token) => token.tags.has("Verb")).map((token) => token.text));
  label = label.replace(/,\s+(\S+)/g, (whole, word: string) => (verbs.has(word) ? ` ${word}` : whole));
  return { label: truncate(label), quality: 1 };
}

function truncate(label: string): string {
  const words = label.split(" ");
  if (words.length <= MAX_LABEL_WORDS) return asLabel(dropDanglingWords(label));
  const cut = /^(?:if|when|because|while|after|before|with|in|at|to|so|but|for|from|during|as)$/i;
  for (let k = MAX_LABEL_WORDS; k >= 4; k--) {
    if (cut.test(words[k] ?? "")) return asLabel(dropDanglingWords(words.slice(0, k).join(" ")));
  }
  return `${asLabel(dropDanglingWords(words.slice(0, MAX_LABEL_WORDS).join(" ")))}…`;
}

function dropDanglingWords(label: string): string {
  let result = label.replace(/[\s,;:]+$/, "");
  for (let guard = 0; guard < 4; guard++) {
    const next = result.replace(/[\s,]+(?:the|a|an|of|and|or|to|that|in|on|at|its|their|his|her|with)$/i, "");
    if (next === result) break;
    result = next;
  }
  return result;
}
