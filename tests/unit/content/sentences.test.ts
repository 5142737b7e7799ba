import { describe, expect, it } from "vitest";
import { splitParagraphSentences } from "@/lib/content/drafts";

describe("the sentences offered as a new card's quote", () => {
  it("splits at sentence ends and line breaks, not after abbreviations or initials, and slices the article verbatim", () => {
    const body = [
      "Heading line",
      "Mr. Smith met Dr. Jones in the U.S. on Monday. “It went well,” he said! Was it? J. R. Tolkien wrote (in 1937) The Hobbit.",
    ].join("\n");
    const sentences = splitParagraphSentences(body, { start: 0, end: body.length });
    expect(sentences.map((s) => s.text)).toEqual([
      "Heading line",
      "Mr. Smith met Dr. Jones in the U.S. on Monday.",
      "“It went well,” he said!",
      "Was it?",
      "J. R. Tolkien wrote (in 1937) The Hobbit.",
    ]);
    for (const s of sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
  });
});
