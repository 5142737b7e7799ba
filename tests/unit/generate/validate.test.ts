import { describe, expect, it } from "vitest";
import { ArticleTextError, generateDrafts, MAX_ARTICLE_CHARS, validateArticleText } from "@/lib/generate";
import { readArticle, SEED } from "./helpers";

function errorOf(run: () => unknown): ArticleTextError {
  try {
    run();
  } catch (error) {
    if (error instanceof ArticleTextError) return error;
    throw error;
  }
  throw new Error("expected an ArticleTextError");
}

const ENGLISH =
  "The committee met in London in 1851 and agreed that the new bridge should be finished before the winter. ";

describe("validateArticleText", () => {
  it("accepts the seed article", () => {
    expect(() => validateArticleText(readArticle(SEED))).not.toThrow();
  });

  it("rejects empty or blank text with the code empty", () => {
    for (const text of ["", "   \n\n\t "]) {
      const error = errorOf(() => validateArticleText(text));
      expect(error.code).toBe("empty");
      expect(error.message).toMatch(/empty/);
    }
  });

  it("rejects text over the documented limit and says what the limit is", () => {
    const text = ENGLISH.repeat(Math.ceil((MAX_ARTICLE_CHARS + 1) / ENGLISH.length));
    const error = errorOf(() => validateArticleText(text));
    expect(error.code).toBe("too_long");
    expect(error.message).toContain("100,000");
    expect(error.message).toMatch(/split/i);
  });

  it("accepts text exactly at the limit", () => {
    const text = ENGLISH.repeat(Math.ceil(MAX_ARTICLE_CHARS / ENGLISH.length)).slice(0, MAX_ARTICLE_CHARS);
    expect(() => validateArticleText(text)).not.toThrow();
  });

  it("rejects binary data and control characters as not text", () => {
    const binary = String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 37) % 256));
    expect(errorOf(() => validateArticleText(binary)).code).toBe("not_text");
    expect(errorOf(() => validateArticleText(`${ENGLISH}\u0000${ENGLISH}`)).code).toBe("not_text");
    expect(errorOf(() => validateArticleText(`${ENGLISH}\u0001\u0002\u0003\u0004`.repeat(2))).code).toBe("not_text");
  });

  it("rejects text that is mostly numbers and symbols as not text", () => {
    const table = "1,234; 5,678; 9,012 | 3.14 + 2.71 = 5.85 | 42 % 7 -- 2019-12-04\n".repeat(20);
    const error = errorOf(() => validateArticleText(table));
    expect(error.code).toBe("not_text");
    expect(error.message).toMatch(/numbers and symbols/);
  });

  it("rejects a text in another language as not English", () => {
    const french =
      "Les négociations menées ces dernières semaines entre les dirigeants de la Russie et de l'Ukraine ont atteint un point critique. " +
      "Selon plusieurs diplomates européens, un accord pourrait mettre fin à la guerre avant la fin de l'année prochaine.";
    const error = errorOf(() => validateArticleText(french));
    expect(error.code).toBe("not_english");
    expect(error.message).toMatch(/English/);
  });

  it("does not judge the language of a very short text", () => {
    expect(() => validateArticleText("Guten Tag.")).not.toThrow();
  });

  it("is what generateDrafts throws on bad input", () => {
    expect(errorOf(() => generateDrafts("")).code).toBe("empty");
    expect(errorOf(() => generateDrafts("\u0000\u0001binary")).code).toBe("not_text");
    expect(errorOf(() => generateDrafts("x".repeat(MAX_ARTICLE_CHARS + 1))).code).toBe("too_long");
  });

  it("is an Error with a name and a code", () => {
    const error = errorOf(() => validateArticleText(""));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ArticleTextError");
  });
});
