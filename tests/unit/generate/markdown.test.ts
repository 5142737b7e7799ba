import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticleMarkdown } from "@/lib/content/parse";
import { generateDrafts, stripFrontMatter } from "@/lib/generate";
import { stripInlineMarkdown } from "@/lib/generate/markdown";

const root = path.resolve(import.meta.dirname, "../../..");

describe("stripFrontMatter", () => {
  it("gives the seed article's text exactly as content:check reads its body, so quotes match", () => {
    const markdown = fs.readFileSync(path.join(root, "content/articles/russia-ukraine-nato.md"), "utf8");
    expect(stripFrontMatter(markdown)).toBe(parseArticleMarkdown("russia-ukraine-nato", markdown).body);
    expect(stripFrontMatter(markdown.replace(/\n/g, "\r\n"))).toBe(
      parseArticleMarkdown("russia-ukraine-nato", markdown).body,
    );
  });

  it("leaves plain text alone apart from line endings and outer blank lines", () => {
    expect(stripFrontMatter("\r\n\r\nOne line.\r\nTwo lines.\r\n\r\n")).toBe("One line.\nTwo lines.");
    expect(stripFrontMatter("--- not front matter")).toBe("--- not front matter");
  });
});

describe("stripInlineMarkdown", () => {
  it("removes emphasis, links and code ticks and maps every character back", () => {
    const raw = "The **Taiwan Relations Act** was [passed](https://example.org) by `Congress` in _1979_.";
    const { text, offsets } = stripInlineMarkdown(raw);
    expect(text).toBe("The Taiwan Relations Act was passed by Congress in 1979.");
    for (let i = 0; i < text.length; i++) expect(raw[offsets[i] ?? -1]).toBe(text[i]);
  });

  it("keeps underscores inside words", () => {
    expect(stripInlineMarkdown("see snake_case_names here").text).toBe("see snake_case_names here");
  });
});

const MARKDOWN_ARTICLE = `---
title: A test of Markdown
---

# The Suez Canal

The **Suez Canal** opened in *1869* after ten years of work led by the French diplomat [Ferdinand de Lesseps](https://example.org/lesseps).

> In 1875 the British prime minister Benjamin Disraeli bought Egypt's shares in the canal company for four million pounds.

- In 1956 Egypt's president Gamal Abdel Nasser nationalised the canal, and Britain, France and Israel invaded.
- The canal was closed from 1967 to 1975 after the Six-Day War, and fifteen ships were trapped in the Great Bitter Lake.

\`\`\`
In 2021 the Ever Given blocked the canal for six days.
\`\`\`

| year | event |
|------|-------|
| 2015 | expansion |

According to the historian Zachary Karabell, the canal changed trade between Europe and Asia more than any other project of its century.
In 2015 Egypt opened a second lane along part of the canal, which President Abdel Fattah el-Sisi called a gift to the world.
`;

describe("generating from Markdown", () => {
  const text = stripFrontMatter(MARKDOWN_ARTICLE);
  const result = generateDrafts(text);

  it("quotes the Markdown source verbatim but asks in plain text", () => {
    expect(result.cards.length).toBeGreaterThan(0);
    for (const card of result.cards) {
      expect(text.includes(card.quote), card.id).toBe(true);
      expect(card.prompt, card.id).not.toMatch(/\*\*|\]\(|`|^> |^- /);
    }
  });

  it("never quotes code, tables or headings", () => {
    for (const card of result.cards) expect(card.quote).not.toMatch(/Ever Given|\||# The Suez/);
    const reasons = new Set(result.skipped.map((skipped) => skipped.reason));
    expect(reasons).toContain("heading");
    expect(reasons).toContain("code, table or image");
  });

  it("reads list items and quoted blocks as sentences of their own", () => {
    const quotes = result.cards.map((card) => card.quote);
    expect(quotes.some((quote) => quote.startsWith("In 1956 Egypt"))).toBe(true);
    expect(quotes.every((quote) => !quote.startsWith("- ") && !quote.startsWith("> "))).toBe(true);
  });
});
