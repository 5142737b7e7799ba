import { asStatement, startsWithContextWord, type Analyzed } from "./context";
import type { Candidate } from "./types";

/**
 * Fact-or-opinion cards: a sentence in the author's own voice that judges, hedges or prescribes is
 * the author's opinion; a sentence that reports a dated event with none of those words is reported
 * fact. The rule is a list of cue words, so every card can say which words made it an opinion.
 */

export type OpinionCueKind = "judgement" | "hedge" | "prescription";
export type OpinionCue = { kind: OpinionCueKind; text: string };

// A plain hedge ("likely") says less about the author's stance than a judging word ("wise") or an
// explicit inference ("it therefore seems"): it ranks lower when cards compete.
const WEAK_CUES = new Set(["likely", "probably", "perhaps", "not perfect", "many advantages", "creative"]);

/** How clearly a sentence's cues show the author's stance: 2 for each strong cue, 1 for a weak one. */
export function cueWeight(cues: OpinionCue[]): number {
  return cues.reduce((sum, cue) => sum + (WEAK_CUES.has(cue.text.toLowerCase()) ? 1 : 2), 0);
}

// Each entry is matched as whole words, case ignored. Kept short on purpose: a cue must judge or
// hedge in nearly every sentence it occurs in ("could" and "would" alone do not: they also report plans).
const CUES: Record<OpinionCueKind, string[]> = {
  judgement: [
    "wise",
    "wisely",
    "unwise",
    "balanced",
    "remarkable",
    "remarkably",
    "impressive",
    "admirable",
    "foolish",
    "reckless",
    "disastrous",
    "brilliant",
    "misguided",
    "naive",
    "unreliable",
    "creative",
    "more importantly",
    "most importantly",
    "unfortunately",
    "fortunately",
    "sadly",
    "rightly",
    "wrongly",
    "clearly",
    "undoubtedly",
    "obviously",
    "not perfect",
    "many advantages",
  ],
  hedge: [
    "it seems",
    "it therefore seems",
    "seems",
    "apparently",
    "arguably",
    "likely",
    "probably",
    "perhaps",
    "presumably",
    "it appears",
    "in my view",
    "i believe",
    "we believe",
    "i think",
  ],
  // Not "must": "Beijing must refrain…" usually reports a party's demand, not the author's.
  prescription: ["should", "ought to", "would need to", "needs to"],
};

// Phrases holding a cue word that do not judge: "It should be recalled that" introduces a fact.
const NOT_CUES = [/\bit should be (?:recalled|noted|remembered)\b/gi, /\bmust be accepted\b/gi];

// The claim is someone else's, not the author's: a viewpoint card asks about it instead.
const ATTRIBUTED =
  /\b(?:according to|from \w+(?:['’]s)? (?:perspective|point of view)|(?:said|says|argued|argues|warned|warns|claimed|claims|called|calls|insisted|estimated|estimates|predicted|predicts|found|reported|reports|believes|believed|stated|declared)\b)/i;

// Words that rank or frame ("the core of the conflict", "the main dispute"): a sentence holding one
// is the author's reading even without a cue, so it is offered neither as fact nor as opinion.
const FRAMING = /\b(?:core|main|central|key|crucial|real|solely|only|most|least|best|worst)\b/i;

const MAX_WORDS = 45;
const MIN_WORDS = 8;

// Compiled once, longest first (a longer cue hides the shorter one inside it).
const CUE_PATTERNS = (Object.keys(CUES) as OpinionCueKind[])
  .flatMap((kind) => CUES[kind].map((cue) => ({ kind, cue })))
  .sort((a, b) => b.cue.length - a.cue.length)
  .map(({ kind, cue }) => ({
    kind,
    pattern: new RegExp(`(?<![\\p{L}])${cue.replace(/ /g, "\\s+")}(?![\\p{L}])`, "iu"),
  }));

/** The cue words a sentence holds, in text order (a longer cue hides the shorter one inside it). */
export function findOpinionCues(text: string): OpinionCue[] {
  let rest = text;
  for (const pattern of NOT_CUES) rest = rest.replace(pattern, (phrase) => " ".repeat(phrase.length));
  const found: Array<OpinionCue & { at: number }> = [];
  for (const { kind, pattern } of CUE_PATTERNS) {
    const match = pattern.exec(rest);
    if (!match) continue;
    found.push({ kind, text: match[0], at: match.index });
    // Blanked with spaces of the same length, so later matches keep their place in the text.
    rest = `${rest.slice(0, match.index)}${" ".repeat(match[0].length)}${rest.slice(match.index + match[0].length)}`;
  }
  return found.sort((a, b) => a.at - b.at).map(({ kind, text }) => ({ kind, text }));
}

const WHY: Record<OpinionCueKind, string> = {
  judgement: "weighs rather than reports, and another writer could weigh it differently",
  hedge: "is the author’s inference, not an event the article reports",
  prescription: "says what ought to happen, not what did",
};

/** Why the statement is the author's opinion, naming its cue words (the first cue's kind explains). */
export function opinionReason(cues: OpinionCue[]): string {
  const first = cues[0];
  if (!first) return "";
  const words = cues.map((cue) => `“${cue.text}”`).join(", ");
  return `Opinion: ${words} ${cues.length === 1 ? "marks" : "mark"} the author’s judgement; the sentence ${WHY[first.kind]}.`;
}

/**
 * One fact-or-opinion candidate from a sentence, or none: an opinion when the sentence holds a cue
 * and speaks in the author's voice; a fact when it reports a dated event and holds no cue.
 */
export function factOrOpinionCandidate(item: Analyzed): Candidate | null {
  const { sentence } = item;
  if (sentence.words < MIN_WORDS || sentence.words > MAX_WORDS) return null;
  // "This not only preserved…" leans on the sentence before: it is not a statement on its own.
  if (startsWithContextWord(sentence.text) || ATTRIBUTED.test(sentence.text)) return null;
  const statement = asStatement(sentence.text);
  // Cues are looked for in the statement the card shows, so the reason never names a word it dropped.
  const cues = findOpinionCues(statement);
  const base = { type: "fact_or_opinion" as const, prompt: statement, quote: sentence.quote };
  const candidate = (body: Candidate["body"], score: number, idWords: string): Candidate => ({
    body,
    sentence: sentence.index,
    paragraph: sentence.paragraph,
    answerKey: null,
    score,
    idWords,
  });
  if (cues.length > 0) {
    return candidate(
      { ...base, answer: "opinion", explanation: opinionReason(cues) },
      3 + cueWeight(cues) + item.score / 10,
      `opinion ${cues[0]?.text ?? ""}`,
    );
  }
  const dated = item.mentions.some((mention) => mention.kind === "year");
  if (!dated || FRAMING.test(sentence.text)) return null;
  return candidate(
    {
      ...base,
      answer: "fact",
      explanation:
        "Reported fact: it states what happened and when, with no word that judges or hedges; it can be checked against the record.",
    },
    item.score,
    "fact",
  );
}
