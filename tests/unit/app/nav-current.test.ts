import { describe, expect, it } from "vitest";
import { isCurrentSection } from "@/app/_components/nav-current";

describe("the header's current section", () => {
  it("marks Decks on the home page and on every deck, article and study page", () => {
    expect(isCurrentSection("/", "/")).toBe(true);
    expect(isCurrentSection("/decks/nato", "/")).toBe(true);
    expect(isCurrentSection("/decks/nato/article", "/")).toBe(true);
    expect(isCurrentSection("/study/nato", "/")).toBe(true);
    expect(isCurrentSection("/progress", "/")).toBe(false);
  });

  it("marks a section on its page and the pages under it, not on a page that only shares a prefix", () => {
    expect(isCurrentSection("/classes", "/classes")).toBe(true);
    expect(isCurrentSection("/classes/abc/assignments/x", "/classes")).toBe(true);
    expect(isCurrentSection("/classesx", "/classes")).toBe(false);
    expect(isCurrentSection("/drafts/1", "/drafts")).toBe(true);
    expect(isCurrentSection("/decks/new", "/drafts")).toBe(false);
  });
});
