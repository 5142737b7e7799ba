/**
 * A problem found in a content file, phrased for the person who will fix it: which file, which
 * card, what is wrong and what to do about it.
 */
export type ContentProblem = {
  /** The file as the caller named it, e.g. content/decks/russia-ukraine-nato.json. */
  file: string;
  cardId?: string;
  /** What is wrong, without a final period. */
  message: string;
  /** What to do about it, without a final period. */
  fix: string;
};

/**
 * One line per problem, e.g.
 * `content/decks/x.json › card "putin-2007": quote not found in the article. Fix: copy the sentence exactly from content/articles/x.md.`
 */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.cardId === undefined ? problem.file : `${problem.file} › card "${problem.cardId}"`;
  return `${where}: ${problem.message}. Fix: ${problem.fix}.`;
}

/** Thrown when content cannot be loaded; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`${count} in content:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "ContentError";
    this.problems = problems;
  }
}
