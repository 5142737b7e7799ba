/**
 * The largest file Clio imports (an .apkg, .csv or .json deck), 20 MB. Media inside an .apkg is
 * skipped, but it still counts towards the size; a teacher with a larger package can export it from
 * Anki without media ("Include media" unchecked). The web form's upload route shares this limit.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Cards a deck may bring in at once: far above a class deck, low enough to keep one import quick. */
export const MAX_IMPORT_CARDS = 5000;
