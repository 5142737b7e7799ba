import { ArticleTextError } from "./errors";

/**
 * The most characters the generator accepts (about 15,000 words, a long feature article).
 * Longer texts take seconds to analyse and make more cards than anyone reviews: split them.
 */
export const MAX_ARTICLE_CHARS = 100_000;

// The commonest English words. Running English prose is 35-50 % these; other languages, code and
// word lists score far lower. Short texts are not judged: a few words say too little.
const ENGLISH_STOPWORDS = new Set(
  (
    "the of and to a in is it that was for on are as with he she they be at by this have from or " +
    "had not but what all were when we there can an your which their has been would will one if " +
    "more no so who its than his her them these some could into only other also then two may " +
    "after most over did many before such where between through because while during under should " +
    "our us you i my me those both each any about against being very now"
  ).split(" "),
);
const MIN_WORDS_TO_JUDGE_LANGUAGE = 20;
const MIN_STOPWORD_RATIO = 0.15;

/**
 * Checks that `text` is something the generator can work on: not empty, at most
 * MAX_ARTICLE_CHARS, text rather than binary data, and English.
 *
 * @example validateArticleText("") // throws ArticleTextError { code: "empty" }
 * @throws ArticleTextError with a code and a message saying what to do.
 */
export function validateArticleText(text: string): void {
  if (text.trim() === "") {
    throw new ArticleTextError("empty", "The article is empty: paste or upload the article's text.");
  }
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new ArticleTextError(
      "too_long",
      `The article has ${text.length.toLocaleString("en-US")} characters; the limit is ${MAX_ARTICLE_CHARS.toLocaleString("en-US")}. ` +
        "Split it into parts and generate cards for each part.",
    );
  }

  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  if (text.includes("\u0000") || controls > Math.max(2, text.length * 0.01)) {
    throw new ArticleTextError(
      "not_text",
      "This does not look like text: it contains binary or control characters. Save the article as plain text or Markdown (.txt or .md) and try again.",
    );
  }
  const visible = text.replace(/\s+/g, "");
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  if (letters < visible.length * 0.5) {
    throw new ArticleTextError(
      "not_text",
      "This is mostly numbers and symbols, not prose. Paste the article's text itself (a table or data file cannot be turned into cards).",
    );
  }

  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length >= MIN_WORDS_TO_JUDGE_LANGUAGE) {
    const common = words.filter((word) => ENGLISH_STOPWORDS.has(word)).length;
    if (common / words.length < MIN_STOPWORD_RATIO) {
      throw new ArticleTextError(
        "not_english",
        "This does not look like English (too few common English words such as “the”, “and” and “of”). Cards can only be generated from English text.",
      );
    }
  }
}
