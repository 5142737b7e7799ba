import { env } from "@/lib/env";
import { schedulingSettingsOf, type DeckSchedulingSettings, type SrsSettings } from "@/lib/srs";

/** A deck's scheduling columns as lib/srs settings. Fuzz is off in tests so schedules are exact. */
export function deckSrsSettings(deck: DeckSchedulingSettings): SrsSettings {
  return {
    ...schedulingSettingsOf(deck),
    enableFuzz: env.NODE_ENV !== "test",
  };
}
