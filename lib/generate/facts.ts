import { CLOZE_BLANK } from "../cards";
import {
  appearsElsewhere,
  asStatement,
  inContext,
  replaceSpan,
  startsWithContextWord,
  type Analyzed,
  type ArticleContext,
} from "./context";
import { seededShuffle, hash32 } from "./ids";
import { isListed, pickDistractors, type Entity } from "./inventory";
import { acceptedForms, isTechnicalTerm, type Mention } from "./mentions";
import { aliasesOf, numberForms } from "./aliases";
import { capitalize, containsWords, fold } from "./text";
import type { Candidate } from "./types";

/**
 * Fact cards from one sentence: cloze (one blank), multiple choice (the blank with options of the
 * answer's kind) and true/false (the sentence as written, or with a name or number swapped).
 */

const CLOZE_KINDS = new Set<Mention["kind"]>(["person", "place", "organization", "year", "decade", "number", "term"]);
const CHOICE_KINDS = new Set<Mention["kind"]>(["person", "place", "organization", "year", "number"]);
// Long sentences make long cards: past this, a true/false statement is hard to judge at a glance.
const MAX_STATEMENT_WORDS = 40;
const DISTRACTORS = 3;

export function kindNoun(mention: Mention): string {
  switch (mention.kind) {
    case "person":
      return "person";
    case "place":
      // A country usually acts in the sentence ("Russia annexed…"): "place" would mislead.
      return mention.placeType === "city" ? "city" : mention.placeType === "country" ? "country" : "place";
    case "organization":
      return "organisation";
    case "year":
      return "year";
    case "decade":
      return "decade";
    case "number":
      return "number";
    case "term":
      return "term";
  }
}

/** An entity's name as a sentence would use it: "the United States", "the Philippines". */
export function nameWithThe(entity: Entity): string {
  return entity.takesThe && (entity.kind === "place" || entity.kind === "organization")
    ? `the ${entity.name}`
    : entity.name;
}

/**
 * What a cloze or multiple-choice card teaches after the answer: the fact restated with the answer
 * in place, then the point of the passage around it (no paragraph numbers: the quote shows where).
 */
function explainAnswer(mention: Mention, entity: Entity | undefined, statement: string, point: string): string {
  const name = entity && mention.kind !== "year" && mention.kind !== "number" ? nameWithThe(entity) : mention.text;
  const when = mention.kind === "year" && mention.date ? ` (${formatDate(mention.date)})` : "";
  const lead = point === "" ? `${statement}` : `“${name}”${when}.`;
  return `${lead}${point}`.trim();
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function formatDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? iso;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** Whether a mention can be asked about in this sentence at all. */
function askable(item: Analyzed, mention: Mention): boolean {
  if (appearsElsewhere(item.sentence.text, mention, acceptedForms(mention))) return false;
  if (mention.kind === "place" && demonymGivesAway(item.sentence.text, mention)) return false;
  // A blank between two bare words of a hyphenated or slashed compound reads badly.
  const before = item.sentence.text[mention.start - 1] ?? " ";
  const after = item.sentence.text[mention.end] ?? " ";
  return !/[-/–]/.test(before) && !/[-/–]/.test(after);
}

// "Finnish independence … enabled ____": an adjective of the place gives the blank away.
function demonymGivesAway(text: string, mention: Mention): boolean {
  const stem = mention.text.slice(0, 3);
  if (stem.length < 3) return false;
  const rest = `${text.slice(0, mention.start)} ${text.slice(mention.end)}`;
  return (rest.match(/\b[A-Z][a-z]+(?:ese|ish|ian|an|ic|i|ch)\b/g) ?? []).some((word) => word.startsWith(stem));
}

// "a steady supply of US weapons": a name used as an adjective reads badly with another name in
// its place ("Ukraine weapons"), so it gets a cloze but no options and no swap.
function modifiesNoun(item: Analyzed, mention: Mention): boolean {
  if (mention.kind !== "place" && mention.kind !== "organization") return false;
  const next = item.sentence.tokens.find((token) => token.start > mention.end);
  if (!next || item.sentence.text.slice(mention.end, next.start) !== " " || !/^[a-z]/.test(next.text)) return false;
  return (
    next.tags.has("Noun") &&
    !["Verb", "Preposition", "Conjunction", "Determiner", "Adverb", "Pronoun"].some((tag) => next.tags.has(tag))
  );
}

function mentionScore(mention: Mention): number {
  if (mention.kind === "person" || mention.kind === "year") return 1;
  // A technical word ("chlorofluorocarbons") is worth learning; an abstract one ("arrangement") less so.
  if (mention.kind === "term" && /^[a-z]/.test(mention.text)) return isTechnicalTerm(mention.text) ? 0.5 : -1.5;
  if (mention.kind === "decade") return -0.5;
  // "two ships", "three chemists": a small number in words is rarely the point of a sentence.
  if (mention.kind === "number" && /^[a-z]+$/.test(mention.text) && (mention.value ?? 0) <= 3) return -1.5;
  return 0;
}

export function factCandidates(item: Analyzed, context: ArticleContext): Candidate[] {
  const { sentence } = item;
  const candidates: Candidate[] = [];
  const sentenceScope = { keys: new Set(item.keys), names: item.mentions.map((mention) => mention.text) };

  item.mentions.forEach((mention, k) => {
    const key = item.keys[k] ?? "";
    if (!CLOZE_KINDS.has(mention.kind) || !askable(item, mention)) return;
    const entity = context.inventory.entities.get(key);
    const blanked = replaceSpan(sentence.text, mention.start, mention.end, CLOZE_BLANK);
    const listed = isListed({ text: sentence.text, mentions: item.mentions }, mention);
    const base = item.score + mentionScore(mention);
    const explanation = explainAnswer(mention, entity, asStatement(sentence.text), inContext(context, item));

    // One of a list ("Germany, ____, and Britain") has many right answers as a cloze; options fix that.
    if (!listed) {
      const fullName = mention.kind === "person" && entity && entity.name !== mention.text ? [entity.name] : [];
      const aliases = aliasesOf(mention.text).filter((alias) => usedInArticle(context, alias));
      const accepted = [
        ...acceptedForms(mention),
        ...fullName,
        ...spelledAlternatives(mention),
        ...numberForms(mention.text),
        ...aliases,
      ].filter(
        (form, k, all) =>
          fold(form) !== fold(mention.text) && all.findIndex((other) => fold(other) === fold(form)) === k,
      );
      candidates.push({
        body: {
          type: "cloze",
          prompt: blanked,
          answer: mention.text,
          ...(accepted.length > 0 ? { acceptedAnswers: accepted } : {}),
          explanation,
          quote: sentence.quote,
        },
        sentence: sentence.index,
        paragraph: sentence.paragraph,
        answerKey: key,
        score: base,
        idWords: mention.text,
      });
    }

    if (!CHOICE_KINDS.has(mention.kind) || modifiesNoun(item, mention)) return;
    const distractors = pickDistractors(
      context.inventory,
      mention,
      key,
      sentenceScope,
      `${sentence.quote}|${key}`,
      DISTRACTORS,
    );
    if (distractors.length === DISTRACTORS) {
      const choice = choiceBlank(sentence.text, mention, entity, distractors);
      const options = seededShuffle(
        [choice.answer, ...choice.distractors],
        `${sentence.quote}|${mention.text}|options`,
      );
      if (new Set(options.map(fold)).size === options.length) {
        candidates.push({
          body: {
            type: "multiple_choice",
            prompt: `Which ${kindNoun(mention)} fills the blank? ${choice.prompt}`,
            answer: choice.answer,
            options,
            explanation,
            quote: sentence.quote,
          },
          sentence: sentence.index,
          paragraph: sentence.paragraph,
          answerKey: key,
          score: base + (listed ? 1 : 0.5),
          idWords: mention.text,
        });
      }
    }

    const falseStatement = swappedStatement(item, mention, distractors[0], context);
    if (falseStatement && distractors[0]) {
      candidates.push({
        body: {
          type: "true_false",
          prompt: falseStatement,
          answer: "False",
          options: ["True", "False"],
          correction: asStatement(sentence.text),
          explanation: `${capitalize(entity ? namedAs(entity, mention) : mention.text)}, not ${namedAs(distractors[0], mention)}.${inContext(context, item)}`,
          quote: sentence.quote,
        },
        sentence: sentence.index,
        paragraph: sentence.paragraph,
        answerKey: key,
        score: base - 0.25,
        idWords: `${mention.text} not ${optionText(distractors[0], mention)}`,
      });
    }
  });

  candidates.push(...restatedTrue(item, context));
  const statement = asStatement(sentence.text);
  if (
    statementUsable(item) &&
    !HEDGED.test(sentence.text) &&
    item.mentions.some((mention) => CHOICE_KINDS.has(mention.kind))
  ) {
    candidates.push({
      body: {
        type: "true_false",
        prompt: statement,
        answer: "True",
        options: ["True", "False"],
        explanation: `True.${inContext(context, item) || ` ${statement}`}`,
        quote: sentence.quote,
      },
      sentence: sentence.index,
      paragraph: sentence.paragraph,
      answerKey: null,
      score: item.score - 0.5,
      idWords: `true ${statement}`,
    });
  }
  return candidates;
}

function statementUsable(item: Analyzed): boolean {
  return item.sentence.words <= MAX_STATEMENT_WORDS && !startsWithContextWord(item.sentence.text);
}

// "would", "could", "seems": a hypothesis or a hedge, not a fact a student can call true.
const HEDGED = /\b(?:[Ww]ould|[Cc]ould|[Mm]ight|may|[Ss]eems?|[Pp]erhaps|[Pp]ossibly|likely|[Ii]f)\b/;

/** The sentence as a statement with `mention` replaced by `substitute`: false by the article. */
function swappedStatement(
  item: Analyzed,
  mention: Mention,
  substitute: Entity | undefined,
  context: ArticleContext,
): string | null {
  if (!substitute || !statementUsable(item)) return null;
  const text = item.sentence.text;
  let start = mention.start;
  let replacement = optionText(substitute, mention);
  // Keep "the" right: "the United States" -> "Japan", "Japan" -> "the Philippines".
  const before = text.slice(0, start);
  const hasThe = /\bthe\s+$/i.test(before);
  if (hasThe && !substitute.takesThe && (mention.kind === "place" || mention.kind === "organization")) {
    start = before.search(/\bthe\s+$/i);
  } else if (!hasThe && substitute.takesThe && !/(?:['’]s|\b(?:a|an|its|their|his|her))\s+$/i.test(before)) {
    replacement = `the ${replacement}`;
  }
  const swapped = asStatement(replaceSpan(text, start, mention.end, replacement));
  // The swap must change what the sentence says: a name the article gives elsewhere in the same
  // words would make it true again.
  if (context.analyzed.some((other) => fold(asStatement(other.sentence.text)) === fold(swapped))) return null;
  return fold(swapped) === fold(asStatement(text)) ? null : swapped;
}

/** An option as it would read in the blank: a surname for a surname, a year as a year. */
function optionText(entity: Entity, answer: Mention): string {
  if (answer.kind === "year") return String(entity.value ?? entity.name);
  if (answer.kind === "person" && !answer.text.includes(" ")) return entity.name.split(" ").pop() ?? entity.name;
  return entity.name;
}

/**
 * The blank and options of a multiple-choice card. Where the sentence says "the United States",
 * the blank takes "the" with it, so "Britain" and "the Philippines" both read right as options.
 */
function choiceBlank(
  text: string,
  mention: Mention,
  entity: Entity | undefined,
  distractors: Entity[],
): { prompt: string; answer: string; distractors: string[] } {
  const the = /\b(the|The)\s+$/.exec(text.slice(0, mention.start));
  const names = distractors.map((distractor) => optionText(distractor, mention));
  if (!the || !entity?.takesThe || (mention.kind !== "place" && mention.kind !== "organization")) {
    return {
      prompt: replaceSpan(text, mention.start, mention.end, CLOZE_BLANK),
      answer: mention.text,
      distractors: names,
    };
  }
  const article = the[1] ?? "the";
  return {
    prompt: replaceSpan(text, the.index, mention.end, CLOZE_BLANK),
    answer: `${article} ${mention.text}`,
    distractors: distractors.map((distractor, k) =>
      distractor.takesThe ? `${article} ${names[k] ?? distractor.name}` : (names[k] ?? distractor.name),
    ),
  };
}

const SPELLED_DIGITS: Record<string, string> = {
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
  thirteen: "13",
  fourteen: "14",
  fifteen: "15",
  sixteen: "16",
  seventeen: "17",
  eighteen: "18",
  nineteen: "19",
  twenty: "20",
};

function spelledAlternatives(mention: Mention): string[] {
  if (mention.kind !== "number") return [];
  const digits = SPELLED_DIGITS[mention.text.toLowerCase()];
  if (digits) return [digits];
  if (/^\d{1,3}(,\d{3})+$/.test(mention.text)) return [mention.text.replace(/,/g, "")];
  return [];
}

function namedAs(entity: Entity, mention: Mention): string {
  return mention.kind === "year" || mention.kind === "number" ? optionText(entity, mention) : nameWithThe(entity);
}

/** A stable pseudo-random choice between a true and a false statement for a sentence. */
export function prefersFalse(quote: string): boolean {
  return hash32(`${quote}|tf`) % 2 === 0;
}

/**
 * True statements restated rather than copied: a description the sentence gives of a name becomes
 * a statement of its own. "the crystallographer Jacques Mering taught her" -> "Jacques Mering was a
 * crystallographer."; "Cyrus Field, a paper merchant from New York, believed…" -> "Cyrus Field was
 * a paper merchant from New York."; "The general manager, Billy Beane, had…" -> "Billy Beane was
 * the general manager."
 */
export function restatedTrue(item: Analyzed, context: ArticleContext): Candidate[] {
  const { sentence } = item;
  const text = sentence.text;
  const past = sentence.tokens.some((token) => token.tags.has("PastTense"));
  const be = past ? "was" : "is";
  const named = (name: string) =>
    item.mentions.some(
      (mention) => mention.text === name && ["person", "organization", "place"].includes(mention.kind),
    );
  const found: Array<{ name: string; statement: string }> = [];
  for (const match of text.matchAll(/\b[Tt]he ((?:[a-z]+ ){0,2}[a-z]+) ([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\b/g)) {
    const role = match[1] ?? "";
    const name = match[2] ?? "";
    // The words before the name must describe it: nouns and adjectives, no verb ("the celebrations damaged City Hall").
    const roleTokens = role.split(" ").map((word) => sentence.tokens.find((token) => token.text === word));
    const describes = roleTokens.every(
      (token) => token && !token.tags.has("Verb") && (token.tags.has("Noun") || token.tags.has("Adjective")),
    );
    if (!named(name) || !describes || !roleTokens.at(-1)?.tags.has("Singular")) continue;
    const article = /^[aeiou]/.test(role) ? "an" : "a";
    found.push({ name, statement: `${name} ${be} ${article} ${role}.` });
  }
  for (const match of text.matchAll(
    /(?:^|[\s(])([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}), ((?:a|an|the) [^,]{3,70}?), /g,
  )) {
    const name = (match[1] ?? "").replace(/['’]s$/, "");
    const description = match[2] ?? "";
    if (!named(name) || /\b(?:who|which|that)\b/.test(description)) continue;
    found.push({ name, statement: `${name} ${be} ${description}.` });
  }
  for (const match of text.matchAll(/\b([Tt]he [a-z]+(?: [a-z]+){0,3}), ([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}), /g)) {
    const name = match[2] ?? "";
    if (!named(name)) continue;
    found.push({ name, statement: `${name} ${be} ${(match[1] ?? "").replace(/^The/, "the")}.` });
  }
  return found.slice(0, 1).map(({ name, statement }) => ({
    body: {
      type: "true_false" as const,
      prompt: statement,
      answer: "True" as const,
      options: ["True", "False"] as ["True", "False"],
      explanation: `True: the article introduces ${name} this way.${inContext(context, item)}`,
      quote: sentence.quote,
    },
    sentence: sentence.index,
    paragraph: sentence.paragraph,
    answerKey: null,
    score: item.score,
    idWords: `true ${statement}`,
  }));
}

// Whether the article uses a name anywhere: asked for every candidate's aliases, answered once.
const USED = new WeakMap<ArticleContext, Map<string, boolean>>();
function usedInArticle(context: ArticleContext, name: string): boolean {
  let known = USED.get(context);
  if (!known) USED.set(context, (known = new Map()));
  let used = known.get(name);
  if (used === undefined) known.set(name, (used = containsWords(context.text, name)));
  return used;
}
