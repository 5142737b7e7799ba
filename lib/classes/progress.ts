import { retrievability, type MemoryState, type SrsSettings } from "@/lib/srs";
import { OVERDUE_GRACE_MS, type StudentProgress } from "./status";

/** A card state as the forecasts need it: the FSRS memory plus the suspended flag. */
export interface StateForForecast extends MemoryState {
  suspended: boolean;
}

/**
 * Adds one studied card to a student's progress: its retrievability at `forecastAt` (lib/srs, so
 * FSRS-6's forgetting curve exactly as ts-fsrs computes it) and whether its review is overdue.
 * Returns the card's retrievability, so callers can sum it per card too.
 */
export function addStudiedCard(progress: StudentProgress, state: StateForForecast, forecastAt: Date, now: Date, settings: SrsSettings): number {
  const r = retrievability(state, forecastAt, settings);
  progress.studied += 1;
  progress.recallSum += r;
  if (!state.suspended && state.due.getTime() < now.getTime() - OVERDUE_GRACE_MS) progress.overdue += 1;
  return r;
}

export function emptyProgress(cardCount: number): StudentProgress {
  return { cardCount, studied: 0, recallSum: 0, overdue: 0 };
}
