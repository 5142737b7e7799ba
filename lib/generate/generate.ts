import { distance } from "fastest-levenshtein";
import { cardKind, CardSchema, type CardInput, type CardType } from "../cards";
import { defaultCardBudget } from "./constants";
import {
  CONTEXT_PENALTY,
  keysOf,
  scoreSentence,
  startsWithContextWord,
  type Analyzed,
  type ArticleContext,
} from "./context";
import { factCandidates, prefersFalse } from "./facts";
import { makeCardId } from "./ids";
import { factOrOpinionCandidate } from "./opinion";
import { buildInventory, collectSurnames } from "./inventory";
import { extractMentions, findKeyTerms, type MentionKind, type PlaceType } from "./mentions";
import { splitParagraphs, splitSentences, type Paragraph, type Sentence, type SkipReason } from "./segment";
import { lettersOnly, fold } from "./text";
import { timelineCandidates } from "./timeline";
import type { Candidate, Draft, GenerationStats, SkippedSentence } from "./types";
import { validateArticleText } from "./validate";
import {
  attributionSentences,
  checkCard,
  contextProblem,
  importantSentences,
  prepareChecks,
  type PatternId,
} from "./checks";
import { continuationCandidate, definitionCandidate, followUpCandidate, thesisCandidate } from "./thesis";
import { viewpointCandidates } from "./viewpoint";
import { paragraphPoints } from "./points";

export type GenerateOptions = {
  /** The most cards to return (default: defaultCardBudget, 30 for most articles). The best-ranked are kept. */
  maxCards?: number;
  /** An upper bound on the default budget (a caller that stores the cards has a limit of its own). */
  cardLimit?: number;
  /** The article's title, when known: what it is about (a blank on its subject is answered by the title). */
  title?: string;
};

export type GenerationResult = {
  /** The cards, best first; each passes CardSchema and quotes the text verbatim. */
  cards: CardInput[];
  /** The same cards, each with the paragraph and sentence its quote comes from. */
  drafts: Draft[];
  paragraphs: Paragraph[];
  /** Sentences that gave no card, with why. */
  skipped: SkippedSentence[];
  stats: GenerationStats;
};

const NEAR_DUPLICATE = 0.2;
const TOPIC_SENTENCE_BONUS = 1.5;
// Of the fact cards (viewpoints and timelines come first), roughly these shares by type.
const FACT_SHARE: Partial<Record<CardType, number>> = { cloze: 0.4, multiple_choice: 0.3, true_false: 0.3 };
const MAX_USES_PER_ANSWER = 2;
// Below this a sentence has too little in it (one common noun, context it leans on) to ask about.
const MIN_FACT_SCORE = 1;
const VIEWPOINT_SHARE = 0.25;
// Fact-or-opinion cards: about one in eight, half opinions, never more facts than opinions (a deck
// of "Opinion" answers, or of "Fact" ones, would be guessed).
const FACT_OR_OPINION_SHARE = 0.12;
/**
 * Draft cards from an article's text (Markdown or plain): cloze, multiple choice, true/false,
 * viewpoint and timeline cards, each quoting its sentence verbatim. Pure and deterministic.
 *
 * @example generateDrafts(articleText, { maxCards: 20 }).cards // [{ type: "cloze", prompt: "… in ____ …", … }]
 * @throws ArticleTextError when the text is empty, too long, not text or not English.
 */
export function generateDrafts(text: string, options: GenerateOptions = {}): GenerationResult {
  validateArticleText(text);
  const { paragraphs, sentences, context } = analyzeArticle(text);
  const prose = new Set(sentences.filter((s) => s.skip === null).map((s) => s.paragraph));
  const words = sentences.reduce((sum, s) => sum + s.words, 0);
  const budget = Math.min(defaultCardBudget({ words, paragraphs: prose.size }), options.cardLimit ?? Infinity);
  const maxCards = Math.max(0, Math.floor(options.maxCards ?? budget));

  // The quality checks (checks.ts) run on every candidate: a card they flag is never offered.
  const prepared = prepareChecks(text, { title: options.title });
  const gated: Partial<Record<PatternId, number>> = {};
  const passes = (candidate: Candidate): Candidate | null => {
    const fixed = carryContext(candidate, prepared, context);
    const findings = checkCard(prepared, { id: "candidate", ...fixed.body } as CardInput);
    for (const pattern of new Set(findings.map((finding) => finding.pattern)))
      gated[pattern] = (gated[pattern] ?? 0) + 1;
    return findings.length === 0 ? fixed : null;
  };
  const keep = (list: Candidate[]) => list.flatMap((candidate) => passes(candidate) ?? []);
  const perSentence = new Map<number, Candidate[]>();
  for (const item of context.analyzed) {
    const own = keep([...viewpointCandidates(item, context), ...factCandidates(item, context)]);
    // A sentence that names nothing to blank still states something: ask how it continues.
    // A sentence that defines a term ("…, known as counterpart funds, …") asks what the term is.
    const point =
      own.length === 0 ? (definitionCandidate(item, context) ?? continuationCandidate(item, context)) : null;
    const fallback = point ? passes(point) : null;
    perSentence.set(item.sentence.index, fallback ? [fallback] : own);
  }
  const timelines = keep(timelineCandidates(context));
  // The argument first: the lead, the conclusion and thesis sentences get a card (a thesis card,
  // or their best other card), and so does every claim the article attributes (a viewpoint).
  const itemFor = (target: { text: string }) =>
    context.analyzed.find((item) => {
      const a = fold(item.sentence.text);
      const b = fold(target.text);
      return a.includes(b) || b.includes(a);
    });
  const factOrOpinion = keep(context.analyzed.flatMap((item) => factOrOpinionCandidate(item) ?? []));
  const important = importantSentences(prepared.sentences);
  const priority: Candidate[] = [];
  important.forEach((target, k) => {
    const item = itemFor(target);
    if (!item) return;
    const role =
      k === 0 && target === prepared.sentences[0]
        ? "opening claim"
        : target === prepared.sentences.at(-1)
          ? "conclusion"
          : "thesis";
    const thesis = thesisCandidate(item, context, role);
    const own = perSentence.get(item.sentence.index) ?? [];
    const best = thesis ? passes(thesis) : null;
    const continuation = continuationCandidate(item, context);
    const fallback = [...own].sort((a, b) => b.score - a.score)[0] ?? (continuation ? passes(continuation) : null);
    // A judging sentence in the author's voice is best asked as fact or opinion.
    const opinion = factOrOpinion.find(
      (candidate) => candidate.sentence === item.sentence.index && candidate.body.answer === "opinion",
    );
    if (opinion) priority.push(opinion);
    else if (best) priority.push(best);
    else if (fallback) priority.push(fallback);
    else {
      const followUp = followUpCandidate(item, context, role);
      const kept = followUp ? passes(followUp) : null;
      if (kept) priority.push(kept);
    }
  });
  const points: Candidate[] = [];
  for (const target of attributionSentences(prepared.sentences)) {
    const item = itemFor(target);
    const viewpoint = item && (perSentence.get(item.sentence.index) ?? []).find((c) => c.body.type === "viewpoint");
    if (viewpoint) priority.push(viewpoint);
  }
  // Then each paragraph's point (points.ts) gets a card before any paragraph gets a second: asked
  // as the author's opinion when it judges, as a viewpoint when it is attributed, else its best card.
  const hasFact = (index: number) => (perSentence.get(index) ?? []).some((c) => c.score >= MIN_FACT_SCORE);
  const rank = (c: Candidate) => (c.body.type === "fact_or_opinion" ? 0 : c.body.type === "viewpoint" ? 1 : 2);
  for (const index of paragraphPoints(context.analyzed, context.sentences, hasFact)) {
    const opinion = factOrOpinion.filter((c) => c.sentence === index && c.body.answer === "opinion");
    const best = [...opinion, ...(perSentence.get(index) ?? [])]
      .filter((c) => c.score >= MIN_FACT_SCORE || c.body.type === "fact_or_opinion")
      .sort((a, b) => rank(a) - rank(b) || b.score - a.score)[0];
    if (best) points.push(best);
  }
  const candidateCount =
    timelines.length + factOrOpinion.length + [...perSentence.values()].reduce((sum, list) => sum + list.length, 0);
  const drafts = finalize(
    selectCandidates(timelines, priority, points, perSentence, factOrOpinion, context.analyzed, maxCards),
    text,
  );

  const quoted = new Set(drafts.map((draft) => draft.sentence));
  for (const { card } of drafts) {
    if (card.type !== "timeline") continue;
    for (const event of card.events) {
      const sentence = sentences.find((s) => s.quote === event.quote);
      if (sentence) quoted.add(sentence.index);
    }
  }
  for (const sentence of sentences) {
    if (sentence.skip !== null || quoted.has(sentence.index)) continue;
    sentence.skip =
      (perSentence.get(sentence.index) ?? []).length > 0
        ? "not selected (ranked below the cards kept, or its answers were already used)"
        : "nothing worth asking (no name, date, number, term or viewpoint)";
  }

  const skipped: SkippedSentence[] = sentences
    .filter((sentence): sentence is Sentence & { skip: SkipReason } => sentence.skip !== null)
    .map((sentence) => ({ sentence: sentence.quote, reason: sentence.skip, paragraph: sentence.paragraph }));
  const skippedByReason: Partial<Record<SkipReason, number>> = {};
  for (const { reason } of skipped) skippedByReason[reason] = (skippedByReason[reason] ?? 0) + 1;
  const cardsByType: Partial<Record<CardType, number>> = {};
  for (const { card } of drafts) cardsByType[card.type] = (cardsByType[card.type] ?? 0) + 1;

  return {
    cards: drafts.map((draft) => draft.card),
    drafts,
    paragraphs,
    skipped,
    stats: {
      paragraphs: paragraphs.length,
      sentences: sentences.length,
      used: quoted.size,
      skipped: skipped.length,
      skippedByReason,
      cardsByType,
      candidates: candidateCount,
      gated,
    },
  };
}

/**
 * The people, places, organisations, years, numbers and terms the generator finds in an article,
 * with their kind: the pool distractors are drawn from (the quality report and tests read it).
 *
 * @example listEntities(text) // [{ name: "Vladimir Putin", kind: "person", mentions: 2 }, { name: "2007", kind: "year", mentions: 1 }, …]
 * @throws ArticleTextError as generateDrafts does.
 */
export function listEntities(
  text: string,
): Array<{ name: string; kind: MentionKind; placeType?: PlaceType; mentions: number }> {
  validateArticleText(text);
  return [...analyzeArticle(text).context.inventory.entities.values()].map((entity) => ({
    name: entity.name,
    kind: entity.kind,
    ...(entity.placeType ? { placeType: entity.placeType } : {}),
    mentions: entity.count,
  }));
}

/** Paragraphs, sentences (with skip reasons so far) and what each usable sentence names. */
function analyzeArticle(text: string): { paragraphs: Paragraph[]; sentences: Sentence[]; context: ArticleContext } {
  const paragraphs = splitParagraphs(text);
  const sentences = splitSentences(text, paragraphs);
  const keyTerms = findKeyTerms(sentences);
  // Two passes: the first finds full names, so the second knows "Thomson" is William Thomson.
  const surnames = collectSurnames(
    sentences.map((sentence) => extractMentions(sentence, { keyTerms, surnames: new Map() })),
  );
  const mentions = sentences.map((sentence) => extractMentions(sentence, { keyTerms, surnames }));
  // Captions and skipped sentences still name things: they feed the pool of distractors.
  const inventory = buildInventory(
    sentences.map((sentence, k) => ({ index: sentence.index, text: sentence.text, mentions: mentions[k] ?? [] })),
    surnames,
  );
  markNearDuplicates(sentences);

  const analyzed: Analyzed[] = sentences
    .filter((sentence) => sentence.skip === null)
    .map((sentence) => {
      const found = mentions[sentence.index] ?? [];
      const keys = keysOf(found, surnames);
      // A paragraph's opening sentence usually states its point: it ranks above the details after it.
      const opens =
        sentences.find((other) => other.paragraph === sentence.paragraph && other.skip === null) === sentence;
      const score = scoreSentence(sentence, found, keys) + (opens ? TOPIC_SENTENCE_BONUS : 0);
      return { sentence, mentions: found, keys, score };
    });
  return { paragraphs, sentences, context: { text, analyzed, inventory, surnames, sentences } };
}

/** A sentence (nearly) the same as an earlier one adds nothing: "near-duplicate". */
function markNearDuplicates(sentences: Sentence[]): void {
  const kept: Array<{ letters: string }> = [];
  for (const sentence of sentences) {
    if (sentence.skip !== null) continue;
    const letters = lettersOnly(sentence.text);
    const duplicate = kept.some((other) => {
      const longer = Math.max(letters.length, other.letters.length);
      if (Math.min(letters.length, other.letters.length) < longer * (1 - NEAR_DUPLICATE)) return false;
      return distance(letters, other.letters) <= longer * NEAR_DUPLICATE;
    });
    if (duplicate) sentence.skip = "near-duplicate of an earlier sentence";
    else kept.push({ letters });
  }
}

/**
 * Picks the cards to keep: timelines, then fact-or-opinion cards (a sentence in the author's voice
 * is better asked that way than as someone's viewpoint), then viewpoints on other sentences, then rounds over the sentences from most to least informative, one card per
 * sentence per round, types kept near their target shares, no answer asked more than twice.
 */
function selectCandidates(
  timelines: Candidate[],
  priority: Candidate[],
  points: Candidate[],
  perSentence: Map<number, Candidate[]>,
  factOrOpinion: Candidate[],
  analyzed: Analyzed[],
  maxCards: number,
): Candidate[] {
  const chosen: Candidate[] = [];
  const answerUses = new Map<string, number>();
  const askedAs = new Set<string>();
  const taken = new Map<number, Candidate[]>();
  // The same sentence asked for the same answer twice (a thesis card and a continuation card, a "who"
  // viewpoint and a multiple choice on the same name) spends the budget on one question.
  const asked = new Set<string>();
  const add = (candidate: Candidate) => {
    const question = `${fold(candidate.body.quote)}|${fold(String(candidate.body.answer ?? ""))}`;
    if (candidate.body.type !== "timeline" && asked.has(question)) return;
    asked.add(question);
    chosen.push(candidate);
    if (candidate.answerKey) {
      answerUses.set(candidate.answerKey, (answerUses.get(candidate.answerKey) ?? 0) + 1);
      askedAs.add(`${candidate.body.type}|${candidate.answerKey}`);
    }
    taken.set(candidate.sentence, [...(taken.get(candidate.sentence) ?? []), candidate]);
  };

  for (const timeline of timelines.slice(0, maxCards >= 6 ? 2 : maxCards >= 3 ? 1 : 0)) add(timeline);
  for (const candidate of priority) if (chosen.length < maxCards && !taken.has(candidate.sentence)) add(candidate);

  const fresh = (candidate: Candidate) => !taken.has(candidate.sentence);
  const best = (answer: "fact" | "opinion") =>
    factOrOpinion
      .filter((candidate) => candidate.body.answer === answer && fresh(candidate))
      .sort((a, b) => b.score - a.score || a.sentence - b.sentence);
  const budget = Math.round(maxCards * FACT_OR_OPINION_SHARE);
  // Opinions the argument-first pass already chose count toward the budget and the balance.
  const early = chosen.filter((c) => c.body.type === "fact_or_opinion" && c.body.answer === "opinion").length;
  const opinions = best("opinion").slice(0, Math.max(0, Math.ceil(budget / 2) - early));
  const allOpinions = early + opinions.length;
  const facts = best("fact").slice(0, Math.max(0, Math.min(budget - allOpinions, allOpinions)));
  for (const candidate of [...opinions, ...facts]) if (chosen.length < maxCards) add(candidate);
  // Each paragraph's point, before viewpoints elsewhere and before any sentence's second card.
  for (const candidate of points) if (chosen.length < maxCards && !taken.has(candidate.sentence)) add(candidate);

  const viewpoints = [...perSentence.values()]
    .flat()
    .filter((candidate) => candidate.body.type === "viewpoint")
    .sort((a, b) => b.score - a.score || a.sentence - b.sentence);
  for (const viewpoint of viewpoints.slice(0, Math.ceil(maxCards * VIEWPOINT_SHARE))) {
    if (chosen.length < maxCards && !taken.has(viewpoint.sentence)) add(viewpoint);
  }

  const order = [...analyzed].sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index);
  const factCount = () => chosen.filter((c) => FACT_SHARE[c.body.type] !== undefined).length;
  // Round -1 spreads the deck over the article: every paragraph's point gets a card before a
  // paragraph gets a second (a paragraph usually makes one point; the teacher's coverage strip shows gaps).
  for (let round = 0; round < 3 && chosen.length < maxCards; round++) {
    for (const item of order) {
      if (chosen.length >= maxCards) break;
      const already = taken.get(item.sentence.index) ?? [];
      if (already.length > round) continue;
      const options = (perSentence.get(item.sentence.index) ?? []).filter((candidate) => {
        if (candidate.body.type === "viewpoint" || already.includes(candidate) || candidate.score < MIN_FACT_SCORE)
          return false;
        if (candidate.answerKey && askedAs.has(`${candidate.body.type}|${candidate.answerKey}`)) return false;
        if (already.some((other) => other.body.type === candidate.body.type)) return false;
        if (candidate.answerKey && already.some((other) => other.answerKey === candidate.answerKey)) return false;
        // A first card on a sentence no card tests yet teaches a new fact even when its answer (a year)
        // was asked before: it may use the answer once more than a second card on a sentence may.
        const most = MAX_USES_PER_ANSWER + (round === 0 ? 1 : 0);
        return !candidate.answerKey || (answerUses.get(candidate.answerKey) ?? 0) < most;
      });
      if (options.length === 0) continue;
      const total = factCount() + 1;
      const priority = (candidate: Candidate) => {
        const type = candidate.body.type;
        const share = FACT_SHARE[type] ?? 0;
        const deficit = share * total - chosen.filter((c) => c.body.type === type).length;
        let value = candidate.score + 2 * deficit;
        if (type === "true_false")
          value += (candidate.body.answer === "False") === prefersFalse(candidate.body.quote) ? 0.5 : 0;
        return value;
      };
      const best = options.reduce((a, b) => (priority(b) > priority(a) ? b : a));
      add(best);
    }
  }
  // About as many true as false statements: a deck of mostly "False" is answered by guessing.
  const isTF = (candidate: Candidate, answer: string) =>
    candidate.body.type === "true_false" && candidate.body.answer === answer;
  for (;;) {
    const trues = chosen.filter((c) => isTF(c, "True")).length;
    const falses = chosen.filter((c) => isTF(c, "False")).length;
    if (Math.abs(trues - falses) <= Math.max(1, Math.round((trues + falses) * 0.2))) break;
    const majority = trues > falses ? "True" : "False";
    const weakest = chosen.filter((c) => isTF(c, majority)).sort((a, b) => a.score - b.score)[0];
    if (!weakest) break;
    chosen.splice(chosen.indexOf(weakest), 1);
    // The sentence keeps a card: its best question of another kind takes the statement's place.
    const others = chosen.filter((c) => c.sentence === weakest.sentence);
    const replacement = (perSentence.get(weakest.sentence) ?? [])
      .filter(
        (c) =>
          c.body.type !== "true_false" &&
          c.body.type !== "viewpoint" &&
          !others.some((other) => other.body.type === c.body.type) &&
          c.score >= MIN_FACT_SCORE,
      )
      .sort((a, b) => b.score - a.score)[0];
    if (others.length === 0 && replacement && chosen.length < maxCards) add(replacement);
  }
  return chosen.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
}

/** Ids, and a last check of every card: CardSchema, verbatim quotes, answers in their quotes. */
function finalize(chosen: Candidate[], text: string): Draft[] {
  const ids = new Set<string>();
  const drafts: Draft[] = [];
  for (const candidate of chosen) {
    const body = candidate.body;
    const id = makeCardId(cardKind(body.type).idPrefix, candidate.idWords, JSON.stringify(body), ids);
    const parsed = CardSchema.safeParse({ id, ...body });
    if (!parsed.success || !quotesVerbatim(parsed.data, text)) continue;
    drafts.push({
      card: inDeckOrder(parsed.data),
      paragraph: candidate.paragraph,
      sentence: candidate.sentence,
      score: candidate.score,
    });
  }
  return drafts;
}

// The order content/decks/*.json uses, so printed cards read (and diff) like hand-written ones.
const FIELD_ORDER = [
  "id",
  "type",
  "party",
  "prompt",
  "options",
  "answer",
  "acceptedAnswers",
  "correction",
  "events",
  "explanation",
  "quote",
];

function inDeckOrder(card: CardInput): CardInput {
  const rank = (key: string) => (FIELD_ORDER.includes(key) ? FIELD_ORDER.indexOf(key) : FIELD_ORDER.length);
  return Object.fromEntries(Object.entries(card).sort(([a], [b]) => rank(a) - rank(b))) as CardInput;
}

function quotesVerbatim(card: CardInput, text: string): boolean {
  if (!text.includes(card.quote)) return false;
  if (card.type === "timeline" && !card.events.every((event) => text.includes(event.quote))) return false;
  if (card.type === "cloze" && !fold(card.quote).includes(fold(card.answer))) return false;
  return true;
}

/**
 * Drafts grouped under the paragraph their quote comes from, every paragraph listed (in order)
 * even when it gave no card: the shape the teacher's editor shows.
 *
 * @example groupDraftsByParagraph(generateDrafts(text)) // [{ paragraph: { index: 0, … }, drafts: [...] }, …]
 */
export function groupDraftsByParagraph(
  result: Pick<GenerationResult, "drafts" | "paragraphs">,
): Array<{ paragraph: Paragraph; drafts: Draft[] }> {
  return result.paragraphs.map((paragraph) => ({
    paragraph,
    drafts: result.drafts
      .filter((draft) => draft.paragraph === paragraph.index)
      .sort((a, b) => a.sentence - b.sentence),
  }));
}

const SHOWS_SENTENCE = new Set(["cloze", "multiple_choice", "true_false", "fact_or_opinion"]);
const CONTINUATION = /^(How does the .*? continue\? “)(.+)( …”)$/;
const CHOICE_LEAD = /^(Which [a-z]+(?: [a-z]+)? fills the blank\?\s+)/;

/**
 * A card whose sentence leans on the one before gets the missing name carried in: "The canal
 * carries…" -> "The Suez Canal carries…" (the latest name the article gave ending in that noun),
 * "She moved…" -> "Rosalind Franklin moved…" (the person the sentence before opened with).
 * Otherwise it is returned unchanged (and the checks drop it).
 */
function carryContext(
  candidate: Candidate,
  prepared: ReturnType<typeof prepareChecks>,
  context: ArticleContext,
): Candidate {
  const body = candidate.body;
  // Continuation cards show the start of the sentence in quotation marks: the same applies to it.
  const continuation = CONTINUATION.exec(body.prompt);
  if (!SHOWS_SENTENCE.has(body.type) && !continuation) return candidate;
  const lead = continuation?.[1] ?? CHOICE_LEAD.exec(body.prompt)?.[1] ?? "";
  const tail = continuation?.[3] ?? "";
  const statement = continuation?.[2] ?? body.prompt.slice(lead.length);
  const at = prepared.sentenceIndex(body.quote);
  const seen = prepared.seenBefore(at < 0 ? 0 : at);
  if (!contextProblem(statement, seen)) return candidate;
  const index = candidate.sentence;
  let rewritten: string | null = null;
  const definite = /^The ([a-z]+)\b/.exec(statement);
  if (definite) {
    const head = (definite[1] ?? "").replace(/s$/, "");
    const named = [...context.inventory.entities.values()]
      .filter(
        (entity) =>
          ["place", "organization", "term"].includes(entity.kind) &&
          /^[A-Z]/.test(entity.name) &&
          entity.name.split(" ").length >= 2 &&
          (entity.name.split(" ").pop() ?? "").toLowerCase().replace(/s$/, "") === head &&
          [...entity.sentences].some((s) => s < index),
      )
      .sort(
        (a, b) =>
          Math.max(...[...b.sentences].filter((s) => s < index)) -
          Math.max(...[...a.sentences].filter((s) => s < index)),
      )[0];
    if (named) rewritten = `The ${named.name.replace(/^The /, "")}${statement.slice(definite[0].length)}`;
  }
  const pronoun = /^(He|She) /.exec(statement);
  if (pronoun) {
    const previous = context.analyzed.filter((item) => item.sentence.index < index).pop();
    const person = previous?.mentions.find((mention) => mention.kind === "person");
    const full = person ? (context.surnames.get(person.text.toLowerCase()) ?? person.text) : null;
    if (
      full &&
      previous?.sentence.paragraph ===
        context.analyzed.find((item) => item.sentence.index === index)?.sentence.paragraph
    )
      rewritten = `${full} ${statement.slice(pronoun[0].length)}`;
  }
  if (rewritten && !contextProblem(rewritten, seen)) {
    const prompt = `${lead}${rewritten}${tail}`;
    return { ...candidate, body: { ...body, prompt } as Candidate["body"] };
  }
  return withPreviousSentence(candidate, statement, lead, tail, prepared, context) ?? candidate;
}

// A sentence and the one carried in before it: short enough to read as one prompt.
const MAX_CARRIED_WORDS = 60;
// Types whose prompt may show two sentences: a true/false or fact-or-opinion statement must be one claim.
const CARRIES_PREVIOUS = new Set(["cloze", "multiple_choice", "basic", "viewpoint"]);
const NOT_PROSE = new Set<string>(["heading", "photo caption", "code, table or image", "question, not a statement"]);

/**
 * When no name resolves the reference ("The aid…", "Its leaders…", "He came to…"), the sentence
 * before it (same paragraph, standing alone itself) is carried into the prompt and the quote:
 * “Marshall aid reached Europe in 1948. The aid was modest compared with ____ …”. The student
 * then reads what the reference points to, as the article's reader did. Null when that fails.
 */
function withPreviousSentence(
  candidate: Candidate,
  statement: string,
  lead: string,
  tail: string,
  prepared: ReturnType<typeof prepareChecks>,
  context: ArticleContext,
): Candidate | null {
  const body = candidate.body;
  if (!CARRIES_PREVIOUS.has(body.type)) return null;
  const current = context.sentences[candidate.sentence];
  const previous = context.sentences[candidate.sentence - 1];
  if (!current || !previous || NOT_PROSE.has(previous.skip ?? "")) return null;
  // Across a paragraph break ("…relied on statistics. ¶ Their key measure was…") the sentence before
  // is shown but not quoted: a quote stays inside one paragraph. A cloze must quote what it shows.
  const across = previous.paragraph !== current.paragraph;
  if (across && (body.type === "cloze" || previous.paragraph !== current.paragraph - 1)) return null;
  if (previous.words + current.words > MAX_CARRIED_WORDS) return null;
  // Only plain prose: the prompt shows the sentence's text, the quote its Markdown source.
  if (previous.quote !== previous.text || !/^\s*$/.test(context.text.slice(previous.end, current.start))) return null;
  // The card may quote more than its sentence (a follow-up quotes the next one too), never less.
  if (!body.quote.startsWith(current.quote)) return null;
  const at = prepared.sentenceIndex(previous.quote);
  if (contextProblem(previous.text, prepared.seenBefore(at < 0 ? 0 : at))) return null;
  const prompt = `${lead}${previous.text} ${statement}${tail}`;
  const quote = across ? body.quote : context.text.slice(previous.start, current.start + body.quote.length);
  // The card no longer leans on a sentence it does not show: the score's penalty for that goes.
  const score = candidate.score + (startsWithContextWord(current.text) ? CONTEXT_PENALTY : 0);
  return { ...candidate, score, body: { ...body, prompt, quote } as Candidate["body"] };
}
