/** The blank in a cloze prompt: four underscores, as content:check expects. */
export const CLOZE_BLANK = "____";

/** Cards generated when the caller does not say. */
export const DEFAULT_MAX_CARDS = 30;
