import { schedulingSettingsOf, type DeckSchedulingSettings, type SrsSettings } from "@/lib/srs";

/**
 * A deck's scheduling columns as lib/srs settings, fuzz on as everywhere else. Fuzz does not make a
 * schedule random: ts-fsrs seeds it from the review time and the card's state, so the same review
 * at the same `now` always lands on the same day (which is what a test with a pinned clock relies on).
 */
export function deckSrsSettings(deck: DeckSchedulingSettings): SrsSettings {
  return {
    ...schedulingSettingsOf(deck),
    enableFuzz: true,
  };
}
