import { describe, expect, it } from "vitest";
import { draftParagraphs, splitParagraphs } from "@/lib/content/paragraphs";
import { buildReaderParagraphs } from "@/lib/content/passages";
import { generateDrafts } from "@/lib/generate";
import { readArticle, SEED } from "../generate/helpers";

/** The paragraphs the generator, the draft editor and the reader each make of one text. */
function paragraphTexts(text: string) {
  return {
    generator: generateDrafts(text).paragraphs.map((p) => p.text),
    editor: draftParagraphs(text).map((p) => p.text),
    reader: buildReaderParagraphs(text, []).map((p) => p.segments.map((s) => s.text).join("")),
  };
}

const seedArticle = readArticle(SEED);
const seedParagraphs = seedArticle.split(/\n\s*\n/).map((p) => p.trim());

describe("splitting an article into paragraphs", () => {
  it("separates paragraphs at blank lines and keeps single line breaks inside one", () => {
    const text = "A first paragraph that was\nwrapped by the author.\n\n  \nA second one.";
    expect(splitParagraphs(text).map((p) => p.text)).toEqual(["A first paragraph that was\nwrapped by the author.", "A second one."]);
  });

  it("makes each line a paragraph when a text without blank lines was pasted one paragraph per line", () => {
    const text = "The first paragraph ends here.\nThe second one too.\n“A quoted third.”";
    expect(splitParagraphs(text).map((p) => p.text)).toEqual(["The first paragraph ends here.", "The second one too.", "“A quoted third.”"]);
  });

  it("keeps hard-wrapped prose without blank lines as one paragraph", () => {
    const text = "Most lines of a hard-wrapped\nparagraph end in the middle\nof a sentence, like these.";
    expect(splitParagraphs(text).map((p) => p.text)).toEqual([text]);
  });

  it("numbers paragraphs from 0 and gives each its exact place in the text", () => {
    const text = "\nOne.\n\nTwo.\n";
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.index)).toEqual([0, 1]);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});

describe("the generator, the draft editor and the reader", () => {
  it("agree on an article with blank lines between paragraphs", () => {
    const texts = paragraphTexts(seedArticle);
    expect(texts.generator.length).toBeGreaterThan(3);
    expect(texts.editor).toEqual(texts.generator);
    expect(texts.reader).toEqual(texts.generator);
  });

  it("agree on the same article pasted one paragraph per line", () => {
    const onePerLine = seedParagraphs.filter((p) => !p.startsWith("#")).join("\n");
    const texts = paragraphTexts(onePerLine);
    expect(texts.generator).toEqual(onePerLine.split("\n"));
    expect(texts.editor).toEqual(texts.generator);
    expect(texts.reader).toEqual(texts.generator);
  });
});
