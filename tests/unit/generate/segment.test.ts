import { describe, expect, it } from "vitest";
import { splitParagraphs, splitSentences } from "@/lib/generate/segment";

/** Each sentence's clean text with its skip reason (or "ok"). */
function reasons(text: string): string[] {
  return splitSentences(text, splitParagraphs(text)).map((sentence) => `${sentence.skip ?? "ok"}: ${sentence.text}`);
}

const PROSE = "Finland joined the alliance on April 4, 2023, after decades of neutrality.";
const MORE = "Sweden applied at the same time and waited for Turkey and Hungary to ratify.";

describe("Markdown blocks, read from the CommonMark tree", () => {
  it("keep a fence that holds a shorter fence of the other kind as code to its end", () => {
    const text = `${PROSE}\n\n~~~\n\`\`\`\n# not a heading\nThe alliance admitted Sweden in March 2024 after a long delay.\n\`\`\`\n~~~\n\n${MORE}`;
    expect(reasons(text)).toEqual([
      `ok: ${PROSE}`,
      expect.stringMatching(/^code, table or image: ``` # not a heading The alliance .* ```$/),
      `ok: ${MORE}`,
    ]);
  });

  it("read a setext heading as a heading and its underline as part of it", () => {
    expect(reasons(`The road to membership\n======================\n\n${PROSE}`)).toEqual([
      "heading: The road to membership",
      `ok: ${PROSE}`,
    ]);
  });

  it("do not take a list item for a heading when a thematic break follows it", () => {
    // "---" under a list item is a rule, not a setext underline: the item is a statement.
    expect(reasons(`- ${PROSE}\n---`)).toEqual([`ok: ${PROSE}`, "code, table or image: "]);
  });

  it("keep a list item wrapped over two lines as one sentence", () => {
    const text =
      `${PROSE}\n\n` +
      "- The alliance admitted Finland on April 4, 2023,\n  after decades of neutrality.\n- Sweden followed in March 2024 after Turkey lifted its veto.";
    expect(reasons(text)).toEqual([
      `ok: ${PROSE}`,
      "ok: The alliance admitted Finland on April 4, 2023, after decades of neutrality.",
      "ok: Sweden followed in March 2024 after Turkey lifted its veto.",
    ]);
  });

  it("read an indented paragraph as prose, the way a word processor pastes it", () => {
    expect(reasons(`${PROSE}\n\n    ${MORE}`)).toEqual([`ok: ${PROSE}`, `ok: ${MORE}`]);
  });

  it("skip an image given by reference and take the line under it for its caption", () => {
    const text = `![Map of the alliance][map]\nThe alliance's members in 2024, shown in blue on the map.\n\n${PROSE}\n\n[map]: https://example.org/map.png`;
    expect(reasons(text)).toEqual([
      expect.stringMatching(/^code, table or image: /),
      "photo caption: The alliance's members in 2024, shown in blue on the map.",
      `ok: ${PROSE}`,
      expect.stringMatching(/^code, table or image: /),
    ]);
  });

  it("skip a GFM table, with or without outer pipes, as a whole", () => {
    const table =
      "Country | Joined\n--- | ---\nFinland | April 4, 2023, after decades of neutrality\nSweden | March 7, 2024";
    expect(reasons(`${PROSE}\n\n${table}\n\n${MORE}`)).toEqual([
      `ok: ${PROSE}`,
      expect.stringMatching(/^code, table or image: Country \| Joined/),
      `ok: ${MORE}`,
    ]);
  });
});
