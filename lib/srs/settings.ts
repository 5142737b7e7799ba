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
}

// Whole minutes, hours or days. ts-fsrs parses steps with parseInt, so "1.5m" would silently become
// "1m", and "0m" graduates the card at once: both are refused here.
const StepSchema = z
  .string({ error: 'Write each step as text, e.g. "10m".' })
  .regex(/^[1-9]\d{0,5}[mhd]$/, { error: 'Write each step as a whole number above 0 and a unit m, h or d, e.g. "1m", "10m", "1h" or "1d".' });

const StepsSchema = (what: string) =>
  z.array(StepSchema, { error: `Give ${what} as a list such as ["1m", "10m"].` }).max(10, { error: `Use at most 10 ${what}.` });

/**
 * Validates scheduling settings; missing fields take the value in `DEFAULT_SRS_SETTINGS`.
 * Bounds follow `DeckSettingsSchema` (content) so a deck's settings always schedule.
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
  learningSteps: StepsSchema("learning steps").default(() => ["1m", "10m"]),
  relearningSteps: StepsSchema("relearning steps").default(() => ["10m"]),
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
});

// The interface above is the documented shape; this keeps the schema from drifting away from it.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const schemaMatchesInterface: Same<z.output<typeof SrsSettingsSchema>, SrsSettings> = true;
void schemaMatchesInterface;

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
  const result = SrsSettingsSchema.safeParse(input);
  if (!result.success) {
    throw new InvalidSettingsError(result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })));
  }
  return result.data;
}

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
    }),
  );
}
