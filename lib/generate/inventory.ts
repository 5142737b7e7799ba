import { sameOrRelated } from "./aliases";
import { hash32 } from "./ids";
import { lemma, mentionKey, type Mention, type MentionKind, type PlaceType } from "./mentions";
import { fold } from "./text";

/**
 * Everything the article names, grouped: the pool distractors and false statements are drawn
 * from, so every option comes from the article and shares the answer's kind.
 */

export type Entity = {
  key: string;
  kind: MentionKind;
  /** How the article writes it most fully: "Vladimir Putin", not "Putin". */
  name: string;
  placeType?: PlaceType;
  unit?: string;
  value?: number;
  count: number;
  sentences: Set<number>;
  /** Written after "the" somewhere ("the Philippines"): a swap keeps or adds the article. */
  takesThe: boolean;
};

export type Inventory = {
  entities: Map<string, Entity>;
  /** Keys listed together ("Germany, France, and Britain"): each could be true where another is. */
  siblings: Map<string, Set<string>>;
};

export type AnalyzedSentence = { index: number; text: string; mentions: Mention[] };

// Kinds multiple choice and swaps work with; key terms and decades are only blanked.
const SWAPPABLE: ReadonlySet<MentionKind> = new Set(["person", "place", "organization", "year", "number"]);
const COUNTRY_ALIASES = new Map([
  ["us", "united states"],
  ["u.s.", "united states"],
  ["usa", "united states"],
  ["u.s.a.", "united states"],
  ["america", "united states"],
  ["uk", "united kingdom"],
  ["u.k.", "united kingdom"],
  ["britain", "united kingdom"],
  ["great britain", "united kingdom"],
]);

/** The inventory key of a mention: aliases ("Putin", "US") resolve to one entity. */
export function entityKey(mention: Mention, surnames: ReadonlyMap<string, string> = new Map()): string {
  if (mention.kind === "year" || mention.kind === "decade") return `${mention.kind}:${mention.value}`;
  if (mention.kind === "number") return `number:${mention.unit}:${mention.value}`;
  if (mention.kind === "term" && !/^[A-Z“"]/.test(mention.text)) return `term:${lemma(mention.text)}`;
  if (mention.kind === "person" && !mention.text.includes(" ")) {
    const full = surnames.get(mention.text.toLowerCase());
    if (full) return mentionKey({ kind: "person", text: full });
  }
  if (mention.kind === "place") {
    const base = fold(mention.text).replace(/^the /, "");
    const alias = COUNTRY_ALIASES.get(base);
    if (alias) return `place:${alias}`;
  }
  return mentionKey(mention);
}

/** Surnames of people the article names in full, so "Thomson" is known to be William Thomson. */
export function collectSurnames(mentionsBySentence: Mention[][]): Map<string, string> {
  const surnames = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const mentions of mentionsBySentence) {
    for (const mention of mentions) {
      if (mention.kind !== "person") continue;
      const words = mention.text.split(" ");
      if (words.length < 2) continue;
      const surname = (words[words.length - 1] ?? "").toLowerCase();
      const known = surnames.get(surname);
      if (known && known !== mention.text && !known.endsWith(mention.text) && !mention.text.endsWith(known))
        ambiguous.add(surname);
      if (!known || mention.text.length > known.length) surnames.set(surname, mention.text);
    }
  }
  for (const surname of ambiguous) surnames.delete(surname);
  return surnames;
}

export function buildInventory(sentences: AnalyzedSentence[], surnames: ReadonlyMap<string, string>): Inventory {
  const entities = new Map<string, Entity>();
  const siblings = new Map<string, Set<string>>();
  const forms = new Map<string, Map<string, number>>();

  for (const sentence of sentences) {
    for (const mention of sentence.mentions) {
      const key = entityKey(mention, surnames);
      let entity = entities.get(key);
      if (!entity) {
        entity = { key, kind: mention.kind, name: mention.text, count: 0, sentences: new Set(), takesThe: false };
        if (mention.placeType) entity.placeType = mention.placeType;
        if (mention.unit) entity.unit = mention.unit;
        if (mention.value !== undefined) entity.value = mention.value;
        entities.set(key, entity);
      }
      entity.count += 1;
      entity.sentences.add(sentence.index);
      // "the US would", "the Philippines and": the name takes "the". Not "the NATO summit", where "the" belongs to "summit".
      const modifies =
        /^\s+[a-z]/.test(sentence.text.slice(mention.end, mention.end + 2)) &&
        !/^\s+(?:and|or|would|could|will|was|were|is|are|has|had|does|did|in|on|at|to|of|for|with|from|by)\b/.test(
          sentence.text.slice(mention.end),
        );
      if (/\bthe\s+$/.test(sentence.text.slice(Math.max(0, mention.start - 5), mention.start)) && !modifies)
        entity.takesThe = true;
      const counts = forms.get(key) ?? new Map<string, number>();
      counts.set(mention.text, (counts.get(mention.text) ?? 0) + 1);
      forms.set(key, counts);
    }
    for (const group of listedGroups(sentence)) {
      const keys = group.map((mention) => entityKey(mention, surnames));
      for (const key of keys) {
        const set = siblings.get(key) ?? new Set<string>();
        for (const other of keys) if (other !== key) set.add(other);
        siblings.set(key, set);
      }
    }
  }

  for (const [key, counts] of forms) {
    const entity = entities.get(key);
    if (!entity) continue;
    // People by their fullest name; everything else by the spelling the article uses most.
    const ranked = [...counts].sort((a, b) =>
      entity.kind === "person"
        ? b[0].length - a[0].length || b[1] - a[1]
        : b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1),
    );
    entity.name = ranked[0]?.[0] ?? entity.name;
    if (entity.kind === "person") {
      const full = surnames.get(entity.name.toLowerCase());
      if (full) entity.name = full;
    }
  }
  return { entities, siblings };
}

/** Runs of same-kind mentions joined only by commas, "and", "or", slashes. */
export function listedGroups(sentence: Pick<AnalyzedSentence, "text" | "mentions">): Mention[][] {
  const groups: Mention[][] = [];
  let current: Mention[] = [];
  sentence.mentions.forEach((mention, k) => {
    const previous = sentence.mentions[k - 1];
    const joined =
      previous !== undefined &&
      previous.kind === mention.kind &&
      /^\s*(?:,|;|\/|&|and|or|nor|,\s*and|,\s*or)\s*(?:the\s+)?$/.test(
        sentence.text.slice(previous.end, mention.start).replace(/^['’]s/, ""),
      );
    if (joined) current.push(mention);
    else {
      if (current.length > 1) groups.push(current);
      current = [mention];
    }
  });
  if (current.length > 1) groups.push(current);
  return groups;
}

export function isListed(sentence: Pick<AnalyzedSentence, "text" | "mentions">, mention: Mention): boolean {
  return listedGroups(sentence).some((group) => group.includes(mention));
}

const GENERIC_NAME_WORDS = new Set([
  "republic",
  "united",
  "states",
  "kingdom",
  "north",
  "south",
  "east",
  "west",
  "northern",
  "southern",
  "eastern",
  "western",
  "new",
  "saint",
  "great",
  "people's",
  "national",
  "federal",
]);

function significantWords(name: string): string[] {
  return fold(name)
    .split(/[\s-]+/)
    .map((word) => word.replace(/'s$/, ""))
    .filter((word) => word.length > 2 && !GENERIC_NAME_WORDS.has(word) && !["the", "and", "of"].includes(word));
}

/** Whether a swap between these two place types reads naturally. */
function compatiblePlaces(a: PlaceType | undefined, b: PlaceType | undefined): boolean {
  return (a ?? "area") === (b ?? "area");
}

/**
 * Up to `count` entities that could stand in for `answer` in its sentence: the same kind (and
 * place type, unit), from the article, never the answer under another name, never something the
 * sentence already names, never something the article lists alongside the answer (it might be
 * just as true). Best first: for years the nearest, otherwise the most mentioned.
 */
export function pickDistractors(
  inventory: Inventory,
  answer: Mention,
  answerKey: string,
  sentence: { keys: ReadonlySet<string>; names: readonly string[] },
  seed: string,
  count: number,
): Entity[] {
  if (!SWAPPABLE.has(answer.kind)) return [];
  const answerEntity = inventory.entities.get(answerKey);
  const answerName = fold(answerEntity?.name ?? answer.text);
  // Words naming the answer or anything else in the sentence: "People’s Republic of China" is no
  // distractor where "China" is already named, "Mario Molina" none for "Molina".
  const takenWords = new Set([answerName, answer.text, ...sentence.names].flatMap(significantWords));
  const sentenceKeys = sentence.keys;
  const listedWith = inventory.siblings.get(answerKey) ?? new Set<string>();

  const candidates = [...inventory.entities.values()].filter((entity) => {
    if (
      entity.key === answerKey ||
      entity.kind !== answer.kind ||
      sentenceKeys.has(entity.key) ||
      listedWith.has(entity.key)
    )
      return false;
    if (answer.kind === "place" && !compatiblePlaces(answer.placeType, entity.placeType)) return false;
    if (answer.kind === "number" && (entity.unit !== answer.unit || entity.value === answer.value)) return false;
    const name = fold(entity.name);
    if (name.includes(answerName) || answerName.includes(name)) return false;
    // "Moscow" for "Russia", "the Soviet Union" against "Russia": another name or a related state.
    if (sameOrRelated(answerEntity?.name ?? answer.text, entity.name)) return false;
    if (answer.kind === "person" || answer.kind === "place" || answer.kind === "organization") {
      if (significantWords(entity.name).some((word) => takenWords.has(word))) return false;
    }
    return true;
  });

  const tiebreak = (entity: Entity) => hash32(`${seed}|${entity.key}`);
  if (answer.kind === "year" || answer.kind === "number") {
    const value = answer.value ?? 0;
    return candidates
      .sort((a, b) => Math.abs((a.value ?? 0) - value) - Math.abs((b.value ?? 0) - value) || tiebreak(a) - tiebreak(b))
      .slice(0, count);
  }
  // The most mentioned are the most plausible; a seeded pick among them keeps cards from all
  // offering the same three.
  const ranked = candidates.sort((a, b) => b.count - a.count || tiebreak(a) - tiebreak(b));
  const pool = ranked.slice(0, count + 2).sort((a, b) => tiebreak(a) - tiebreak(b));
  return pool.slice(0, count).sort((a, b) => b.count - a.count || tiebreak(a) - tiebreak(b));
}
