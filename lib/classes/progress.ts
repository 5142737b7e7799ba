import { forecastRecallAt, type MemoryState, type SrsSettings, type StudyDayRule } from "@/lib/srs";
import { OVERDUE_GRACE_MS, type StudentProgress } from "./status";

/**
 * A card state as the forecasts read it: lib/srs's MemoryState with its times as epoch ms (a
 * dashboard reads tens of thousands; Dates are made only for the ones lib/srs is asked about), plus
 * the suspended flag.
 */
export interface ForecastState extends Omit<MemoryState, "due" | "lastReview"> {
  due: number;
  lastReview: number | null;
  suspended: boolean;
}

export function toForecastState(row: MemoryState & { suspended: boolean }): ForecastState {
  return { ...row, due: row.due.getTime(), lastReview: row.lastReview?.getTime() ?? null };
}

function toMemoryState(s: ForecastState): MemoryState {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    lastReview: s.lastReview === null ? null : new Date(s.lastReview),
  };
}

/**
 * Predicted recall at one instant for one student's card states, through lib/srs `forecastRecallAt`:
 * FSRS-6's forgetting curve at the student's days since each card's last review (`day`: the count
 * their model was fitted on; tests/integration/classes/forecast.test.ts checks the figures against
 * ts-fsrs called directly, and the dashboard's SQL against this).
 *
 * @example
 * const recallAt = createRecallForecast(dueAt, settings, studyDayOf(user));
 * const r = recallAt(state); // 0–1
 */
export function createRecallForecast(
  at: Date,
  settings: SrsSettings,
  day: StudyDayRule,
): (state: ForecastState) => number {
  const recallAt = forecastRecallAt(at, settings, day);
  return (state) => recallAt(toMemoryState(state));
}

/**
 * Adds one studied card to a student's progress: its predicted recall at the forecast date, and
 * whether its review is overdue. Returns the recall, so callers can sum it per card too.
 */
export function addStudiedCard(
  progress: StudentProgress,
  state: ForecastState,
  recallAt: (state: ForecastState) => number,
  now: Date,
): number {
  const r = recallAt(state);
  progress.studied += 1;
  progress.recallSum += r;
  if (!state.suspended && state.due < now.getTime() - OVERDUE_GRACE_MS) progress.overdue += 1;
  return r;
}

export function emptyProgress(cardCount: number): StudentProgress {
  return { cardCount, studied: 0, recallSum: 0, overdue: 0 };
}
