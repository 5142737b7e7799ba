import { inContext, type Analyzed, type ArticleContext } from "./context";
import { seededShuffle } from "./ids";
import { pickDistractors } from "./inventory";
import { acceptedForms, type Mention } from "./mentions";
import { capitalize, collapseSpaces, countWords, fold, wordCount } from "./text";
import type { Candidate } from "./types";

/**
 * Viewpoint cards from attribution: "From X’s perspective, …", "according to X, …",
 * "X argues / warns / insists that …", "“…,” X said". A card asks what X holds or who holds it.
 */

type Tense = "past" | "present";
type AttributionVerb = { base: string; tense: Tense; past: string };

const VERBS = new Map<string, AttributionVerb>();
for (const [base, third, past] of [
  ["argue", "argues", "argued"],
  ["warn", "warns", "warned"],
  ["say", "says", "said"],
  ["insist", "insists", "insisted"],
  ["claim", "claims", "claimed"],
  ["believe", "believes", "believed"],
  ["contend", "contends", "contended"],
  ["maintain", "maintains", "maintained"],
  ["note", "notes", "noted"],
  ["write", "writes", "wrote"],
  ["suggest", "suggests", "suggested"],
  ["predict", "predicts", "predicted"],
  ["estimate", "estimates", "estimated"],
  ["conclude", "concludes", "concluded"],
  ["stress", "stresses", "stressed"],
  ["emphasize", "emphasizes", "emphasized"],
  ["emphasise", "emphasises", "emphasised"],
  ["assert", "asserts", "asserted"],
  ["acknowledge", "acknowledges", "acknowledged"],
  ["admit", "admits", "admitted"],
  ["fear", "fears", "feared"],
  ["think", "thinks", "thought"],
  ["report", "reports", "reported"],
  ["calculate", "calculates", "calculated"],
  ["explain", "explains", "explained"],
  ["hold", "holds", "held"],
  ["reply", "replies", "replied"],
  ["answer", "answers", "answered"],
  ["point out", "points out", "pointed out"],
] as const) {
  VERBS.set(base, { base, tense: "present", past });
  VERBS.set(third, { base, tense: "present", past });
  VERBS.set(past, { base, tense: "past", past });
}

type Attribution = {
  form: "perspective" | "according" | "verb" | "quote" | "relative";
  /** The party as the card names it: "Vladimir Putin", "the committee". */
  party: string;
  /** The mention the party is, when the phrase is just that name (then "who" cards can offer alternatives). */
  partyMention: Mention | null;
  partyKey: string | null;
  /** "X views Y as Z": the verb, Y and Z. */
  regard?: { verb: string; tense: Tense; object: string; complement: string };
  /** What the party holds, as a clause. */
  claim: string;
  /** For "what" questions: the words before the subject ("Already in 2007, ") and the subject phrase. */
  pre: string;
  subject: string;
  verb: AttributionVerb | null;
  adverb: string;
  /** "perspective", "point of view", … */
  noun: string;
};

const GENERIC_SOURCES =
  /^(?:the )?(?:reports?|sources?|experts?|analysts?|officials?|estimates?|polls?|data|studies|critics|observers|some|many|others)$/i;
const PRONOUN_SUBJECT = /^(?:he|she|they|it|we|i|you|her \w+|his \w+|their \w+|its \w+|this|these|that|those)$/i;

export function viewpointCandidates(item: Analyzed, context: ArticleContext): Candidate[] {
  // The two sentences before: who "they" or "others" are ("Historians disagree… Some argue… Others note…").
  const previous = context.analyzed
    .filter((other) => other.sentence.index < item.sentence.index)
    .slice(-2)
    .map((other) => other.sentence.text)
    .reverse()
    .join(" ");
  const attribution = findAttribution(item, context.surnames, previous) ?? possessivePerspective(item, context);
  if (!attribution) return [];
  const { sentence } = item;
  const claimWords = wordCount(attribution.claim);
  if (claimWords < 4 || claimWords > 45) return [];

  const base = {
    type: "viewpoint" as const,
    party: attribution.party,
    explanation: `This is ${possessive(attribution.party)} claim, which the article reports rather than states as fact.${inContext(context, item)}`,
    quote: sentence.quote,
  };
  const candidate = (body: Candidate["body"], idWords: string): Candidate => ({
    body,
    sentence: sentence.index,
    paragraph: sentence.paragraph,
    answerKey: attribution.partyKey ? `view:${attribution.partyKey}:${sentence.index}` : null,
    score: item.score + 3,
    idWords,
  });

  const who = whoHoldsCard(item, attribution, context);
  const what = whatCard(attribution);
  const preferWho =
    attribution.form === "according" ||
    attribution.form === "quote" ||
    attribution.form === "relative" ||
    (attribution.form === "perspective" && !what.natural);
  if (who && (preferWho || claimWords > 30)) {
    return [
      candidate({ ...base, prompt: who.prompt, answer: who.answer, options: who.options }, `${attribution.party} who`),
    ];
  }
  return [
    candidate(
      { ...base, prompt: what.prompt, answer: what.answer },
      `${attribution.party} ${attribution.verb?.base ?? attribution.noun}`,
    ),
  ];
}

function whoHoldsCard(
  item: Analyzed,
  attribution: Attribution,
  context: ArticleContext,
): { prompt: string; answer: string; options: string[] } | null {
  const mention = attribution.partyMention;
  if (!mention || !attribution.partyKey) return null;
  const forms = [mention.text, attribution.party, ...acceptedForms({ ...mention, text: attribution.party })];
  if (forms.some((form) => countWords(attribution.claim, form) > 0)) return null;
  const scope = { keys: new Set(item.keys), names: item.mentions.map((other) => other.text) };
  const distractors = pickDistractors(
    context.inventory,
    mention,
    attribution.partyKey,
    scope,
    `${item.sentence.quote}|who`,
    3,
  );
  if (distractors.length < 3) return null;
  const options = seededShuffle(
    [attribution.party, ...distractors.map((entity) => entity.name)],
    `${item.sentence.quote}|who-options`,
  );
  if (new Set(options.map(fold)).size !== options.length) return null;
  const claim = sentenceCase(attribution.claim);
  let prompt: string;
  if (attribution.form === "perspective")
    prompt = `Whose ${attribution.noun} is this, according to the article? “${claim}”`;
  else if (attribution.form === "relative") prompt = `According to the article, who ${attribution.claim}?`;
  else if (attribution.form === "verb" && attribution.verb)
    prompt = `According to the article, who ${attribution.verb.past} that ${lowerFirst(attribution.claim)}?`;
  else prompt = `Who says this, according to the article? “${claim}”`;
  return { prompt, answer: attribution.party, options };
}

// "was and remains an essential step" asks "what is …?"
const QUESTION_COPULA: Record<string, string> = {
  is: "is",
  are: "are",
  was: "was",
  were: "were",
  remains: "is",
  remain: "are",
  "was and remains": "is",
  "is and remains": "is",
};

function whatCard(attribution: Attribution): { prompt: string; answer: string; natural: boolean } {
  const answer = sentenceCase(attribution.claim);
  if (attribution.form === "perspective") {
    // "From Russia’s perspective, Ukraine’s integration into NATO is a red line" -> what is …?
    const copula = /^([^,–—;]{3,80}?) (was and remains|is and remains|is|are|was|were|remains|remain)\b (.+)$/.exec(
      attribution.claim,
    );
    if (copula && copula[1] && copula[3] && !/\b(?:that|which|who|if|when)\b/.test(copula[1])) {
      const verb = QUESTION_COPULA[copula[2] ?? "is"] ?? "is";
      return {
        prompt: `From ${possessive(attribution.party)} ${attribution.noun}, what ${verb} ${lowerFirst(copula[1])}?`,
        answer: sentenceCase(copula[3]),
        natural: true,
      };
    }
    return {
      prompt: `What is ${possessive(attribution.party)} ${attribution.noun}, according to the article?`,
      answer,
      natural: false,
    };
  }
  if (attribution.form === "relative" && attribution.regard) {
    const { verb, tense, object, complement } = attribution.regard;
    const aux = tense === "past" ? "did" : isPlural(attribution.party) ? "do" : "does";
    return {
      prompt: `How ${aux} ${attribution.party} ${verb} ${object}, according to the article?`,
      answer: sentenceCase(`as ${complement}`),
      natural: true,
    };
  }
  if ((attribution.form === "verb" || attribution.form === "quote") && attribution.verb) {
    const aux = attribution.verb.tense === "past" ? "did" : isPlural(attribution.subject) ? "do" : "does";
    const subject = lowerArticle(attribution.subject);
    const adverb = attribution.adverb ? `${attribution.adverb} ` : "";
    const question = `what ${aux} ${subject} ${adverb}${attribution.verb.base}?`;
    return {
      prompt: collapseSpaces(attribution.pre === "" ? capitalize(question) : `${attribution.pre}${question}`),
      answer,
      natural: true,
    };
  }
  const aux = isPlural(attribution.party) ? "do" : "does";
  return { prompt: `What ${aux} ${attribution.party} say, according to the article?`, answer, natural: true };
}

function findAttribution(
  item: Analyzed,
  surnames: ReadonlyMap<string, string>,
  previousText: string,
): Attribution | null {
  const found =
    perspective(item) ??
    accordingTo(item) ??
    directQuote(item) ??
    verbAttribution(item, previousText) ??
    parentheticalAttribution(item, previousText) ??
    regards(item);
  // A party named by surname ("Farman later said") is given in full ("Joseph Farman").
  const full = found?.partyMention?.kind === "person" ? surnames.get(found.party.toLowerCase()) : undefined;
  return found && full ? { ...found, party: full } : found;
}

const REGARD_VERBS = new Map<string, { base: string; tense: Tense }>(
  ["view", "see", "regard", "consider", "perceive"].flatMap((base) => [
    [`${base}s`, { base, tense: "present" as Tense }],
    [base === "see" ? "saw" : `${base.replace(/e$/, "")}ed`, { base, tense: "past" as Tense }],
  ]),
);

// "China, which views Taiwan as part of its territory" -> China views Taiwan as part of its territory.
function regards(item: Analyzed): Attribution | null {
  const { text } = item.sentence;
  for (const [k, mention] of item.mentions.entries()) {
    if (!["person", "place", "organization"].includes(mention.kind)) continue;
    const match = /^(?:,\s+(?:which|who)\s+|\s+)(\w+)\s+((?:\S+\s+){0,5}?\S+)\s+as\s+(.+?)(?=,|;|\s[–—]\s|\.?$)/.exec(
      text.slice(mention.end),
    );
    const verb = match ? REGARD_VERBS.get((match[1] ?? "").toLowerCase()) : undefined;
    if (!match || !verb) continue;
    const party = mention.text;
    const object = match[2] ?? "";
    const complement = match[3] ?? "";
    return {
      form: "relative",
      party,
      partyMention: mention,
      partyKey: item.keys[k] ?? null,
      regard: { verb: verb.base, tense: verb.tense, object, complement },
      claim: `${match[1]} ${object} as ${complement}`,
      pre: "",
      subject: party,
      verb: null,
      adverb: "",
      noun: "view",
    };
  }
  return null;
}

/**
 * "In his view the aid was too small…": "his" is the person the sentence before (same paragraph)
 * named ("The British historian Alan Milward argued…"), given in full. Null when that sentence names
 * no one person, or more than one (then "his" is ambiguous).
 */
function possessivePerspective(item: Analyzed, context: ArticleContext): Attribution | null {
  const match = /^In (?:his|her) (view|opinion|eyes)\s*,?\s+(.+?)[.!]?$/.exec(item.sentence.text);
  if (!match) return null;
  const before = context.analyzed.filter((other) => other.sentence.index < item.sentence.index).at(-1);
  if (!before || before.sentence.paragraph !== item.sentence.paragraph) return null;
  const people = before.mentions
    .map((mention, k) => ({ mention, key: before.keys[k] ?? null }))
    .filter(({ mention }) => mention.kind === "person");
  if (new Set(people.map(({ key }) => key)).size !== 1 || !people[0]) return null;
  const { mention, key } = people[0];
  const party = context.surnames.get(mention.text.toLowerCase()) ?? mention.text;
  // A long claim is asked up to where it turns to its evidence ("…European growth: it amounted to…").
  const whole = match[2] ?? "";
  const claim = wordCount(whole) > 30 ? (whole.split(/:\s+|;\s+/)[0] ?? whole) : whole;
  return {
    form: "perspective",
    party,
    partyMention: mention,
    partyKey: key,
    claim,
    pre: "",
    subject: party,
    verb: null,
    adverb: "",
    noun: match[1] ?? "view",
  };
}

function perspective(item: Analyzed): Attribution | null {
  const text = item.sentence.text;
  const match =
    /^From ((?:the )?[^,]{2,60}?)['’]s? (perspective|point of view|viewpoint|standpoint|vantage point)\s*,\s*(.+?)[.!]?$/.exec(
      text,
    ) ??
    /^In ((?:the )?[^,]{2,60}?)['’]s? (view|opinion|eyes)\s*,\s*(.+?)[.!]?$/.exec(text) ??
    /^((?:The )?[^,]{2,60}?)['’]s? (perspective|point of view|view|position) (?:is|was) that (.+?)[.!]?$/.exec(text);
  if (!match) return null;
  const party = resolveParty(item, match[1] ?? "", 0);
  if (!party) return null;
  return {
    form: "perspective",
    ...party,
    claim: match[3] ?? "",
    pre: "",
    subject: party.party,
    verb: null,
    adverb: "",
    noun: match[2] ?? "view",
  };
}

function accordingTo(item: Analyzed): Attribution | null {
  const text = item.sentence.text;
  const leading = /^According to ([^,]{2,60}?),\s*(.+?)[.!]?$/.exec(text);
  const trailing = /^(.+?),\s*according to ([^,]{2,60}?)[.!]?$/.exec(text);
  const partyText = leading ? leading[1] : trailing?.[2];
  const claim = leading ? leading[2] : trailing?.[1];
  if (!partyText || !claim) return null;
  const at = text.indexOf(partyText, leading ? 0 : text.length - partyText.length - 2);
  const party = resolveParty(item, partyText, at);
  if (!party) return null;
  return { form: "according", ...party, claim, pre: "", subject: party.party, verb: null, adverb: "", noun: "view" };
}

function directQuote(item: Analyzed): Attribution | null {
  const text = item.sentence.text;
  const after =
    /^[“"]([^”"]{10,}?)[,.!?]?[”"],?\s+(?:(\w+)\s+((?:the )?[^,.!]{2,60}?)|((?:the )?[^,.!]{2,60}?)\s+(\w+))(?:[,.!]|$)/.exec(
      text,
    );
  if (!after) return null;
  const verbWord = (after[2] ?? after[5] ?? "").toLowerCase();
  const verb = VERBS.get(verbWord);
  const partyText = after[3] ?? after[4] ?? "";
  if (!verb) return null;
  const party = resolveParty(item, partyText, text.lastIndexOf(partyText));
  if (!party) return null;
  return {
    form: "quote",
    ...party,
    claim: (after[1] ?? "").replace(/[,.]$/, ""),
    pre: "",
    subject: partyText.trim(),
    verb,
    adverb: "",
    noun: "view",
  };
}

function verbAttribution(item: Analyzed, previousText = ""): Attribution | null {
  const { tokens, text } = item.sentence;
  for (let v = 1; v < tokens.length - 1; v++) {
    const token = tokens[v];
    // "point out that": a verb of two words, looked up as one.
    const particle = tokens[v + 1]?.text.toLowerCase() === "out" && token?.post.trim() === "" ? 1 : 0;
    const verb = token ? VERBS.get(particle ? `${token.text.toLowerCase()} out` : token.text.toLowerCase()) : undefined;
    if (!token || !verb) continue;
    const next = tokens[v + 1 + particle];
    if (!next || token.post.trim() !== "") continue;
    // "X said that …"; "say" may drop the "that" ("Hall says the rule will be reviewed").
    const withThat = next.text.toLowerCase() === "that";
    const bareSay =
      verb.base === "say" && /^(?:the|a|an|it|he|she|they|we|this|there|its|his|her|their)$/i.test(next.text);
    if (!withThat && !bareSay) continue;

    // The subject ends just before the verb, perhaps with an adverb ("Farman later said").
    let subjectEnd = v - 1;
    let adverb = "";
    const previous = tokens[subjectEnd];
    if (
      previous &&
      previous.post.trim() === "" &&
      (previous.tags.has("Adverb") ||
        /^(?:later|also|once|then|again|still|often|never|always|long|have|has|had)$/i.test(previous.text))
    ) {
      // "have warned": the auxiliary goes ("What did shopkeepers warn?"), an adverb stays.
      adverb = /^(?:have|has|had)$/i.test(previous.text) ? "" : previous.text;
      subjectEnd -= 1;
    }
    const endToken = tokens[subjectEnd];
    if (!endToken) continue;
    let subjectEndOffset = endToken.end;
    let searchEnd = endToken.end;
    let appositiveName = false;
    if (endToken.post.trim() === ",") {
      const opening = text.lastIndexOf(",", endToken.start);
      if (opening < 0) continue;
      const appositive = text.slice(opening + 1, endToken.end).trim();
      const named = item.mentions.some((m) => m.kind === "person" && m.end === endToken.end && m.start > opening);
      if (named && appositive.split(/\s+/).length <= 4) {
        // "Riverside's coach, Mark Olsen, insisted": the appositive is who is speaking.
        appositiveName = true;
        searchEnd = opening;
      } else {
        // "DuPont, the largest producer of the gases, insisted": step over the description.
        subjectEndOffset = opening;
        searchEnd = opening;
      }
    }
    const comma = text.slice(0, searchEnd).lastIndexOf(", ");
    const clauseStart = comma < 0 ? 0 : comma + 2;
    const subject = `${text.slice(clauseStart, subjectEndOffset).trim()}${appositiveName ? "," : ""}`;
    const pre = text.slice(0, clauseStart);
    if (subject === "" || subject.split(/\s+/).length > 8) continue;
    // "They argued that…": who "they" are is in the sentence before (a group, or the people it names).
    const pronoun = PRONOUN_SUBJECT.test(subject) ? pronounParty(subject, previousText) : null;
    if (PRONOUN_SUBJECT.test(subject) && !pronoun) continue;
    // "Volcker's supporters argue": the supporters hold the view, not Volcker.
    const group = pronoun ? null : groupParty(subject, previousText);
    const named = group ? null : (pronoun ?? resolveParty(item, subject, clauseStart));
    const party = named ?? group;
    if (!party) continue;
    let claim = text
      .slice(withThat ? next.end : next.start)
      .trim()
      .replace(/[.!]$/, "");
    if (!withThat && !item.sentence.tokens.some((t) => t.start >= next.end && t.tags.has("Verb"))) continue;
    claim = claim.split(/,\s+(?:and|but)\s+(?:he|she|they|it|his|her|their|we)\b/)[0] ?? claim;
    if (/\b(?:that|which)$/.test(pre.trim())) continue;
    // A group is asked about as the party reads ("some historians", not "Some").
    return { form: "verb", ...party, claim, pre, subject: group ? party.party : subject, verb, adverb, noun: "view" };
  }
  return null;
}

/**
 * "Each chlorine atom, they calculated, could destroy…": the reporting clause sits inside the
 * claim. "They" are the people the sentences before name ("Mario Molina and Sherwood Rowland"); the
 * claim is the sentence without the clause. Null when the pronoun does not resolve.
 */
function parentheticalAttribution(item: Analyzed, previousText: string): Attribution | null {
  const match = /^(.+?),\s+(they|he|she)\s+([a-z]+),\s+(.+?)[.!]?$/.exec(item.sentence.text);
  const verb = match ? VERBS.get(match[3] ?? "") : undefined;
  if (!match || !verb) return null;
  const party = pronounParty(match[2] ?? "", previousText);
  if (!party) return null;
  const claim = `${match[1]} ${match[4]}`;
  return { form: "verb", ...party, claim, pre: "", subject: party.party, verb, adverb: "", noun: "view" };
}

/**
 * The party behind a phrase: a named person, place or organisation ("the historian Daniel
 * Headrick" -> Daniel Headrick), a phrase around one ("NASA scientists"), or "the committee".
 */
function resolveParty(
  item: Analyzed,
  phrase: string,
  from: number,
): Pick<Attribution, "party" | "partyMention" | "partyKey"> | null {
  const trimmed = phrase.trim();
  if (trimmed === "" || GENERIC_SOURCES.test(trimmed) || PRONOUN_SUBJECT.test(trimmed)) return null;
  const start = item.sentence.text.indexOf(trimmed, Math.max(0, from - 1));
  const end = start + trimmed.length;
  const inside = item.mentions
    .map((mention, k) => ({ mention, key: item.keys[k] ?? null }))
    .filter(
      ({ mention }) =>
        start >= 0 &&
        mention.start >= start &&
        mention.end <= end &&
        ["person", "place", "organization", "term"].includes(mention.kind),
    );
  const only = inside.length === 1 ? inside[0] : undefined;
  if (only && only.mention.kind !== "term") {
    const rest = fold(trimmed.replace(only.mention.text, ""))
      .replace(/[,;:]/g, " ")
      .replace(/['’]s$/, "")
      .replace(/\s+/g, " ")
      .trim();
    // Titles and roles before a person name no one else: "Russian President Vladimir Putin".
    const roleOnly = rest.split(" ").filter(Boolean).length <= 3 && !/\b(?:and|or|with|of|in)\b/.test(rest);
    if ((only.mention.kind === "person" && roleOnly) || rest === "" || rest === "the") {
      return { party: only.mention.text, partyMention: only.mention, partyKey: only.key };
    }
  }
  if (inside.length >= 1) {
    // "A United Nations assessment in 2023" -> "United Nations assessment".
    const party = trimmed.replace(/^(?:the|a|an)\s+/i, "").replace(/\s+(?:in|of|from)\s+\d{4}$/, "");
    return { party, partyMention: null, partyKey: inside[0]?.key ?? null };
  }
  // "the committee": a definite noun phrase of up to three words.
  if (/^the [a-z]+(?: [a-z]+){0,2}$/i.test(trimmed))
    return { party: lowerArticle(trimmed), partyMention: null, partyKey: null };
  return null;
}

function possessive(party: string): string {
  return /s$/.test(party) ? `${party}’` : `${party}’s`;
}

function isPlural(phrase: string): boolean {
  const last = phrase.trim().split(/\s+/).pop() ?? "";
  return /^[a-z]+s$/.test(last) && !/(ss|us|is)$/.test(last);
}

function lowerArticle(phrase: string): string {
  return phrase.replace(/^(The|A|An) /, (word) => word.toLowerCase());
}

function lowerFirst(text: string): string {
  // Keep names and "I" capitalised: only a common first word is lowered.
  return /^(?:The|A|An|This|That|These|Those|It|Its|There|Each|Every|Some|No|Such|Many|Most|All|Both)\b/.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

function sentenceCase(text: string): string {
  return capitalize(text.trim().replace(/[,;:]$/, ""));
}

// Groups the article quotes as a whole: "Critics argue that…", "Defenders of lean supply chains reply…".
const GROUP =
  /^(?:(?:the|some|many|most|other|[A-Z][\w’']*['’]s)\s+)?(critics|supporters|opponents|defenders|proponents|advocates|sceptics|skeptics|economists|historians|officials|experts|analysts|scientists|observers|shopkeepers|residents|farmers|planners)\b(?:\s+(?:of|who|in|at)\s+[^,]{2,50})?$/i;

/**
 * A group as the party of a claim: "Critics" -> "critics", "Volcker's supporters" -> "Volcker's
 * supporters", and "Some" / "Others" after a sentence about historians -> "some historians".
 */
function groupParty(
  subject: string,
  previousText: string,
): Pick<Attribution, "party" | "partyMention" | "partyKey"> | null {
  const trimmed = subject.trim().replace(/,$/, "");
  if (GROUP.test(trimmed))
    return {
      party: lowerArticle(
        trimmed.replace(
          /^(Critics|Supporters|Opponents|Defenders|Proponents|Advocates|Economists|Historians|Officials|Experts|Analysts|Scientists|Observers|Shopkeepers|Residents|Farmers|Planners|Some|Many|Most|Other)\b/,
          (w) => w.toLowerCase(),
        ),
      ),
      partyMention: null,
      partyKey: null,
    };
  const some = /^(Some|Others|Many)$/.exec(trimmed);
  const group = /\b(historians|economists|critics|scientists|analysts|experts|officials)\b/i.exec(previousText);
  if (some && group) {
    const quantifier = some[1] === "Others" ? "other" : (some[1] ?? "some").toLowerCase();
    return { party: `${quantifier} ${(group[1] ?? "").toLowerCase()}`, partyMention: null, partyKey: null };
  }
  return null;
}

function pronounParty(
  subject: string,
  previousText: string,
): Pick<Attribution, "party" | "partyMention" | "partyKey"> | null {
  const word = subject.trim().toLowerCase();
  if (word === "they") {
    const group =
      /\b(critics|supporters|opponents|defenders|economists|historians|scientists|officials|analysts|experts)\b/i.exec(
        previousText,
      );
    if (group) return { party: (group[1] ?? "").toLowerCase(), partyMention: null, partyKey: null };
    const pair = /\b([A-Z][a-z]+ [A-Z][a-z]+) and ([A-Z][a-z]+ [A-Z][a-z]+)\b/.exec(previousText);
    if (pair) return { party: `${pair[1]} and ${pair[2]}`, partyMention: null, partyKey: null };
  }
  return null;
}
