import nlp from "compromise";
import type { Sentence, Token } from "./segment";
import { NUMBER_WORDS } from "./aliases";
import { fold } from "./text";

/**
 * What a sentence names: people, places, organisations, years, numbers and key terms, found from
 * compromise's tags plus rules for the cases it gets wrong (titles, possessives, hyphenated
 * compounds, named treaties and crises, capitals that double as states).
 */

export type MentionKind = "person" | "place" | "organization" | "year" | "decade" | "number" | "term";
/** Places only mix with their own type: a city is no distractor for a country. */
export type PlaceType = "country" | "city" | "region" | "water" | "area" | "site";

export type Mention = {
  kind: MentionKind;
  /** As written in the sentence's clean text (possessive ’s left out). */
  text: string;
  /** Offsets in `sentence.text`. */
  start: number;
  end: number;
  placeType?: PlaceType;
  /** Numbers: the thing counted, singular ("year", "mile"). */
  unit?: string;
  /** Years and numbers: the value. */
  value?: number;
  /** Years: the full ISO date or month when the sentence gives one ("1858-08-05", "1987-09"). */
  date?: string;
  /** A term in quotation marks. */
  quoted?: boolean;
};

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTHS = MONTH_NAMES.join("|");

// Titles that are not part of a name ("President Donald Trump" -> Donald Trump).
const TITLES = new Set(
  "president vice prime minister chancellor dr dr. doctor prof prof. professor mr mr. mrs mrs. ms ms. general gen gen. senator sen sen. governor mayor secretary chairman chairwoman chair colonel captain admiral judge justice rev rev. bishop ambassador envoy commander sergeant lieutenant major premier".split(
    " ",
  ),
);
// Titles that are: "Queen Victoria", "Lord Kelvin".
const NAME_TITLES = new Set(
  "king queen prince princess lord lady sir dame pope emperor empress tsar czar sultan duke duchess saint st st.".split(
    " ",
  ),
);
const TERM_HEADS = new Set(
  "act acts treaty treaties war wars crisis conference memorandum agreement accord accords protocol convention prize award summit charter doctrine principle revolution declaration pact amendment plan initiative mission expedition program programme project spectrometer satellite telescope reactor bill law theory effect syndrome disease virus index battle siege massacre rebellion uprising movement era age games olympics cup constitution resolution report".split(
    " ",
  ),
);
const ORG_HEADS = new Set(
  "fc afc athletic rovers wanderers club united hotspur albion university institute institution survey company corporation corp council committee congress parliament party agency bank ministry department foundation association museum academy laboratory laboratories observatory organization organisation office service services court navy army forces police times post journal society commission administration group inc ltd co nations college school church guard federation league alliance fund authority board network network news press".split(
    " ",
  ),
);
const COUNTRY_HEADS = new Set("republic kingdom states emirates union empire federation confederation".split(" "));
const WATER_HEADS = new Set("bay strait straits sea ocean river lake gulf channel canal sound lagoon".split(" "));
const AREA_HEADS = new Set(
  "island islands isle mountains mountain valley peninsula coast county province desert plain plains cape".split(" "),
);
// Buildings and stations: no stand-in for a bay or an island.
const SITE_HEADS = new Set(
  "station hall square street park tower bridge palace castle cathedral airport base port harbour harbor building".split(
    " ",
  ),
);
// Heads that may continue with "of": "University of California", "Treaty of Versailles".
const OF_HEADS = new Set([
  ...ORG_HEADS,
  ...TERM_HEADS,
  ...COUNTRY_HEADS,
  ...WATER_HEADS,
  ...AREA_HEADS,
  ...SITE_HEADS,
  "secretary",
  "duke",
  "statue",
]);
// Possessives inside names: "People’s Republic", "Heart’s Content", "King’s Cross".
const POSSESSIVE_IN_NAMES = new Set([
  "people",
  "peoples",
  "children",
  "women",
  "men",
  "workers",
  "heart",
  "king",
  "queen",
  "prince",
  "st",
  "saint",
  "lord",
  "lady",
]);
const CONNECTORS = new Set(["of", "the", "de", "van", "von", "der", "da", "di", "du", "la", "al", "bin", "ibn", "for"]);
// compromise knows these only partly; "Washington" as a state would let it stand in for a country.
const KNOWN_PLACES = new Map<string, PlaceType>([
  ["us", "country"],
  ["u.s.", "country"],
  ["usa", "country"],
  ["u.s.a.", "country"],
  ["uk", "country"],
  ["u.k.", "country"],
  ["britain", "country"],
  ["great britain", "country"],
  ["america", "country"],
  ["united states", "country"],
  ["united kingdom", "country"],
  ["united states of america", "country"],
  ["soviet union", "country"],
  ["washington", "city"],
  ["new york", "city"],
]);
// "one" is left out: as a pronoun ("one of the ...") it is rarely a quantity; "a dozen" is one.
const SPELLED = new Map<string, number>([
  ...Object.entries(NUMBER_WORDS).filter(([word]) => word !== "one"),
  ["dozen", 12],
]);
const SCALE = new Set(["hundred", "thousand", "million", "billion", "trillion"]);
const ROMAN = /^(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$/;
const INITIAL_STOPWORDS = new Set(
  "the a an in on at from by for of to with as and but or if when while after before since this that these those it its he she they we i".split(
    " ",
  ),
);

const isCapitalized = (token: Token) => /^[A-Z]/.test(token.text);
const lower = (token: Token) => token.text.toLowerCase();
const isPossessive = (token: Token) => /['’]s$|s['’]$/.test(token.text);
const stripPossessive = (text: string) => text.replace(/['’]s$/, "").replace(/(s)['’]$/, "$1");
const hasAny = (token: Token, tags: string[]) => tags.some((tag) => token.tags.has(tag));
// compromise splits "Asia-Pacific" and "Russia–Ukraine" into two terms joined by a bare dash.
const joinsNext = (token: Token) => /^[-–—/]$/.test(token.post);
const endsSpan = (token: Token) => token.post.trim() !== "" || isPossessive(token);

const LEXICON = (
  nlp.world() as unknown as { model: { one: { lexicon: Record<string, string | string[] | undefined> } } }
).model.one.lexicon;

function lexiconTags(word: string): string[] {
  const entry = LEXICON[word.toLowerCase()];
  if (entry === undefined) return [];
  const tags = Array.isArray(entry) ? entry : [entry];
  if (tags.includes("Country") || tags.includes("City") || tags.includes("Region")) return [...tags, "Place"];
  return tags;
}

/** A singular, lower-case form for counting nouns: "guarantees" -> "guarantee". */
export function lemma(word: string): string {
  const w = word.toLowerCase();
  if (/ies$/.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (/[^su]s$/.test(w) && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/**
 * Every mention in the sentence, left to right, not overlapping. `keyTerms` are lower-case
 * lemmas the article repeats (see findKeyTerms), blanked like names.
 */
export type MentionContext = {
  /** Lower-case lemmas of the article's key terms (findKeyTerms). */
  keyTerms: ReadonlySet<string>;
  /** Lower-case surnames of people named in full elsewhere: "thomson" -> "William Thomson". */
  surnames: ReadonlyMap<string, string>;
};

const NO_CONTEXT: MentionContext = { keyTerms: new Set(), surnames: new Map() };

export function extractMentions(sentence: Sentence, context: MentionContext = NO_CONTEXT): Mention[] {
  const { keyTerms } = context;
  const { tokens, text } = sentence;
  const mentions: Mention[] = [];
  const used = new Uint8Array(tokens.length);

  for (const quoted of [...quotedTerms(text), ...definedTerms(text)]) {
    mentions.push(quoted);
    tokens.forEach((token, i) => {
      if (token.start < quoted.end + 1 && token.end > quoted.start - 1) used[i] = 1;
    });
  }

  const compound = new Uint8Array(tokens.length);
  tokens.forEach((token, i) => {
    if (joinsNext(token)) {
      compound[i] = 1;
      if (i + 1 < tokens.length) compound[i + 1] = 1;
    }
  });

  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const token = tokens[i] as Token;
    const proper = properSpan(tokens, i, used, compound, context);
    if (proper) {
      for (let k = i; k < proper.next; k++) used[k] = 1;
      if (proper.mention) mentions.push(proper.mention);
      i = proper.next - 1;
      continue;
    }
    const number = numberSpan(tokens, i, text);
    if (number) {
      for (let k = i; k < number.next; k++) used[k] = 1;
      if (number.mention) mentions.push(number.mention);
      i = number.next - 1;
      continue;
    }
    if (!compound[i] && keyTerms.has(lemma(token.text)) && isHeadNoun(tokens, i)) {
      mentions.push({ kind: "term", text: token.text, start: token.start, end: token.end });
    }
  }

  attachDates(mentions, text);
  mentions.sort((a, b) => a.start - b.start);
  promoteListedPeople(mentions, text);
  return mentions;
}

function isHeadNoun(tokens: Token[], i: number): boolean {
  const token = tokens[i] as Token;
  const next = tokens[i + 1];
  if (
    !/^[a-z]/.test(token.text) ||
    !token.tags.has("Noun") ||
    hasAny(token, ["Adjective", "Pronoun", "ProperNoun", "Gerund", "Value"])
  )
    return false;
  // "security guarantees": a noun modifying the next one is not the term itself.
  return !(next && token.post.trim() === "" && next.tags.has("Noun") && /^[a-z]/.test(next.text));
}

// "Mario Molina and Sherwood Rowland": a two- or three-word name listed with a person is a person.
function promoteListedPeople(mentions: Mention[], text: string): void {
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k] as Mention;
    const b = mentions[k + 1] as Mention;
    if (!/^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)$/.test(text.slice(a.end, b.start))) continue;
    for (const [one, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const words = other.text.split(" ").length;
      if (one.kind === "person" && other.kind === "term" && !other.quoted && words >= 2 && words <= 3)
        other.kind = "person";
    }
  }
}

/** Short phrases in quotation marks: “policy of ambiguity”, “One China”. */
function quotedTerms(text: string): Mention[] {
  const found: Mention[] = [];
  for (const match of text.matchAll(/[“"]([^“”"]+)[”"]/g)) {
    const inner = (match[1] ?? "").replace(/[\s,.;:!?]+$/, "");
    const words = inner.split(/\s+/).filter(Boolean).length;
    if (words < 1 || words > 5 || /[.!?]/.test(inner)) continue;
    const start = match.index + 1 + (match[1] ?? "").indexOf(inner);
    found.push({ kind: "term", text: inner, start, end: start + inner.length, quoted: true });
  }
  return found;
}

/** Terms the sentence defines: "proteins called transcription factors", "a process known as osmosis". */
function definedTerms(text: string): Mention[] {
  const found: Mention[] = [];
  for (const match of text.matchAll(
    /\b(?:called|known as|termed|dubbed|named)\s+((?:[a-z][a-z-]+\s+){0,2}[a-z][a-z-]{3,})(?=[,.;:)]|\s+(?:which|that|who|and|or|are|is|was|were|to|in|for)\b)/g,
  )) {
    const term = match[1] ?? "";
    if (/^(?:the|a|an|it|them|him|her|this|that|for|on|off|up|out)\b/.test(term)) continue;
    const start = match.index + match[0].length - term.length;
    found.push({ kind: "term", text: term, start, end: start + term.length, quoted: true });
  }
  return found;
}

type SpanResult = { mention: Mention | null; next: number };

function properSpan(
  tokens: Token[],
  first: number,
  used: Uint8Array,
  compound: Uint8Array,
  context: MentionContext,
): SpanResult | null {
  const token = tokens[first] as Token;
  if (!isCapitalized(token) || token.text.length < 2) return null;
  if (MONTH_NAMES.includes(lower(token)) && /^\d/.test(tokens[first + 1]?.text ?? "")) return null;
  if (first === 0 && !startsName(tokens, context)) return null;

  // Titles before the name ("US President", "Russian President") are left out, but say it is a person.
  let i = first;
  let titled = false;
  const isTitle = (k: number) => {
    const t = tokens[k];
    return t !== undefined && isCapitalized(t) && TITLES.has(lower(t)) && !endsSpan(t);
  };
  if (!isTitle(i) && isTitle(i + 1) && !endsSpan(token) && !compound[i]) i++;
  while (isTitle(i)) {
    titled = true;
    i++;
  }
  if (i > first && !titled) i = first;
  if (i >= tokens.length || !isCapitalized(tokens[i] as Token)) return titled ? { mention: null, next: i } : null;
  const nameStart = i;

  let end = i; // inclusive
  while (end + 1 < tokens.length && !used[end + 1]) {
    const current = tokens[end] as Token;
    const next = tokens[end + 1] as Token;
    if (isPossessive(current)) {
      // "People’s Republic": a possessive that is not itself a name continues the name.
      const continues =
        POSSESSIVE_IN_NAMES.has(stripPossessive(lower(current))) && isCapitalized(next) && current.post.trim() === "";
      if (!continues) break;
      end++;
      continue;
    }
    if (current.post.trim() !== "" && !joinsNext(current)) break;
    if (joinsNext(current)) {
      end++;
      continue;
    }
    if (isCapitalized(next) && !(MONTH_NAMES.includes(lower(next)) && /^\d/.test(tokens[end + 2]?.text ?? ""))) {
      end++;
      continue;
    }
    if (
      (ROMAN.test(next.text) || /^\d+[A-Za-z]?$/.test(next.text)) &&
      !MONTH_NAMES.includes(lower(current)) &&
      !/^\d{4}$/.test(next.text)
    ) {
      end++;
      break;
    }
    if (lower(next) === "of" && OF_HEADS.has(lower(current))) {
      let k = end + 2;
      while (k < tokens.length && CONNECTORS.has(lower(tokens[k] as Token)) && !isCapitalized(tokens[k] as Token)) k++;
      if (
        k < tokens.length &&
        isCapitalized(tokens[k] as Token) &&
        tokens.slice(end + 1, k).every((t) => t.post.trim() === "")
      ) {
        end = k;
        continue;
      }
    }
    if (
      CONNECTORS.has(lower(next)) &&
      lower(next) !== "of" &&
      lower(next) !== "for" &&
      isCapitalized(tokens[end + 2] ?? next) &&
      next.post.trim() === ""
    ) {
      // "Ludwig van Beethoven", "Leonardo da Vinci"
      if (hasAny(current, ["FirstName", "Person"])) {
        end += 2;
        continue;
      }
    }
    break;
  }

  const span = tokens.slice(nameStart, end + 1);
  const next = end + 1;
  if (span.some((_, k) => compound[nameStart + k]) || span.some((t) => t.text.includes("/")))
    return { mention: null, next };
  // "Abdel Fattah el-Sisi": the name goes on in a hyphenated word; half a name is no answer.
  if (compound[next] && (tokens[end] as Token).post.trim() === "") return { mention: null, next };
  const last = span[span.length - 1] as Token;
  const startOffset = (span[0] as Token).start;
  const surface = stripPossessive(last.text);
  const endOffset = last.end - (last.text.length - surface.length);
  const words = span.map((t, k) => (k === span.length - 1 ? surface : t.text));
  const name = words.join(" ");
  // Credit lines and shouting: "KEVIN LAMARQUE".
  if (words.length > 1 && words.every((w) => w === w.toUpperCase() && /[A-Z]{2}/.test(w)))
    return { mention: null, next };
  if (
    span.some((t) => t.tags.has("Demonym")) &&
    !hasAny(last, ["Place", "Organization"]) &&
    !TERM_HEADS.has(lower(last)) &&
    !ORG_HEADS.has(lower(last))
  ) {
    return { mention: null, next };
  }

  const kind = classifyName(span, words, tokens[first - 1], { titled, role: appositiveRole(tokens, end) }, context);
  if (!kind) return { mention: null, next };
  const mention: Mention = { kind: kind.kind, text: name, start: startOffset, end: endOffset };
  if (kind.placeType) mention.placeType = kind.placeType;
  return { mention, next };
}

// Sentence-initial words are capitalised anyway: only a name-like word, or two capitalised words, start a name.
function startsName(tokens: Token[], context: MentionContext): boolean {
  const first = tokens[0] as Token;
  const second = tokens[1];
  if (INITIAL_STOPWORDS.has(lower(first))) return false;
  if (context.surnames.has(stripPossessive(lower(first)))) return true;
  if (hasAny(first, ["ProperNoun", "Person", "Place", "Organization", "Honorific", "Acronym"])) return true;
  // "Kofi Annan", "Harbour City FC": two capitalised words in a row start a name, unless the first
  // is a function word ("When Russia", "Despite China").
  const functionWord = hasAny(first, [
    "Determiner",
    "Preposition",
    "Conjunction",
    "Adverb",
    "Pronoun",
    "Value",
    "Date",
    "QuestionWord",
  ]);
  return !functionWord && second !== undefined && isCapitalized(second) && first.post.trim() === "";
}

// "Cyrus Field, a paper merchant", "Kofi Annan, the former Secretary-General": an appositive role.
function appositiveRole(tokens: Token[], end: number): boolean {
  const last = tokens[end];
  if (!last || last.post.trim() !== ",") return false;
  for (let k = end + 1; k < Math.min(tokens.length, end + 6); k++) {
    const token = tokens[k] as Token;
    if (k === end + 1 && !token.tags.has("Determiner")) return false;
    if (TITLES.has(lower(token)) || (token.tags.has("Actor") && !isCapitalized(token))) return true;
    if (token.post.trim() !== "" && !joinsNext(token)) return false;
  }
  return false;
}

const CONTINENTS = new Set([
  "europe",
  "asia",
  "africa",
  "antarctica",
  "oceania",
  "arctic",
  "antarctic",
  "eurasia",
  "scandinavia",
  "balkans",
  "caribbean",
]);

function classifyName(
  nameTokens: Token[],
  words: string[],
  before: Token | undefined,
  cues: { titled: boolean; role: boolean },
  context: MentionContext,
): { kind: MentionKind; placeType?: PlaceType } | null {
  let span = nameTokens;
  const key = words.join(" ").toLowerCase();
  if (CONTINENTS.has(key)) return { kind: "place", placeType: "region" };
  // Demonyms compromise misses: "Taiwanese territory", "British investors".
  if (words.length === 1 && /(?:ese|ish|ian)$/.test(key)) return null;
  if (words.length === 1 && context.surnames.has(key)) return { kind: "person" };
  const head = (words[words.length - 1] ?? "").toLowerCase();
  const firstWord = (words[0] ?? "").toLowerCase();
  const known = KNOWN_PLACES.get(key);
  if (known) return { kind: "place", placeType: known };
  if (ROMAN.test(words[words.length - 1] ?? "") || /^\d/.test(head)) return { kind: "term" };
  if (TERM_HEADS.has(head) || (TERM_HEADS.has(firstWord) && words.length > 1 && words.includes("of")))
    return { kind: "term" };
  if (ORG_HEADS.has(head) || (ORG_HEADS.has(firstWord) && words.includes("of"))) return { kind: "organization" };
  if (COUNTRY_HEADS.has(head) || (COUNTRY_HEADS.has(firstWord) && words.includes("of")))
    return { kind: "place", placeType: "country" };

  // In context compromise sometimes drops what it knows of a word ("Germany's Chancellor" is tagged
  // an Actor): a lone word falls back on its lexicon.
  const known1 = words.length === 1 ? lexiconTags(words[0] ?? "") : [];
  const withLexicon = (t: Token) => (known1.length > 0 ? { ...t, tags: new Set([...t.tags, ...known1]) } : t);
  span = span.map(withLexicon);
  const person = span.some((t) => hasAny(t, ["Person", "FirstName", "LastName"]));
  const place = span.some((t) => hasAny(t, ["Place", "Country", "City", "Region"]));
  const org = span.some((t) => t.tags.has("Organization"));
  const preposition = before ? lower(before) : "";
  const afterPlacePreposition = ["in", "at", "near", "from", "to", "into", "across", "outside"].includes(preposition);
  // People first where something says so: a title ("President"), an appositive role ("Cyrus Field,
  // a paper merchant"), a role before ("the chairman, Peter Hall"), a first name not after "in"/"at"
  // ("Peter Hall says", but "at Victoria Station").
  if (cues.titled && !(org || place)) return { kind: "person" };
  if (cues.role && !org) return { kind: "person" };
  if (NAME_TITLES.has(firstWord) && words.length > 1) return { kind: "person" };
  const roleBefore = before !== undefined && /^[a-z]/.test(before.text) && before.tags.has("Actor");
  if (roleBefore && words.length <= 3 && !afterPlacePreposition) return { kind: "person" };
  if (span[0]?.tags.has("FirstName") && words.length >= 2 && words.length <= 3 && !org && !afterPlacePreposition)
    return { kind: "person" };

  if ((WATER_HEADS.has(head) || (WATER_HEADS.has(firstWord) && words.includes("of"))) && words.length > 1)
    return { kind: "place", placeType: "water" };
  if (AREA_HEADS.has(head) && words.length > 1) return { kind: "place", placeType: "area" };
  if (SITE_HEADS.has(head) && words.length > 1) return { kind: "place", placeType: "site" };
  if (person && !place && !org) return { kind: "person" };
  if (place && !org && !person) {
    const lastToken = span[span.length - 1] as Token;
    if (lastToken.tags.has("City")) return { kind: "place", placeType: "city" };
    if (lastToken.tags.has("Country")) return { kind: "place", placeType: "country" };
    // A one-word region is usually a state or province ("Georgia", "Crimea"), a longer one a part of
    // the world ("East Asia"); "Watford" could be anything.
    if (lastToken.tags.has("Region")) return { kind: "place", placeType: words.length === 1 ? "country" : "region" };
    return { kind: "place", placeType: "area" };
  }
  if (org && !person) return { kind: "organization" };
  // An acronym compromise does not know (DNA, CFC, GDP) is a term, not an organisation.
  if (words.length === 1 && /^[A-Z]{2,6}$/.test(words[0] ?? "")) return { kind: "term" };
  if (words.length >= 2) return afterPlacePreposition ? { kind: "place", placeType: "area" } : { kind: "term" };
  // A lone capitalised word compromise cannot place (Nature, Western, Baltic): too unsure to ask.
  return null;
}

function numberSpan(tokens: Token[], first: number, text: string): SpanResult | null {
  const token = tokens[first] as Token;
  const word = lower(token);
  if (/^\d{3}0s$/.test(token.text)) {
    return {
      mention: {
        kind: "decade",
        text: token.text,
        start: token.start,
        end: token.end,
        value: Number(token.text.slice(0, 4)),
      },
      next: first + 1,
    };
  }
  const numeric = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(token.text);
  if (!numeric && !SPELLED.has(word)) return null;

  const before = tokens[first - 1];
  if (numeric && /^\d{4}$/.test(token.text)) {
    const value = Number(token.text);
    const nextWord = tokens[first + 1] ? lower(tokens[first + 1] as Token) : "";
    if (
      value >= 1000 &&
      value <= 2100 &&
      !/^(people|men|women|years|miles|km|kilometers|kilometres|metres|meters|feet|tons|tonnes|words|volts|units|dollars|pounds|euros)$/.test(
        nextWord,
      )
    ) {
      return {
        mention: { kind: "year", text: token.text, start: token.start, end: token.end, value },
        next: first + 1,
      };
    }
  }
  // A day of the month is part of a date, not a quantity.
  if (numeric && before && MONTH_NAMES.includes(lower(before))) return { mention: null, next: first + 1 };
  if (numeric && MONTH_NAMES.includes(lower(tokens[first + 1] ?? token))) return { mention: null, next: first + 1 };

  let end = first;
  while (end + 1 < tokens.length && token.post.trim() === "" && (tokens[end] as Token).post.trim() === "") {
    const next = lower(tokens[end + 1] as Token);
    if (SCALE.has(next) || (SPELLED.has(next) && !numeric)) end++;
    else break;
  }
  const lastToken = tokens[end] as Token;
  // The thing counted is the head of the noun group after the number: "100,000 ozone molecules" -> molecule.
  let unit: string | undefined;
  for (let k = end + 1, previous = lastToken; k <= end + 2; k++) {
    const candidate = tokens[k];
    if (!candidate || previous.post.trim() !== "" || !candidate.tags.has("Noun")) break;
    // "180 Dobson units": a capitalised word may name the unit, if a common noun follows.
    const following = tokens[k + 1];
    const named =
      /^[A-Z]/.test(candidate.text) &&
      k === end + 1 &&
      following !== undefined &&
      /^[a-z]/.test(following.text) &&
      following.tags.has("Noun");
    if (!/^[a-z]/.test(candidate.text) && !named) break;
    unit = lemma(candidate.text);
    previous = candidate;
  }
  // "a third", "one of", "tens of": no count to ask about.
  if (!unit) return { mention: null, next: end + 1 };
  const start = token.start;
  const currency = /[$£€]$/.test(token.pre) ? 1 : 0;
  const surface = text.slice(start - currency, lastToken.end);
  const value = numeric ? Number(token.text.replace(/,/g, "")) : (SPELLED.get(word) ?? 0);
  return {
    mention: { kind: "number", text: surface, start: start - currency, end: lastToken.end, unit, value },
    next: end + 1,
  };
}

function attachDates(mentions: Mention[], text: string): void {
  const patterns: Array<[RegExp, (m: RegExpMatchArray) => { year: string; month: number; day?: number }]> = [
    [
      new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (${MONTHS}),? (\\d{4})\\b`, "gi"),
      (m) => ({ day: Number(m[1]), month: monthIndex(m[2]), year: m[3] ?? "" }),
    ],
    [
      new RegExp(`\\b(${MONTHS}) (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, "gi"),
      (m) => ({ day: Number(m[2]), month: monthIndex(m[1]), year: m[3] ?? "" }),
    ],
    [new RegExp(`\\b(${MONTHS}),? (\\d{4})\\b`, "gi"), (m) => ({ month: monthIndex(m[1]), year: m[2] ?? "" })],
  ];
  for (const [pattern, read] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const { year, month, day } = read(match);
      const yearStart = (match.index ?? 0) + match[0].lastIndexOf(year);
      const mention = mentions.find((m) => m.kind === "year" && m.start === yearStart);
      if (!mention || mention.date || month < 1) continue;
      const mm = String(month).padStart(2, "0");
      mention.date =
        day !== undefined && day >= 1 && day <= 31 ? `${year}-${mm}-${String(day).padStart(2, "0")}` : `${year}-${mm}`;
    }
  }
}

function monthIndex(name: string | undefined): number {
  return MONTH_NAMES.indexOf((name ?? "").toLowerCase()) + 1;
}

/** Words people type for an answer: "Putin" for "Vladimir Putin". */
export function acceptedForms(mention: Mention): string[] {
  if (mention.kind !== "person") return [];
  const words = mention.text.split(" ");
  const lastName = words[words.length - 1];
  return words.length > 1 && lastName && !NAME_TITLES.has((words[0] ?? "").toLowerCase()) ? [lastName] : [];
}

/**
 * Lower-case nouns the article keeps coming back to (its subject matter, e.g. "chlorofluorocarbons"):
 * at least 3 uses and 7 letters. Cheap stand-in for a term-frequency model.
 */
export function findKeyTerms(sentences: Sentence[]): Set<string> {
  const counts = new Map<string, number>();
  for (const sentence of sentences) {
    if (sentence.skip) continue;
    for (const [i, token] of sentence.tokens.entries()) {
      if (!/^[a-z]{7,}$/.test(token.text) || !isHeadNoun(sentence.tokens, i)) continue;
      const key = lemma(token.text);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  // Long words are rarer in English: twice is enough for "chlorofluorocarbons".
  const frequent = ([word, count]: [string, number]) => count >= 3 || (count >= 2 && word.length >= 10);
  return new Set([...counts].filter((entry) => frequent(entry) && !GENERIC_NOUNS.has(entry[0])).map(([word]) => word));
}

const GENERIC_NOUNS = new Set(
  "something anything everything nothing question problem example instance number because however although whether another percent situation different important process results research further history article information evidence".split(
    " ",
  ),
);

/**
 * Whether a lower-case key term looks technical ("chlorofluorocarbons", "stratosphere") rather
 * than an abstract noun of the argument ("arrangement", "independence"), which makes a weak blank.
 */
export function isTechnicalTerm(word: string): boolean {
  return word.length >= 8 && !/(?:ment|tion|sion|ance|ence|ity|ness|ship|ure|ing|al|ism|hood|dom|acy|ty)s?$/.test(word);
}

/** A key for "the same thing": folded, possessive and leading "the" removed. */
export function mentionKey(mention: Pick<Mention, "kind" | "text">): string {
  const base = fold(stripPossessive(mention.text)).replace(/^the /, "");
  return `${mention.kind}:${base}`;
}
