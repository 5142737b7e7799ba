import { z } from "zod";
import { fsrs, generatorParameters, type FSRS, type StepUnit } from "ts-fsrs";
import { InvalidSettingsError } from "./errors";

/** How one student's (or one deck's) reviews are scheduled. */
export interface SrsSettings {
  /** Probability of recall FSRS aims for when a card comes due, 0.7–0.99. Higher means shorter intervals. */
  desiredRetention: number;
  /** Steps a new card goes through before FSRS takes over, e.g. ["1m", "10m"]. Empty: straight to FSRS. */
  learningSteps: string[];
  /** Steps a forgotten card goes through, e.g. ["10m"]. */
  relearningSteps: string[];
  /** Longest interval in days (ts-fsrs caps it at 36500). */
  maximumInterval: number;
  /** Spread review intervals of 3+ days by a few percent so cards learnt together don't stay together. */
  enableFuzz: boolean;
  /** Lapses at which a card is a leech (the caller suspends it); 0 turns leech detection off. */
  leechThreshold: number;
  /**
   * The 21 FSRS-6 weights of the student's memory model (a fitted set, lib/srs/fit.ts); absent: FSRS-6's
   * defaults. Not a deck's setting: the student's parameter set is chosen per student (lib/models).
   */
  parameters?: number[] | undefined;
}

// Whole minutes, hours or days. ts-fsrs parses steps with parseInt, so "1.5m" would silently become
// "1m", and "0m" graduates the card at once: both are refused here.
const StepSchema = z.string({ error: 'Write each step as text, e.g. "10m".' }).regex(/^[1-9]\d{0,5}[mhd]$/, {
  error: 'Write each step as a whole number above 0 and a unit m, h or d, e.g. "1m", "10m" or "1h".',
});

const MINUTES_PER_UNIT = { m: 1, h: 60, d: 1440 } as const;
const stepMinutes = (step: string) =>
  Number(step.slice(0, -1)) * MINUTES_PER_UNIT[step.slice(-1) as keyof typeof MINUTES_PER_UNIT];

// ts-fsrs turns a step of a day or more into a review interval: the card jumps to review state on
// that step and the later steps are silently skipped. Steps happen within the student's day.
const StepsSchema = (what: string, setting: string) =>
  z
    .array(
      StepSchema.refine((step) => !/^\d+[mhd]$/.test(step) || stepMinutes(step) < 1440, {
        error: `${setting}: each step must be shorter than a day (at most "23h" or "1439m"); longer gaps are FSRS's to choose.`,
      }),
      { error: `Give ${what} as a list such as ["1m", "10m"].` },
    )
    .max(10, { error: `Use at most 10 ${what}.` });

/**
 * Validates scheduling settings; missing fields take the value in `DEFAULT_SRS_SETTINGS`.
 *
 * @example
 * const settings = SrsSettingsSchema.parse({ desiredRetention: 0.85 }); // other fields: defaults
 */
export const SrsSettingsSchema = z.object({
  desiredRetention: z
    .number({ error: "Desired retention must be a number between 0.7 and 0.99." })
    .min(0.7, { error: "Desired retention must be at least 0.7 (70%)." })
    .max(0.99, { error: "Desired retention must be at most 0.99 (99%)." })
    .default(0.9),
  learningSteps: StepsSchema("learning steps", "Learning steps").default(() => ["1m", "10m"]),
  relearningSteps: StepsSchema("relearning steps", "Relearning steps").default(() => ["10m"]),
  maximumInterval: z
    .number({ error: "Maximum interval must be a whole number of days." })
    .int({ error: "Maximum interval must be a whole number of days." })
    .min(1, { error: "Maximum interval must be at least 1 day." })
    .max(36500, { error: "Maximum interval must be at most 36500 days (100 years)." })
    .default(36500),
  enableFuzz: z.boolean({ error: "enableFuzz must be true or false." }).default(true),
  leechThreshold: z
    .number({ error: "Leech threshold must be a whole number of lapses (0 turns it off)." })
    .int({ error: "Leech threshold must be a whole number of lapses (0 turns it off)." })
    .min(0, { error: "Leech threshold must be 0 (off) or more." })
    .max(100, { error: "Leech threshold must be at most 100 lapses." })
    .default(8),
  parameters: z
    .array(z.number().finite(), { error: "Parameters must be a list of 21 numbers (FSRS-6 weights)." })
    .length(21, { error: "Parameters must be a list of 21 numbers (FSRS-6 weights)." })
    .optional(),
});

// The interface above is the documented shape; this keeps the schema from drifting away from it.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const schemaMatchesInterface: Same<z.output<typeof SrsSettingsSchema>, SrsSettings> = true;
void schemaMatchesInterface;

/**
 * A deck's settings: the one schema for content files, `deck import`, publishing, export and the
 * Deck table's columns. The scheduling fields are SrsSettingsSchema's own (so a deck's settings
 * always schedule; fuzz is not a deck's choice), then the daily limits the queue applies.
 *
 * @example DeckSettingsSchema.parse({ learningSteps: ["1m"] }).newCardsPerDay // 20
 */
export const DeckSettingsSchema = SrsSettingsSchema.omit({ enableFuzz: true, parameters: true }).extend({
  newCardsPerDay: z
    .number({ error: "New cards per day must be a whole number." })
    .int({ error: "New cards per day must be a whole number." })
    .min(0, { error: "New cards per day must be 0 or more." })
    .max(9999, { error: "New cards per day must be at most 9999." })
    .default(20),
  maxReviewsPerDay: z
    .number({ error: "Reviews per day must be a whole number." })
    .int({ error: "Reviews per day must be a whole number." })
    .min(0, { error: "Reviews per day must be 0 or more." })
    .max(99999, { error: "Reviews per day must be at most 99999." })
    .default(200),
});
export type DeckSettings = z.output<typeof DeckSettingsSchema>;

/** The one list of a deck's setting keys (the Deck table has a column for each). */
export const DECK_SETTING_KEYS = Object.keys(DeckSettingsSchema.shape) as (keyof DeckSettings)[];

/** A Prisma-style `select` of every deck setting column. */
export const DECK_SETTINGS_SELECT = Object.fromEntries(DECK_SETTING_KEYS.map((key) => [key, true])) as Record<
  keyof DeckSettings,
  true
>;

/** The deck's settings out of a row that has more columns (a Deck row). */
export function pickDeckSettings(row: DeckSettings): DeckSettings {
  return Object.fromEntries(DECK_SETTING_KEYS.map((key) => [key, row[key]])) as DeckSettings;
}

/** What of a deck's settings the scheduler reads. */
export type DeckSchedulingSettings = Omit<SrsSettings, "enableFuzz" | "parameters">;
const DECK_SCHEDULING_KEYS = Object.keys(
  SrsSettingsSchema.omit({ enableFuzz: true, parameters: true }).shape,
) as (keyof DeckSchedulingSettings)[];

/**
 * The scheduling part of a deck's settings, out of a row that has more columns (a Deck row). The
 * caller adds `enableFuzz`, which is not a deck's choice.
 *
 * @example gradeCard(state, "good", now, { ...schedulingSettingsOf(deckRow), enableFuzz: true });
 */
export function schedulingSettingsOf(deck: DeckSchedulingSettings): DeckSchedulingSettings {
  return Object.fromEntries(DECK_SCHEDULING_KEYS.map((key) => [key, deck[key]])) as DeckSchedulingSettings;
}

/**
 * Clio's defaults: FSRS's own (90% retention, 1m/10m learning, 10m relearning, 100-year cap) with
 * fuzz on and Anki's leech threshold of 8 lapses. Tests should pass `{ ...DEFAULT_SRS_SETTINGS, enableFuzz: false }`.
 *
 * @example
 * gradeCard(state, "good", now, DEFAULT_SRS_SETTINGS);
 */
export const DEFAULT_SRS_SETTINGS: Readonly<SrsSettings> = Object.freeze(SrsSettingsSchema.parse({}));

/**
 * Parses settings from anywhere (a deck row, a form, JSON), filling in defaults.
 * Throws `InvalidSettingsError` listing every bad field.
 *
 * @example
 * parseSrsSettings({ desiredRetention: 0.95, enableFuzz: false });
 * parseSrsSettings({ learningSteps: ["1.5m"] }); // throws InvalidSettingsError (learningSteps.0: ...)
 */
export function parseSrsSettings(input: unknown): SrsSettings {
  // The same settings object is often checked many times in a row (a queue's 50 previews).
  const known = typeof input === "object" && input !== null ? validated.get(input) : undefined;
  if (known) return known;
  const result = SrsSettingsSchema.safeParse(input);
  if (!result.success) {
    throw new InvalidSettingsError(
      result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    );
  }
  if (typeof input === "object" && input !== null) validated.set(input, result.data);
  return result.data;
}

/** Settings objects already checked, with what the check returned. */
const validated = new WeakMap<object, SrsSettings>();

/**
 * A ts-fsrs scheduler for settings that have passed `parseSrsSettings`. Short-term mode stays on:
 * it is what applies the (re)learning steps.
 */
export function createScheduler(settings: SrsSettings): FSRS {
  return fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumInterval,
      enable_fuzz: settings.enableFuzz,
      enable_short_term: true,
      // Safe after parseSrsSettings: StepSchema only lets through `${number}${"m" | "h" | "d"}`.
      learning_steps: settings.learningSteps as StepUnit[],
      relearning_steps: settings.relearningSteps as StepUnit[],
      ...(settings.parameters ? { w: settings.parameters } : {}),
    }),
  );
}
