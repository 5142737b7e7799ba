import { ZodError } from "zod";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { PublicUser } from "@/lib/auth/users";
import { DECK_SETTINGS_SELECT, DECK_SETTING_KEYS, DeckSettingsSchema, pickDeckSettings, type DeckSettings } from "@/lib/srs";
import { visibleDecksWhere } from "@/lib/content/decks";
import { SlugSchema } from "@/lib/content/schema";

/** A deck's settings as the settings form writes them: every field a string. */
export type DeckSettingsForm = Partial<Record<keyof DeckSettings, string>>;

const STEP_KEYS = new Set<keyof DeckSettings>(["learningSteps", "relearningSteps"]);

/** Steps as the form shows them: "1m 10m". */
export function stepsText(steps: readonly string[]): string {
  return steps.join(" ");
}

/**
 * The form's strings as DeckSettingsSchema's input: steps split on spaces or commas, numbers as
 * numbers. Anything that is not a number is passed on as typed, so the schema's own message
 * ("... must be a whole number") is what the teacher reads: the form has no rules of its own.
 */
export function deckSettingsInputOf(form: DeckSettingsForm): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of DECK_SETTING_KEYS) {
    const raw = (form[key] ?? "").trim();
    if (STEP_KEYS.has(key)) input[key] = raw.split(/[\s,]+/).filter(Boolean);
    else input[key] = raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  }
  return input;
}

/**
 * The deck `slug` if `user` owns it: another user's deck they can see is forbidden (they know it
 * exists), one they cannot see is not found.
 */
async function findOwnedDeck(user: Pick<PublicUser, "id">, slug: unknown) {
  // The slug arrives bound into a server action, which anyone can call with any value.
  const parsed = SlugSchema.safeParse(slug);
  if (!parsed.success) throw new NotFoundError("No such deck among your decks.", "deck_not_found");
  const deck = await db.deck.findFirst({
    where: { AND: [{ slug: parsed.data }, visibleDecksWhere(user)] },
    select: { id: true, ownerId: true, ...DECK_SETTINGS_SELECT },
  });
  if (!deck) throw new NotFoundError(`No deck "${slug}" among your decks.`, "deck_not_found");
  if (deck.ownerId !== user.id)
    throw new ForbiddenError("Only the teacher who made this deck can change its settings.", "deck_owner_only");
  return deck;
}

/** The settings of a deck the user owns; NotFoundError / ForbiddenError otherwise. */
export async function loadDeckSettings(user: Pick<PublicUser, "id">, slug: string): Promise<DeckSettings> {
  return pickDeckSettings(await findOwnedDeck(user, slug));
}

/**
 * Saves a deck's settings from the settings form, validated by the one deck settings schema
 * (DeckSettingsSchema). Only the deck's owner may; the next queue and the next review read them
 * from the Deck row. Throws ZodError (field by field) for bad values.
 *
 * @example await updateDeckSettings(user, "my-deck", { desiredRetention: "0.85", learningSteps: "1m 10m", ... });
 */
export async function updateDeckSettings(
  user: Pick<PublicUser, "id">,
  slug: string,
  form: DeckSettingsForm,
): Promise<DeckSettings> {
  const deck = await findOwnedDeck(user, slug);
  const result = DeckSettingsSchema.safeParse(deckSettingsInputOf(form));
  if (!result.success) {
    // Issues on one step ("learningSteps.1") belong to the steps field as a whole.
    throw new ZodError(result.error.issues.map((issue) => ({ ...issue, path: issue.path.slice(0, 1) })));
  }
  const updated = await db.deck.update({
    where: { id: deck.id, ownerId: user.id },
    data: result.data,
    select: DECK_SETTINGS_SELECT,
  });
  return pickDeckSettings(updated);
}
