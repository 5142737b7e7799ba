/**
 * Names that stand for one another. Kept small and explicit: a country and its capital as a party
 * ("Moscow replied…"), common short forms, and the adjectives that give a name away ("Finnish").
 * Used by the generator (accepted answers, options) and by the quality checks (give-aways, aliases).
 */

export type AliasGroup = {
  /** The name as an answer usually reads. */
  name: string;
  /** Other names for the same party: accepted as answers, never offered as other options. */
  aliases: string[];
  /** Words that give the name away when the sentence holds them (adjectives, people). */
  giveaways: string[];
  /** Related but different (a defunct state, a predecessor): never options against each other. */
  related: string[];
};

const group = (name: string, aliases: string[], giveaways: string[] = [], related: string[] = []): AliasGroup => ({
  name,
  aliases,
  giveaways,
  related,
});

export const ALIAS_GROUPS: readonly AliasGroup[] = [
  group("Russia", ["Moscow", "the Kremlin", "Russian Federation"], ["Russian", "Russians"], ["Soviet Union", "USSR"]),
  group("Soviet Union", ["USSR", "Moscow", "the Kremlin"], ["Soviet", "Soviets"], ["Russia"]),
  group("Ukraine", ["Kyiv", "Kiev"], ["Ukrainian", "Ukrainians"]),
  group("United States", ["US", "U.S.", "USA", "America", "Washington"], ["American", "Americans"]),
  group("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain", "London"], ["British", "Briton", "Britons"]),
  group("China", ["Beijing", "People's Republic of China", "PRC"], ["Chinese"], ["Taiwan"]),
  group("Taiwan", ["Taipei", "Republic of China"], ["Taiwanese"], ["China"]),
  group("France", ["Paris"], ["French"]),
  group("Germany", ["Berlin"], ["German", "Germans"], ["West Germany", "East Germany"]),
  group("West Germany", ["Bonn"], ["West German"], ["Germany", "East Germany"]),
  group("Japan", ["Tokyo"], ["Japanese"]),
  group("Italy", ["Rome"], ["Italian", "Italians"]),
  group("Egypt", ["Cairo"], ["Egyptian", "Egyptians"]),
  group("Sweden", ["Stockholm"], ["Swedish", "Swedes"]),
  group("Finland", ["Helsinki"], ["Finnish", "Finns"]),
  group("Poland", ["Warsaw"], ["Polish", "Poles"]),
  group("Czechoslovakia", ["Prague"], ["Czechoslovak", "Czech"]),
  group("Netherlands", ["Holland", "The Hague"], ["Dutch"]),
  group("Ireland", ["Dublin"], ["Irish"]),
  group("Singapore", [], ["Singaporean"]),
  group("Federal Reserve", ["the Fed", "Fed"], []),
  group("United Nations", ["UN", "U.N."], []),
  group("European Union", ["EU"], ["European Commission"]),
  group("North Atlantic Treaty Organization", ["NATO"], []),
  group("mRNA", ["messenger RNA"], []),
  group("DNA", ["deoxyribonucleic acid"], []),
];

const norm = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/^the\s+/, "")
    .trim();

/** The groups a name belongs to (as the name or an alias). */
export function aliasGroupsOf(name: string): AliasGroup[] {
  const key = norm(name);
  return ALIAS_GROUPS.filter((g) => norm(g.name) === key || g.aliases.some((alias) => norm(alias) === key));
}

/** Other names for `name`: accepted answers, and no option may be one of them. */
export function aliasesOf(name: string): string[] {
  const key = norm(name);
  const names = aliasGroupsOf(name).flatMap((g) => [g.name, ...g.aliases]);
  return names.filter((other, k) => norm(other) !== key && names.findIndex((o) => norm(o) === norm(other)) === k);
}

/** Names that must not be offered against `name`: aliases and related states. */
export function confusableWith(name: string): string[] {
  return [...aliasesOf(name), ...aliasGroupsOf(name).flatMap((g) => g.related)];
}

/** Words which, present in a sentence, give `name` away: its aliases and adjectives. */
export function giveawaysOf(name: string): string[] {
  return [...aliasesOf(name), ...aliasGroupsOf(name).flatMap((g) => g.giveaways)];
}

/** Whether two names stand for the same party or for related ones. */
export function sameOrRelated(a: string, b: string): boolean {
  const key = norm(b);
  return norm(a) === key || confusableWith(a).some((other) => norm(other) === key);
}

/** Numbers spelled out, as articles write them ("seventy"); mentions.ts reads spelled numbers with it too. */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** "seventy" -> 70, "thirty-seven" -> 37, "70" -> 70; null when it is no whole number up to 100. */
export function numberValue(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,3}$/.test(t)) return Number(t);
  const direct = NUMBER_WORDS[t];
  if (direct !== undefined) return direct;
  const compound = /^([a-z]+)[- ]([a-z]+)$/.exec(t);
  if (compound) {
    const tens = NUMBER_WORDS[compound[1] ?? ""];
    const ones = NUMBER_WORDS[compound[2] ?? ""];
    if (tens !== undefined && ones !== undefined && tens >= 20 && tens % 10 === 0 && ones < 10) return tens + ones;
  }
  return null;
}

/** 70 -> "seventy", 37 -> "thirty-seven" (1 to 100). */
export function numberWords(value: number): string | null {
  if (!Number.isInteger(value) || value < 1 || value > 100) return null;
  if (value === 100) return "one hundred";
  const direct = Object.entries(NUMBER_WORDS).find(([, v]) => v === value);
  if (direct) return direct[0];
  return `${TENS[Math.floor(value / 10)]}-${Object.entries(NUMBER_WORDS).find(([, v]) => v === value % 10)?.[0]}`;
}

/**
 * The other ways a student may type a number answer: "70" <-> "seventy", "1,200" -> "1200",
 * "$9.6 billion" -> "9.6 billion".
 */
export function numberForms(answer: string): string[] {
  const forms: string[] = [];
  const value = numberValue(answer);
  if (value !== null) {
    if (/^\d+$/.test(answer.trim())) {
      const words = numberWords(value);
      if (words) forms.push(words);
    } else forms.push(String(value));
  }
  if (/^\d{1,3}(?:,\d{3})+$/.test(answer)) forms.push(answer.replace(/,/g, ""));
  if (/^[$£€]/.test(answer)) forms.push(answer.slice(1));
  return forms;
}
