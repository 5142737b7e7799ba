import type { MemoryState } from "@/lib/srs";
import type { CardState } from "@/lib/generated/prisma/client";

/** The FSRS fields of a CardState row, as lib/srs works with them. */
export function memoryStateOf(
  row: Pick<
    CardState,
    | "due"
    | "stability"
    | "difficulty"
    | "elapsedDays"
    | "scheduledDays"
    | "learningSteps"
    | "reps"
    | "lapses"
    | "state"
    | "lastReview"
  >,
): MemoryState {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    lastReview: row.lastReview,
  };
}

/** Everything undo must put back: the memory state plus the row's own flags and version. */
export interface StateSnapshot extends MemoryState {
  suspended: boolean;
  leech: boolean;
  version: number;
}

export function snapshotToJson(s: StateSnapshot) {
  return { ...s, due: s.due.toISOString(), lastReview: s.lastReview?.toISOString() ?? null };
}

export function snapshotFromJson(json: unknown): StateSnapshot | null {
  if (json === null || json === undefined) return null;
  const s = json as Record<string, unknown>;
  return {
    due: new Date(String(s.due)),
    stability: Number(s.stability),
    difficulty: Number(s.difficulty),
    elapsedDays: Number(s.elapsedDays),
    scheduledDays: Number(s.scheduledDays),
    learningSteps: Number(s.learningSteps),
    reps: Number(s.reps),
    lapses: Number(s.lapses),
    state: s.state as MemoryState["state"],
    lastReview: s.lastReview ? new Date(String(s.lastReview)) : null,
    suspended: Boolean(s.suspended),
    leech: Boolean(s.leech),
    version: Number(s.version),
  };
}

/**
 * A state as a query's json_build_object returns it: its timestamp columns as UTC text without a
 * zone ("2026-11-30T18:00:00.123"), which `new Date` alone would read in the process's own zone.
 * (A stored snapshot's JSON has ISO text with its zone: `snapshotFromJson`.)
 */
export type SqlStateJson<T extends MemoryState = MemoryState> = Omit<T, "due" | "lastReview"> & {
  due: string;
  lastReview: string | null;
};

/** A state from a query's json_build_object, its timestamps as the UTC instants they are. */
export function stateFromSqlJson<T extends MemoryState>(
  json: SqlStateJson<T>,
): Omit<T, "due" | "lastReview"> & MemoryState {
  return {
    ...json,
    due: new Date(`${json.due}Z`),
    lastReview: json.lastReview === null ? null : new Date(`${json.lastReview}Z`),
  };
}
