import { describe, expect, it } from "vitest";
import { buildPassages, buildReaderParagraphs } from "@/lib/content/passages";

const body = "First sentence. Second sentence.\n\nThird one here.\nA caption line.";
const span = (id: string, text: string) => {
  const quoteStart = body.indexOf(text);
  return { id, quoteStart, quoteEnd: quoteStart + text.length };
};

describe("reader passages", () => {
  it("merge overlapping quotes into one passage listing every card", () => {
    const passages = buildPassages([span("b", "Second sentence."), span("a", "First sentence. Second"), span("c", "Third one")]);
    expect(passages).toEqual([
      { number: 1, start: 0, end: body.indexOf("\n"), cardIds: ["a", "b"] },
      { number: 2, start: body.indexOf("Third"), end: body.indexOf("Third") + 9, cardIds: ["c"] },
    ]);
  });

  it("split the article into paragraphs whose segments rebuild the text exactly", () => {
    const passages = buildPassages([span("x", "Second sentence."), span("y", "A caption line.")]);
    const paragraphs = buildReaderParagraphs(body, passages);
    expect(paragraphs.map((p) => p.segments.map((s) => s.text).join(""))).toEqual(["First sentence. Second sentence.", "Third one here.\nA caption line."]);
    expect(paragraphs[0]!.segments).toEqual([
      { text: "First sentence. ", passage: null },
      { text: "Second sentence.", passage: 1 },
    ]);
    expect(paragraphs[1]!.segments.at(-1)).toEqual({ text: "A caption line.", passage: 2 });
  });

  it("cut a passage that crosses a paragraph break into one segment per paragraph", () => {
    const passages = buildPassages([span("z", "sentence.\n\nThird")]);
    const paragraphs = buildReaderParagraphs(body, passages);
    expect(paragraphs[0]!.segments.at(-1)).toEqual({ text: "sentence.", passage: 1 });
    expect(paragraphs[1]!.segments[0]).toEqual({ text: "Third", passage: 1 });
  });
});
