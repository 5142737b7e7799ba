import { asStatement, inContext, type Analyzed, type ArticleContext } from "./context";
import type { Candidate } from "./types";

/**
 * Cards on the article's argument: the lead, the conclusion and sentences that state a thesis
 * ("not because … but because", "rather than", "the lesson") name nothing a blank could take, so
 * they become "how does the author's argument continue?" cards, attributed to the author: the
 * student recalls the second half of the claim and grades themself against it.
 */

// Where a claim turns: the first of these that leaves four words or more on each side.
const TURNS = [
  // "ended not because X but because Y": Y is the claim, so the cut comes before it.
  /,?\s+but because\s+/,
  /\s+not because\s+/,
  /:\s+/,
  /;\s+/,
  /\s+rather than\s+/,
  /,?\s+but\s+/,
  /\s+because\s+/,
  /\s+less\s+(?=\w+ than\b)/,
  /\s+than\s+/,
  /,\s+(?:and|so|which)\s+/,
  // "distrusted the judgement of scouts, who valued speed…": what the people named hold or do.
  /,\s+who\s+/,
  // "on-base percentage, the share of times…": a term and the definition after it.
  /,\s+(?=the \w+ of\b)/,
  /\s+(?:is|was|are|were)\s+(?:that|not)\s+/,
];
const MIN_SIDE_WORDS = 4;
const MAX_WORDS = 55;

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The claim split where it turns: what the card shows and what the student must recall. */
export function splitClaim(statement: string): { shown: string; recalled: string } | null {
  const text = statement.replace(/[.!]$/, "");
  for (const turn of TURNS) {
    const match = turn.exec(text);
    if (!match) continue;
    // Keep the turning words on the shown side, so the question says which way the claim goes.
    const cut = match.index + match[0].length;
    const shown = text.slice(0, cut).trim();
    const recalled = text.slice(cut).trim();
    // "within hours rather than weeks": after a comparison one word is a fair thing to recall.
    const minRecalled = /than\s+$/.test(match[0]) ? 1 : MIN_SIDE_WORDS;
    if (wordsIn(shown) >= MIN_SIDE_WORDS && wordsIn(recalled) >= minRecalled) return { shown, recalled };
  }
  return null;
}

/** A thesis card for an important sentence, or null when the sentence does not split well. */
export function thesisCandidate(item: Analyzed, context: ArticleContext, role: string): Candidate | null {
  const { sentence } = item;
  if (sentence.words > MAX_WORDS) return null;
  const statement = asStatement(sentence.text);
  const split = splitClaim(statement);
  if (!split) return null;
  const recalled = split.recalled.charAt(0).toUpperCase() + split.recalled.slice(1);
  return {
    body: {
      type: "viewpoint",
      party: "the author",
      prompt: `How does the author’s argument continue? “${split.shown} …”`,
      answer: recalled,
      explanation: `This is the author’s ${role}, a claim the article argues for rather than a reported fact.${inContext(context, item)}`,
      quote: sentence.quote,
    },
    sentence: sentence.index,
    paragraph: sentence.paragraph,
    answerKey: `thesis:${sentence.index}`,
    score: item.score + 6,
    idWords: `author ${split.shown.split(" ").slice(0, 4).join(" ")}`,
  };
}

/**
 * A sentence that names nothing a blank could take (no name, date or number) but states the point
 * of its paragraph: the student recalls how it continues. Self-graded, like a flashcard.
 */
export function continuationCandidate(item: Analyzed, context: ArticleContext): Candidate | null {
  const { sentence } = item;
  if (sentence.words > MAX_WORDS) return null;
  const split = splitClaim(asStatement(sentence.text));
  if (!split) return null;
  const recalled = split.recalled.charAt(0).toUpperCase() + split.recalled.slice(1);
  return {
    body: {
      type: "basic",
      prompt: `How does the article’s point continue? “${split.shown} …”`,
      answer: recalled,
      explanation: `The passage’s point, in the article’s words.${inContext(context, item)}`,
      quote: sentence.quote,
    },
    sentence: sentence.index,
    paragraph: sentence.paragraph,
    answerKey: `point:${sentence.index}`,
    // Nothing named scores the sentence low; it still ranks with the weakest fact cards.
    score: Math.max(item.score, 1),
    idWords: `point ${split.shown.split(" ").slice(0, 4).join(" ")}`,
  };
}

const CONCLUSION_OPENER = /^(?:That|This) is why\s+/;
const MAX_FOLLOW_UP_WORDS = 60;

/**
 * An important sentence that does not split where its claim turns still gets a card:
 * - "That is why X": the reason (the sentence before) is shown and the student recalls X, the
 *   author's conclusion;
 * - a short claim ("The lesson most firms drew was modest.") is shown and the student recalls how
 *   the article backs it up, the next sentence of its paragraph (both are quoted).
 * Null when neither applies (no sentence before or after, or too long to read as one card).
 */
export function followUpCandidate(item: Analyzed, context: ArticleContext, role: string): Candidate | null {
  const { sentence } = item;
  const statement = asStatement(sentence.text);
  const conclusion = CONCLUSION_OPENER.exec(statement);
  const base = { sentence: sentence.index, paragraph: sentence.paragraph, answerKey: `thesis:${sentence.index}` };
  if (conclusion) {
    const previous = context.sentences[sentence.index - 1];
    if (!previous || previous.skip !== null || previous.words + sentence.words > MAX_FOLLOW_UP_WORDS) return null;
    const rest = statement.slice(conclusion[0].length);
    return {
      ...base,
      body: {
        type: "viewpoint",
        party: "the author",
        prompt: `What does the author conclude from this? “${previous.text}”`,
        answer: rest.charAt(0).toUpperCase() + rest.slice(1),
        explanation: `This is the author’s ${role}: the conclusion drawn from the sentence before it.${inContext(context, item)}`,
        quote: sentence.quote,
      },
      score: item.score + 6,
      idWords: `author concludes ${rest.split(" ").slice(0, 4).join(" ")}`,
    };
  }
  const next = context.sentences[sentence.index + 1];
  if (!next || next.paragraph !== sentence.paragraph || next.skip !== null) return null;
  if (sentence.words + next.words > MAX_FOLLOW_UP_WORDS) return null;
  if (!/^\s*$/.test(context.text.slice(sentence.end, next.start))) return null;
  return {
    ...base,
    body: {
      type: "basic",
      prompt: `How does the article’s point continue? “${statement.replace(/[.!]$/, "")} …”`,
      answer: asStatement(next.text),
      explanation: `The ${role} and the evidence the article gives for it.${inContext(context, item)}`,
      quote: context.text.slice(sentence.start, next.end),
    },
    score: item.score + 6,
    idWords: `point ${statement.split(" ").slice(0, 4).join(" ")}`,
  };
}

// "<what>, known as <term>, <rest>": the sentence names a term and says what it is.
const DEFINES = /^(.+?),\s+(?:known as|called)\s+([a-z][a-z -]{2,40}?),\s+(.+?)[.!]?$/;
const MAX_DEFINITION_WORDS = 45;

/**
 * A sentence that defines a term ("The money paid, known as counterpart funds, stayed in
 * Europe…") asks what the term is: "What were counterpart funds, as the article explains them?"
 * with the sentence's own description as the answer (self-graded, kind `basic`). A lower-case
 * term has nothing a blank could take without giving the answer away, so it would get no card.
 * Null for sentences that define nothing.
 */
export function definitionCandidate(item: Analyzed, context: ArticleContext): Candidate | null {
  const { sentence } = item;
  if (sentence.words > MAX_DEFINITION_WORDS) return null;
  const match = DEFINES.exec(asStatement(sentence.text));
  if (!match) return null;
  const [, what = "", term = "", rest = ""] = match;
  const past = /\b(?:was|were|had|did)\b|\b\w+ed\b/.test(rest.split(" ").slice(0, 3).join(" "));
  const plural = /s$/.test(term);
  const verb = plural ? (past ? "were" : "are") : past ? "was" : "is";
  return {
    body: {
      type: "basic",
      prompt: `What ${verb} “${term}”, as the article explains ${plural ? "them" : "it"}?`,
      answer: `${what}, which ${rest}.`,
      explanation: `The article defines the term here.${inContext(context, item)}`,
      quote: sentence.quote,
    },
    sentence: sentence.index,
    paragraph: sentence.paragraph,
    answerKey: `term:${term.toLowerCase()}`,
    score: Math.max(item.score, 1),
    idWords: `term ${term}`,
  };
}
