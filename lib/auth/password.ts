import { hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory, type TranslationKeys } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

// @node-rs/argon2 defaults to argon2id (its Algorithm is a const enum, unusable under
// isolatedModules). Cost: OWASP's recommended minimum for argon2id (19 MiB, 2 passes).
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// Two layers. First, rules that name the exact mistake: passwords published in the README, the most
// common passwords, the user's own email, a common word dressed up with a few characters (Password1!,
// p@ssw0rd), too few distinct characters, runs (abcd, 4321). Then zxcvbn's strength estimate over the
// same dictionaries, with the user's email and name as words an attacker would try first: anything it
// scores below 3 ("safely unguessable": about 10^8 guesses, an online attack throttled as Clio's is
// cannot reach it) is refused with zxcvbn's own warning and suggestions.
const COMMON_PASSWORDS = new Set(dictionary["passwords-common"].slice(0, 10_000).map((p) => p.toLowerCase()));
const COMMON_WORDS = new Set(dictionary["diceware-common"].map((w) => w.toLowerCase()));

/** Passwords printed in the README (the demo accounts): anyone may try them. */
export const PUBLISHED_PASSWORDS = new Set(["clio-demo-teacher", "clio-demo-student"]);

const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
};

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

/** The password with digits and symbols trimmed from both ends and common swaps undone (P@ssw0rd1! -> password). */
function baseWord(password: string): string {
  const trimmed = password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, "");
  return [...trimmed].map((c) => LEET[c] ?? c).join("");
}

function isRun(password: string): boolean {
  const codes = [...password.toLowerCase()].map((c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((c, i) => c - codes[i]!));
  return steps.size === 1 && Math.abs([...steps][0]!) <= 1;
}

/** zxcvbn's lowest acceptable score (0-4). */
export const MIN_PASSWORD_SCORE = 3;

// zxcvbn-ts's feedback comes as keys; @zxcvbn-ts/language-en is not a dependency, so the English is here.
const ZXCVBN_ENGLISH: TranslationKeys = {
  warnings: {
    straightRow: "Straight rows of keys on your keyboard are easy to guess.",
    keyPattern: "Short keyboard patterns are easy to guess.",
    simpleRepeat: "Repeated characters like “aaa” are easy to guess.",
    extendedRepeat: "Repeated patterns like “abcabcabc” are easy to guess.",
    sequences: "Common sequences like “abc” are easy to guess.",
    recentYears: "Recent years are easy to guess.",
    dates: "Dates are easy to guess.",
    topTen: "This is one of the most used passwords.",
    topHundred: "This is a very often used password.",
    common: "This is a commonly used password.",
    similarToCommon: "This is similar to a commonly used password.",
    wordByItself: "Single words are easy to guess.",
    namesByThemselves: "Single names or surnames are easy to guess.",
    commonNames: "Common names and surnames are easy to guess.",
    userInputs: "Don't use your name or email address in your password.",
    pwned: "This password was exposed in a data breach.",
  },
  suggestions: {
    l33t: "Avoid predictable swaps like “@” for “a”.",
    reverseWords: "Avoid common words spelled backwards.",
    allUppercase: "Capitalise some, but not all, letters.",
    capitalization: "Capitalise more than the first letter.",
    dates: "Avoid dates and years that are associated with you.",
    recentYears: "Avoid recent years.",
    associatedYears: "Avoid years that are associated with you.",
    sequences: "Avoid common sequences of characters.",
    repeated: "Avoid repeated words and characters.",
    longerKeyboardPattern: "Use longer keyboard patterns and change direction several times.",
    anotherWord: "Add more words that are less common.",
    useWords: "Use several unrelated words, not a common phrase.",
    noNeed: "Three or four unrelated words make a strong password; symbols, digits and capitals are not needed.",
    pwned: "If you use this password elsewhere, change it there too.",
  },
  timeEstimation: {
    ltSecond: "less than a second",
    second: "{base} second",
    seconds: "{base} seconds",
    minute: "{base} minute",
    minutes: "{base} minutes",
    hour: "{base} hour",
    hours: "{base} hours",
    day: "{base} day",
    days: "{base} days",
    month: "{base} month",
    months: "{base} months",
    year: "{base} year",
    years: "{base} years",
    centuries: "centuries",
  },
};

let zxcvbn: ZxcvbnFactory | undefined;
/** Built on first use: ranking the dictionaries takes a moment that pages which never check a password should not pay. */
function estimator(): ZxcvbnFactory {
  return (zxcvbn ??= new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    translations: ZXCVBN_ENGLISH,
    useLevenshteinDistance: true,
  }));
}

/** The user's email and name as separate words ("ada.lovelace@example.org" -> ada, lovelace, example, org ...). */
function userWords(user: PasswordOwner): string[] {
  const whole = [user.email, user.name]
    .filter((v): v is string => Boolean(v?.trim()))
    .map((v) => v.trim().toLowerCase());
  return [...new Set([...whole, ...whole.flatMap((v) => v.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3)])];
}

/** zxcvbn's score and, below MIN_PASSWORD_SCORE, its feedback as one message. */
export function estimateStrength(password: string, user: PasswordOwner = {}): { score: number; advice: string | null } {
  const { score, feedback } = estimator().check(password, userWords(user));
  if (score >= MIN_PASSWORD_SCORE) return { score, advice: null };
  const advice = [
    feedback.warning ?? "This password is easy to guess.",
    ...(feedback.suggestions.length ? feedback.suggestions : [ZXCVBN_ENGLISH.suggestions.useWords]),
  ].join(" ");
  return { score, advice };
}

/** Who the password is for: their email and name are the first words an attacker tries. */
export interface PasswordOwner {
  email?: string;
  name?: string;
}

/**
 * Why a password is too easy to guess, as advice a person can act on; null when it is not.
 * The owner's email is refused as the password or inside it, and their email and name count as
 * easy words in zxcvbn's estimate.
 *
 * @example passwordWeakness("Password1!") // "A common word or password with a few characters added ..."
 */
export function passwordWeakness(password: string, owner: PasswordOwner = {}): string | null {
  const email = owner.email;
  const lower = password.toLowerCase();
  const local = email?.trim().toLowerCase().split("@")[0] ?? "";
  if (PUBLISHED_PASSWORDS.has(lower))
    return "This password is printed in Clio's README, so anyone may try it. Choose your own.";
  if (isCommonPassword(password)) return "This password is one of the most common and easy to guess. Choose another.";
  if (email && (lower === email.trim().toLowerCase() || (local.length >= 3 && lower.includes(local))))
    return "Don't use your email address (or its name part) in your password.";
  const base = baseWord(password);
  if (base.length >= 3 && (COMMON_PASSWORDS.has(base) || COMMON_WORDS.has(base)) && password.length - base.length <= 4)
    return "A common word or password with a few characters added or swapped is easy to guess. Try three or four unrelated words.";
  if (new Set(lower).size < 5)
    return "This password repeats too few different characters. Try three or four unrelated words.";
  if (isRun(password))
    return "A run of letters or digits (abcd, 1234) is easy to guess. Try three or four unrelated words.";
  return estimateStrength(password, owner).advice;
}

export const PasswordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.`, abort: true })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.`, abort: true })
  .check((ctx) => {
    const weakness = passwordWeakness(ctx.value);
    if (weakness) ctx.issues.push({ code: "custom", message: weakness, input: ctx.value });
  });

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed check, not a crash
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the same time as a real check, for sign-ins with an unknown email, so response time does
 * not reveal which accounts exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("clio-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
