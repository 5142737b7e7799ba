/** Why an article's text cannot be turned into cards. */
export type ArticleTextErrorCode = "empty" | "too_long" | "not_text" | "not_english";

/**
 * Bad input for the generator, with a message a person can act on (shown as is in the CLI and,
 * later, the editor). `code` is for callers that map errors to responses (e.g. 422).
 */
export class ArticleTextError extends Error {
  readonly code: ArticleTextErrorCode;

  constructor(code: ArticleTextErrorCode, message: string) {
    super(message);
    this.name = "ArticleTextError";
    this.code = code;
  }
}
