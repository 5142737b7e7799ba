import nlp from "compromise";
import type { CardInput } from "../cards";
import { CLOZE_BLANK } from "../cards";
import { aliasesOf, giveawaysOf, numberForms, numberValue, sameOrRelated } from "./aliases";
import { findOpinionCues } from "./opinion";
import { containsWords, fold } from "./text";

/**
 * Rule checks for the failure patterns of issue 12, one detector per pattern. Pure: an article's
 * text and its cards in, findings out. The evaluation (scripts/generate-eval.ts) counts them per
 * article; the generator runs the card-level ones as a last gate (see generate.ts).
 *
 * 1 the blank is the article's subject or given away by the sentence (the answer, its surname, an
 *   alias or an adjective of it elsewhere in the prompt);
 * 2 the blank is part of a name or a common word;
 * 3 options of another kind than the answer, also true (listed with it in the article, named in
 *   the sentence), or an alias of it; "Which place" for a country;
 * 4 a sentence lifted without its context: it opens on a pronoun, a demonstrative or a definite
 *   noun the article named before ("The treaty…"), a subject pronoun comes before any name, or it
 *   only makes sense after another ("Sweden followed…");
 * 5 true/false: a true statement copied from the article, a swap that gives itself away (a
 *   backwards range of years, a name now said twice), an opinion marked true, unbalanced deck;
 * 6 viewpoints: a prompt that does not agree with a plural party; a claim the article attributes
 *   ("Critics argue that…") with no viewpoint card;
 * 7 selection: a second card on a sentence while the lead, the conclusion or a thesis sentence has
 *   none; two cards asking the same thing;
 * 8 timeline labels cut from sentences (an ellipsis, a dangling word, an attribution, a pronoun);
 * 9 missing accepted answers (digits and words, thousands separators, aliases, acronyms, surnames);
 * 10 boilerplate explanations ("The article names X here (paragraph N)").
 */

export type PatternId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export const PATTERNS: Record<PatternId, string> = {
  1: "blank is the article's subject or given away by the sentence",
  2: "blank is part of a name or a common word",
  3: "options of the wrong kind, also true, or aliases",
  4: "sentence lifted without its context",
  5: "true/false copied, giving itself away, opinion as fact, or unbalanced",
  6: "viewpoint ungrammatical or attribution without a viewpoint card",
  7: "selection: second cards before important sentences, duplicates",
  8: "timeline label cut from a sentence",
  9: "missing accepted answer",
  10: "boilerplate explanation",
};

export type Finding = {
  pattern: PatternId;
  /** The card it is about, or null for a finding about the whole deck (a sentence with no card). */
  cardId: string | null;
  message: string;
};

export type ArticleSentence = { text: string; paragraph: number };

/** The prose sentences of an article (headings, images, captions, tables left out). */
export function articleSentences(text: string): ArticleSentence[] {
  const sentences: ArticleSentence[] = [];
  text.split(/\n\s*\n/).forEach((block, paragraph) => {
    const prose = block
      .split("\n")
      .filter((line) => !/^\s*(?:#|!\[|\||```|---|\(Photo)/.test(line) && !/\((?:Photo|Credit)/i.test(line))
      .join(" ")
      .trim();
    if (prose === "" || !/[.!?]["”’)]*$/.test(prose)) return;
    for (const sentence of prose.split(/(?<=[.!?]["”’)]*)\s+(?=["“‘(]?[A-Z0-9$£€])/))
      if (sentence.trim() !== "") sentences.push({ text: sentence.trim(), paragraph });
  });
  return sentences;
}

const STOP_CAPS = new Set(
  "The A An In On At For From By Of To With As And But Or If When While After Before Since This That These Those It Its He She They We I His Her Their Our There Some Most Many Few Both Each Every One Two Three Once Even Still Yet So Then Only Instead Because Although Though Whether What Which Who How Why Where Seen Besides Without Within Under Over Other Others Such Not No Few Supporters Critics Opponents Defenders Historians Economists Some Our".split(
    " ",
  ),
);
const GENERIC_NAME_WORDS = new Set(
  "united states kingdom republic north south east west new great national federal city company war the of and for".split(
    " ",
  ),
);

function significantWords(name: string): string[] {
  return fold(name)
    .replace(/['’]s\b/g, "")
    .split(/[\s-]+/)
    .filter((word) => word.length > 2 && !GENERIC_NAME_WORDS.has(word));
}

/**
 * What the article is about: the names in its title, and names in at least 30 % of its prose
 * paragraphs (at least three). A blank on one of these is answered by knowing the topic.
 */
export function articleSubjects(text: string, title = ""): string[] {
  const names = (chunk: string) =>
    [...chunk.matchAll(/\b[A-Z][\p{L}’'.-]+(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\p{L}’'.-]+)*/gu)]
      .map((match) => match[0].replace(/['’]s$/, ""))
      .map((name) =>
        name
          .split(/\s+/)
          .filter((word, k) => k > 0 || !STOP_CAPS.has(word))
          .join(" "),
      )
      .filter((name) => name !== "" && !STOP_CAPS.has(name));
  const headingTitle = /^#\s+(.+)$/m.exec(text)?.[1] ?? "";
  const subjects = new Set([...names(title), ...names(headingTitle)]);
  const paragraphs = text.split(/\n\s*\n/).filter((block) => !/^\s*#/.test(block) && block.trim().length > 80);
  const counts = new Map<string, number>();
  for (const paragraph of paragraphs) {
    for (const name of new Set(names(paragraph).flatMap((n) => [n, n.split(/\s+/).pop() ?? n]))) {
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  for (const [name, count] of counts)
    if (count >= 3 && count >= paragraphs.length * 0.3 && !GENERIC_NAME_WORDS.has(fold(name))) subjects.add(name);
  // A proper noun is capitalised inside a sentence somewhere ("Six days…" in a title is not one).
  const proper = (name: string) =>
    new RegExp(`[a-z,;:]\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(text);
  return [...subjects].filter((name) => significantWords(name).length > 0 && proper(name));
}

// "Which person fills the blank? …" -> "…": the sentence the card shows.
const CHOICE_LEAD = /^Which [a-z]+(?: [a-z]+)? fills the blank\?\s+/;
const statementOf = (prompt: string) => prompt.replace(CHOICE_LEAD, "");
const stripThe = (text: string) => text.replace(/^the\s+/i, "");

type Blanked = { id: string; answer: string; prompt: string; options: string[]; accepted: string[]; quote: string };

function blankedCards(cards: CardInput[]): Blanked[] {
  return cards.flatMap((card): Blanked[] =>
    card.type === "cloze"
      ? [
          {
            id: card.id,
            answer: card.answer,
            prompt: card.prompt,
            options: [],
            accepted: card.acceptedAnswers ?? [],
            quote: card.quote,
          },
        ]
      : card.type === "multiple_choice" && card.prompt.includes(CLOZE_BLANK)
        ? [
            {
              id: card.id,
              answer: card.answer,
              prompt: card.prompt,
              options: card.options,
              accepted: [],
              quote: card.quote,
            },
          ]
        : [],
  );
}

const LEXICON = (
  nlp.world() as unknown as { model: { one: { lexicon: Record<string, string | string[] | undefined> } } }
).model.one.lexicon;
const lexiconTags = (word: string): string[] => {
  const entry = LEXICON[word.toLowerCase()];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
};

const KNOWN_COUNTRIES = new Set(["united states", "united kingdom", "soviet union", "britain", "us", "uk", "ussr"]);

/** A coarse class of an option, from its form and compromise's lexicon; null when unknown. */
const optionClasses = new Map<string, string | null>();

export function optionClass(option: string): string | null {
  const cached = optionClasses.get(option);
  if (cached !== undefined) return cached;
  const found = classifyOption(option);
  // Options repeat across candidates and articles: compromise runs once per distinct option.
  if (optionClasses.size < 5000) optionClasses.set(option, found);
  return found;
}

function classifyOption(option: string): string | null {
  const name = fold(stripThe(option));
  if (/^\d{4}$/.test(name)) return "year";
  if (/\d/.test(name)) return "number";
  if (KNOWN_COUNTRIES.has(name)) return "country";
  const tags = lexiconTags(name);
  if (tags.includes("Country")) return "country";
  if (tags.includes("City")) return "city";
  if (tags.includes("Region")) return "region";
  // A person by a first name compromise knows ("Paul Volcker"): a lexicon lookup, no parse.
  const first = lexiconTags(name.split(" ")[0] ?? "");
  if (name.includes(" ") && first.some((tag) => /^(?:FirstName|MaleName|FemaleName)$/.test(tag))) return "person";
  return null;
}

/** Whether the article lists `a` and `b` together ("A, B and C"), so each may be true where the other is. */
function listedTogether(sentences: ArticleSentence[], a: string, b: string): boolean {
  const names = [stripThe(a), stripThe(b)];
  const between =
    /^(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*,\s+(?:and|or)\s+|(?:\s*,\s*[A-Z][\p{L}’'.-]*(?:\s+[A-Z][\p{L}’'.-]*)*)+\s*,?\s*(?:and|or)?\s*)(?:the\s+)?$/u;
  for (const { text } of sentences) {
    const at = names.map((name) => text.indexOf(name));
    if (at.some((index) => index < 0)) continue;
    const [first, second] = (at[0] ?? 0) < (at[1] ?? 0) ? [0, 1] : [1, 0];
    const gap = text.slice((at[first] ?? 0) + (names[first] ?? "").length, at[second] ?? 0);
    if (between.test(gap)) return true;
  }
  return false;
}

// A definite noun phrase that points back: "The treaty", "The talks", "The team" after the article named them.
const POINTER_START =
  /^(?:this|that|these|those|it|its|they|their|them|he|she|his|her|him|such|both|the latter|the former|here|there)\b/i;
const DEPENDENT_VERB = /^\S+(?:\s+\S+)?\s+(?:followed|did the same|did so|followed suit|agreed too|joined too)\b/i;
const SUBJECT_PRONOUN = /\b(?:he|she|they)\b/;

/** Why a statement cannot stand alone, or null. `before` are the article's sentences before it. */
export function contextProblem(
  statement: string,
  before: ArticleSentence[] | ((word: string) => boolean),
): string | null {
  const namedBefore =
    typeof before === "function"
      ? before
      : (word: string) => before.some((sentence) => new RegExp(`\\b${word}\\b`, "i").test(sentence.text));
  const text = statement.replace(/^["“‘(]+/, "");
  if (POINTER_START.test(text)) return `opens on “${text.split(/\s+/)[0]}”`;
  if (DEPENDENT_VERB.test(text) && text.split(/\s+/).length < 12) return "only makes sense after the sentence before";
  const definite = /^The ([a-z]+)(?: ([a-z]+))?\s+(?:[a-z]+)/.exec(text);
  if (definite) {
    // "The treaty obliged…": the head noun (last word of up to two) was named before, so it points back.
    const head = definite[2] && !/ed$|s$/.test(definite[2]) ? definite[2] : (definite[1] ?? "");
    const stem = head.replace(/s$/, "");
    if (stem.length >= 3 && (namedBefore(stem) || namedBefore(`${stem}s`)))
      return `opens on “The ${head}”, named in an earlier sentence`;
  }
  // "In ____ she and …": a subject pronoun before any name.
  const firstName = /\b[A-Z][a-z]+/.exec(text.slice(1));
  const pronoun = SUBJECT_PRONOUN.exec(text);
  if (pronoun && (!firstName || pronoun.index < firstName.index + 1) && pronoun.index < 40)
    return `“${pronoun[0]}” comes before anyone is named`;
  return null;
}

function longestCommonRun(a: string[], b: string[]): number {
  let best = 0;
  const previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const saved = previous[j] ?? 0;
      previous[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : 0;
      best = Math.max(best, previous[j] ?? 0);
      diagonal = saved;
    }
  }
  return best;
}
const words = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** A true statement copies the article when one run of its words covers 75 % of it. */
export function isCopied(statement: string, quote: string): boolean {
  const a = words(statement);
  return a.length > 0 && longestCommonRun(a, words(quote)) >= 0.75 * a.length;
}

const ATTRIBUTION =
  /\b(?:argue|argues|argued|contend|contends|contended|reply|replies|replied|insist|insists|insisted|warn|warns|warned|claim|claims|claimed|point out|points out|note|notes|say|says|said)\s+that\b|\baccording to\b|\bin (?:his|her|their) view\b/i;

/** Sentences where the article reports someone's claim ("Critics argue that…"). */
export function attributionSentences(sentences: ArticleSentence[]): ArticleSentence[] {
  return sentences.filter((sentence) => ATTRIBUTION.test(sentence.text));
}

const THESIS_CUE =
  /\bnot (?:because|mainly|simply|only|a)\b[^.]*\bbut\b|\brather than\b|\bless (?:a |an )?\w+ than\b|\bthe lesson\b|\bin that sense\b|\bthat is why\b|\bmattered (?:less|more|most)\b|\bis not that\b/i;

/** The lead, the conclusion and sentences that state the argument: each deserves a card first. */
export function importantSentences(sentences: ArticleSentence[]): ArticleSentence[] {
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  return sentences.filter((sentence) => sentence === first || sentence === last || THESIS_CUE.test(sentence.text));
}

const quotesOf = (card: CardInput) => [
  card.quote,
  ...(card.type === "timeline" ? card.events.map((e) => e.quote) : []),
];
const holds = (quote: string, sentence: ArticleSentence) => {
  const a = fold(quote);
  const b = fold(sentence.text);
  return a.includes(b) || b.includes(a);
};

const BOILERPLATE =
  /\(paragraph \d+\)|\bin paragraph \d+\b|^The article (?:names|gives|dates|places|says)\b|^True: the article says|^The article['’]s term here is/i;
const TITLE_WORDS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|President|Mayor|Senator|Secretary|State|Minister|Chancellor|General|Queen|King|Prime|Governor|Dr|Professor|Sir|Lord|Pope|Judge|Chairman|Ambassador)$/;
const DANGLING_END = /\b(?:the|a|an|of|and|or|to|that|in|on|at|its|their|his|her|with|by|for|as|from)$/i;
const LABEL_START = /^(?:critics|supporters|opponents|defenders|he|she|it|they|this|that|and|but|which|who)\b/i;

/** Why a timeline label reads as cut from its sentence, or null. */
export function labelProblem(raw: string): string | null {
  const label = raw.trim();
  if (/…$|\.\.\.$/.test(label)) return `label cut short: “${label}”`;
  if (DANGLING_END.test(label)) return `label ends on a dangling word: “${label}”`;
  if (LABEL_START.test(label) || ATTRIBUTION.test(label)) return `label lifted from an argument or pronoun: “${label}”`;
  return null;
}

export type CheckOptions = { title?: string };

type Prepared = {
  text: string;
  sentences: ArticleSentence[];
  subjectWords: Set<string>;
  acronyms: Array<[string, string]>;
  sentenceIndex: (quote: string) => number;
  /** Whether the article uses `name` as whole words (memoised: asked for every candidate). */
  inText: (name: string) => boolean;
  /** Whether `word` (lower case) occurs in a sentence before sentence `index`. */
  seenBefore: (index: number) => (word: string) => boolean;
};

/** What the checks need to know about an article, computed once. */
export function prepareChecks(text: string, options: CheckOptions = {}): Prepared {
  const sentences = articleSentences(text);
  const subjects = articleSubjects(text, options.title);
  const folded = sentences.map((sentence) => fold(sentence.text));
  const indexCache = new Map<string, number>();
  const inTextCache = new Map<string, boolean>();
  // The first sentence each word occurs in: "named before" is then one lookup.
  const firstSeen = new Map<string, number>();
  sentences.forEach((sentence, k) => {
    for (const word of sentence.text.toLowerCase().match(/[\p{L}]+/gu) ?? [])
      if (!firstSeen.has(word)) firstSeen.set(word, k);
  });
  return {
    text,
    sentences,
    subjectWords: new Set(subjects.flatMap(significantWords)),
    acronyms: acronymPairs(text),
    sentenceIndex: (quote: string) => {
      const key = fold(quote);
      let at = indexCache.get(key);
      if (at === undefined) {
        at = folded.findIndex((sentence) => sentence.includes(key) || key.includes(sentence));
        indexCache.set(key, at);
      }
      return at;
    },
    inText: (name: string) => {
      let used = inTextCache.get(name);
      if (used === undefined) inTextCache.set(name, (used = containsWords(text, name)));
      return used;
    },
    seenBefore: (index: number) => (word: string) => (firstSeen.get(word.toLowerCase()) ?? Infinity) < index,
  };
}

/** Every finding for the cards generated from `text` (front matter removed). */
export function checkCards(text: string, cards: CardInput[], options: CheckOptions = {}): Finding[] {
  const prepared = prepareChecks(text, options);
  return [...cards.flatMap((card) => checkCard(prepared, card)), ...checkDeck(prepared, cards)];
}

/** The findings about one card alone (patterns 1-5, 6's grammar, 8, 9, 10). */
export function checkCard(prepared: Prepared, card: CardInput): Finding[] {
  const findings: Finding[] = [];
  const add = (pattern: PatternId, cardId: string | null, message: string) =>
    findings.push({ pattern, cardId, message });
  const { text, sentences, subjectWords, sentenceIndex } = prepared;
  const cards = [card];

  for (const card of blankedCards(cards)) {
    const answer = stripThe(card.answer);
    const statement = statementOf(card.prompt);
    const rest = statement.replace(CLOZE_BLANK, " ");
    // 1: the subject, or given away.
    if (significantWords(answer).some((word) => subjectWords.has(word)))
      add(1, card.id, `“${card.answer}” is what the article is about: ${statement}`);
    const surname =
      /^[A-Z]\S+ [A-Z]\S+$/.test(answer) && optionClass(answer) === "person" ? [answer.split(" ").pop() ?? ""] : [];
    const giveaway = [answer, ...surname, ...giveawaysOf(answer)].find(
      (form) => form.length > 1 && containsWords(rest, form),
    );
    if (giveaway) add(1, card.id, `“${giveaway}” in the sentence gives “${card.answer}” away: ${statement}`);
    // 2: part of a name, or a common word.
    const blankAt = statement.indexOf(CLOZE_BLANK);
    const before = statement.slice(0, blankAt);
    const after = statement.slice(blankAt + CLOZE_BLANK.length);
    const capitalBefore = /(?:^|\s)([A-Z][\p{L}’'.-]+)\s+$/u.exec(before);
    const nameBefore = capitalBefore !== null && capitalBefore.index > 0 && !TITLE_WORDS.test(capitalBefore[1] ?? "");
    const nameAfter = /^[A-Z]/.test(answer) && /^\s+(?:(?:of|for|de)\s+)?[A-Z][a-z]/.test(after);
    if (nameBefore || nameAfter) add(2, card.id, `the blank is part of a longer name: ${statement}`);
    if (/^[a-z][a-z-]*$/.test(answer) && numberValue(answer) === null) {
      // A term the article defines or quotes is worth a blank; a word any sentence could hold is not.
      const defined = new RegExp(`[“"‘']${answer}[”"’']|\\b(?:called|known as|termed)\\s+${answer}\\b`, "i").test(text);
      const common =
        lexiconTags(answer).length > 0 ||
        !/^[a-z]{8,}$/.test(answer) ||
        /(?:ment|tion|sion|ity|ness|ance|ence|ship)s?$/.test(answer);
      if (!defined && common) add(2, card.id, `“${card.answer}” is a common word: ${statement}`);
    }
    // 3: options.
    if (card.options.length > 0) {
      const classes = card.options.map(optionClass);
      const known = classes.filter((cls): cls is string => cls !== null);
      const answerClass = optionClass(card.answer);
      if (answerClass && known.some((cls) => cls !== answerClass && !(cls === "number" && answerClass === "year")))
        add(
          3,
          card.id,
          `options of different kinds (${card.options.map((o, k) => `${o}: ${classes[k] ?? "?"}`).join(", ")})`,
        );
      for (const option of card.options) {
        if (option === card.answer) continue;
        if (sameOrRelated(card.answer, option))
          add(3, card.id, `“${option}” is another name for, or related to, “${card.answer}”`);
        else if (containsWords(rest, stripThe(option))) add(3, card.id, `“${option}” is named in the sentence itself`);
        else if (listedTogether(sentences, card.answer, option))
          add(3, card.id, `“${option}” is listed with “${card.answer}” in the article: it may be true too`);
      }
      if (/^Which place\b/.test(card.prompt) && answerClass === "country")
        add(3, card.id, `“Which place” for a country acting as a party: ${card.prompt.slice(0, 60)}…`);
    }
    // 9: accepted answers (cloze: the student types).
    if (card.options.length === 0) {
      const accepted = new Set(card.accepted.map(fold));
      const missing: string[] = [];
      for (const form of numberForms(card.answer)) if (!accepted.has(fold(form))) missing.push(form);
      for (const alias of aliasesOf(answer))
        if (prepared.inText(alias) && !accepted.has(fold(alias)) && alias.length > 2) missing.push(alias);
      if (surname.length > 0 && !accepted.has(fold(surname[0] ?? ""))) missing.push(surname[0] ?? "");
      const acronym = prepared.acronyms.find(
        ([long, short]) => fold(long) === fold(answer) || fold(short) === fold(answer),
      );
      if (acronym) {
        const other = fold(acronym[0]) === fold(answer) ? acronym[1] : acronym[0];
        if (!accepted.has(fold(other))) missing.push(other);
      }
      if (missing.length > 0) add(9, card.id, `“${card.answer}” without ${missing.map((m) => `“${m}”`).join(", ")}`);
    }
  }

  // 4: context. Cards that show a sentence as their prompt or statement.
  for (const card of cards) {
    // Continuation cards show the start of a sentence in quotation marks: it must stand alone too.
    const shown = /^How does the .*? continue\? “(.+) …”$/.exec(card.prompt)?.[1];
    if (!shown && !["cloze", "multiple_choice", "true_false", "fact_or_opinion"].includes(card.type)) continue;
    const statement = shown ?? statementOf(card.prompt);
    const at = sentenceIndex(card.quote);
    const problem = contextProblem(statement, prepared.seenBefore(at < 0 ? 0 : at));
    if (problem) add(4, card.id, `${problem}: ${statement.slice(0, 90)}`);
  }

  // 5: true/false.
  const trueFalse = cards.filter((card) => card.type === "true_false");
  for (const card of trueFalse) {
    if (card.answer === "True") {
      if (isCopied(card.prompt, card.quote))
        add(5, card.id, `true statement copied from the article: ${card.prompt.slice(0, 90)}`);
      const cues = findOpinionCues(card.prompt);
      if (cues.length > 0 && !/^(?:according to|the author|in the author)/i.test(card.prompt))
        add(5, card.id, `an opinion (“${cues[0]?.text}”) marked true as a fact`);
    } else {
      for (const match of card.prompt.matchAll(/\b(\d{4})\s*(?:and|to|–|-|until)\s*(\d{4})\b/g))
        if (Number(match[1]) > Number(match[2])) add(5, card.id, `a swap that gives itself away: “${match[0]}”`);
      const names = [...card.prompt.matchAll(/\b[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]+)*/g)].map((m) => m[0]);
      const twice = names.find(
        (name, k) =>
          !STOP_CAPS.has(name) &&
          names.indexOf(name) !== k &&
          (card.quote.match(new RegExp(`\\b${name}\\b`, "g"))?.length ?? 0) < 2,
      );
      if (twice) add(5, card.id, `the swap names “${twice}” twice: ${card.prompt.slice(0, 90)}`);
    }
  }
  // 6: viewpoints.
  for (const card of cards) {
    if (card.type !== "viewpoint") continue;
    const plural = /^What (?:does|has) (?:the )?([A-Z][a-z]+s)\b(?! [A-Z])/.exec(card.prompt);
    if (plural && !/(?:ss|us|is)$/.test(plural[1] ?? "")) add(6, card.id, `ungrammatical: ${card.prompt}`);
  }
  // 8: timeline labels.
  for (const card of cards) {
    if (card.type !== "timeline") continue;
    for (const event of card.events) {
      const problem = labelProblem(event.label);
      if (problem) add(8, card.id, problem);
    }
  }

  // 10: explanations.
  for (const card of cards) {
    const explanation = card.explanation ?? "";
    if (BOILERPLATE.test(explanation)) add(10, card.id, `boilerplate: “${explanation.slice(0, 80)}”`);
  }
  return findings;
}

/** The findings about the deck as a whole: balance, attributions and important sentences without a card, duplicates. */
export function checkDeck(prepared: Prepared, cards: CardInput[]): Finding[] {
  const findings: Finding[] = [];
  const add = (pattern: PatternId, cardId: string | null, message: string) =>
    findings.push({ pattern, cardId, message });
  const { sentences, sentenceIndex } = prepared;
  const trueFalse = cards.filter((card) => card.type === "true_false");
  const trues = trueFalse.filter((card) => card.answer === "True").length;
  const falses = trueFalse.length - trues;
  if (Math.abs(trues - falses) > Math.max(1, Math.round(trueFalse.length * 0.2)))
    add(5, null, `true/false unbalanced: ${trues} true, ${falses} false`);

  const viewpointQuotes = cards.filter((card) => card.type === "viewpoint").map((card) => card.quote);
  for (const sentence of attributionSentences(sentences)) {
    if (!viewpointQuotes.some((quote) => holds(quote, sentence)))
      add(6, null, `attributed claim with no viewpoint card: ${sentence.text.slice(0, 100)}`);
  }

  // 7: selection.
  const perSentence = new Map<number, CardInput[]>();
  for (const card of cards) {
    const at = sentenceIndex(card.quote);
    if (at >= 0) perSentence.set(at, [...(perSentence.get(at) ?? []), card]);
  }
  const uncovered = importantSentences(sentences).filter(
    (sentence) => !cards.some((card) => quotesOf(card).some((quote) => holds(quote, sentence))),
  );
  for (const sentence of uncovered) {
    add(7, null, `important sentence with no card: ${sentence.text.slice(0, 100)}`);
  }
  if (uncovered.length > 0) {
    for (const [, list] of perSentence)
      for (const card of list.slice(1))
        add(7, card.id, `a second card on one sentence while an important sentence has none`);
  }
  const seen = new Map<string, string>();
  for (const card of cards) {
    if (card.type === "timeline") continue;
    const key = `${fold(card.quote)}|${fold(card.answer ?? "")}`;
    const other = seen.get(key);
    if (other) add(7, card.id, `asks what ${other} asks (same sentence, same answer)`);
    else seen.set(key, card.id);
  }

  return findings;
}

/** "Organisation for Economic Co-operation and Development, the OECD" / "(NATO)": [long, short]. */
export function acronymPairs(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const match of text.matchAll(
    /\b((?:[A-Z][\p{L}-]+\s+)(?:(?:for|of|and|the|[A-Z][\p{L}-]+)\s+){0,6}[A-Z][\p{L}-]+)(?:,\s+(?:the|known as)\s+|\s+\()([A-Z]{2,6}|[a-z]?[A-Z]{2,5})\b/gu,
  )) {
    const long = match[1] ?? "";
    const short = match[2] ?? "";
    const initials = long
      .split(/[\s-]+/)
      .filter((word) => /^[A-Z]/.test(word))
      .map((word) => word[0])
      .join("");
    if (initials.endsWith(short.toUpperCase()) || initials === short.toUpperCase()) {
      const trimmed = long
        .split(/\s+/)
        .slice(-Math.max(short.length, long.split(/\s+/).length - 0))
        .join(" ");
      pairs.push([trimmed, short]);
    }
  }
  return pairs;
}

/** Checks that look at one card alone (the generator's last gate uses these). */
export const CARD_LEVEL: ReadonlySet<PatternId> = new Set([1, 2, 3, 4, 5, 6, 8, 9, 10]);

export type CheckSummary = {
  byPattern: Record<PatternId, { count: number; examples: string[] }>;
  flaggedCards: number;
  cards: number;
  trueCount: number;
  falseCount: number;
};

/** Findings counted per pattern, with up to `examples` messages each. */
export function summarize(cards: CardInput[], findings: Finding[], examples = 3): CheckSummary {
  const byPattern = Object.fromEntries(
    (Object.keys(PATTERNS) as unknown as PatternId[]).map((id) => [Number(id), { count: 0, examples: [] as string[] }]),
  ) as Record<PatternId, { count: number; examples: string[] }>;
  for (const finding of findings) {
    const entry = byPattern[finding.pattern];
    entry.count += 1;
    if (entry.examples.length < examples)
      entry.examples.push(finding.cardId ? `${finding.cardId}: ${finding.message}` : finding.message);
  }
  const flagged = new Set(findings.flatMap((finding) => (finding.cardId ? [finding.cardId] : [])));
  const trueFalse = cards.filter((card) => card.type === "true_false");
  const trueCount = trueFalse.filter((card) => card.answer === "True").length;
  return {
    byPattern,
    flaggedCards: flagged.size,
    cards: cards.length,
    trueCount,
    falseCount: trueFalse.length - trueCount,
  };
}

export type KeyPoint = { point: string; evidence: string };

/**
 * Key-point coverage: a key point is covered when a card that no check flags quotes its evidence,
 * a verbatim phrase of the article that states it (compared with case and typography folded), in
 * its quote or in one of its timeline events' quotes.
 */
export function keyPointCoverage(
  cards: CardInput[],
  findings: Finding[],
  keyPoints: KeyPoint[],
): { covered: KeyPoint[]; missed: KeyPoint[]; share: number } {
  const flagged = new Set(findings.flatMap((finding) => (finding.cardId ? [finding.cardId] : [])));
  const clean = cards.filter((card) => !flagged.has(card.id));
  const covered = keyPoints.filter((point) =>
    clean.some((card) => quotesOf(card).some((quote) => fold(quote).includes(fold(point.evidence)))),
  );
  const missed = keyPoints.filter((point) => !covered.includes(point));
  return { covered, missed, share: keyPoints.length === 0 ? 1 : covered.length / keyPoints.length };
}

export type ArticleEvaluation = {
  summary: CheckSummary;
  findings: Finding[];
  coverage: ReturnType<typeof keyPointCoverage>;
  cardsByKind: Record<string, number>;
};

/** Checks, summary and key-point coverage for one article's cards. */
export function evaluateCards(
  text: string,
  cards: CardInput[],
  keyPoints: KeyPoint[],
  options: CheckOptions = {},
): ArticleEvaluation {
  const findings = checkCards(text, cards, options);
  const cardsByKind: Record<string, number> = {};
  for (const card of cards) cardsByKind[card.type] = (cardsByKind[card.type] ?? 0) + 1;
  return {
    summary: summarize(cards, findings),
    findings,
    coverage: keyPointCoverage(cards, findings, keyPoints),
    cardsByKind,
  };
}
