import { schedulingSettingsOf, type DeckSchedulingSettings, type SrsSettings, type StudyDayRule } from "@/lib/srs";

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

/**
 * When the student's days start (docs/decisions/007-local-days.md): the account's time zone and
 * day-start hour, for scheduling, daily limits and stats alike.
 */
export function studyDayOf(user: { timezone: string; dayStartHour: number }): StudyDayRule {
  return { timeZone: user.timezone, dayStartHour: user.dayStartHour };
}
