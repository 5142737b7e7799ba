/** Cards generated when the caller does not say. */
export const DEFAULT_MAX_CARDS = 30;
