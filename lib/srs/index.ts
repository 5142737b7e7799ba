// Scheduling: a thin, pure layer over ts-fsrs (FSRS-6). Imports nothing from the rest of lib/.
export {
  SrsError,
  InvalidRatingError,
  InvalidSettingsError,
  InvalidMemoryStateError,
  InvalidDateError,
  ReviewTimeError,
  UndoMismatchError,
  InvalidTimeZoneError,
  type SrsErrorCode,
  type SettingsIssue,
} from "./errors";
export {
  SrsSettingsSchema,
  DEFAULT_SRS_SETTINGS,
  parseSrsSettings,
  DeckSettingsSchema,
  DECK_SETTING_KEYS,
  DECK_SETTINGS_SELECT,
  pickDeckSettings,
  schedulingSettingsOf,
  type SrsSettings,
  type DeckSettings,
  type DeckSchedulingSettings,
} from "./settings";
export {
  MEMORY_STATE_KINDS,
  RATINGS,
  RatingSchema,
  MemoryStateKindSchema,
  MemoryStateSchema,
  newMemoryState,
  type MemoryState,
  type MemoryStateKind,
  type Rating,
} from "./memory-state";
export {
  gradeCard,
  previewIntervals,
  retrievability,
  retrievabilityAt,
  forgettingCurveOf,
  undoReview,
  type GradeResult,
  type ReviewRecord,
  type IntervalPreview,
  type ScheduleContext,
} from "./schedule";
export { formatInterval } from "./format-interval";
export {
  startOfLocalDay,
  nextLocalMidnight,
  localDateKey,
  instantOfWallTime,
  startOfStudyDay,
  nextStudyDay,
  studyDateKey,
  toStudyClock,
  DEFAULT_DAY_START_HOUR,
  UTC_DAYS,
  type LocalDate,
  type StudyDayRule,
} from "./local-day";
