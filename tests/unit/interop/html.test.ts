import { describe, expect, it } from "vitest";
import { hasScript, htmlToText } from "@/lib/interop/html";

describe("htmlToText", () => {
  it("drops tags, decodes entities, keeps line breaks and counts media", () => {
    expect(
      htmlToText(
        '<div>a &lt;b&gt; &amp; &#233;&#x20AC;</div><br><b>c</b>&nbsp;d<img src="x.png">[sound:y.mp3]<style>p{}</style>',
      ),
    ).toEqual({
      text: "a <b> & é€\nc d",
      media: 2,
    });
  });
});

describe("hasScript", () => {
  it("finds script tags, event handlers and javascript: links", () => {
    for (const html of [
      "<script>x()</script>",
      "<SCRIPT src=a.js>",
      '<img src=x onerror="x()">',
      "<div onclick=x()>",
      '<a href="javascript:x()">a</a>',
    ]) {
      expect(hasScript(html), html).toBe(true);
    }
  });
  it("leaves plain text that only looks like code alone", () => {
    for (const text of ["one = 1", "javascript: a language", "&lt;script&gt; is escaped", "<b>bonus=5</b>"]) {
      expect(hasScript(text), text).toBe(false);
    }
  });
});
