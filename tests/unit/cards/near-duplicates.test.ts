import { describe, expect, it } from "vitest";
import {
  findNearDuplicates,
  normalizeForComparison,
  similarity,
  type DuplicateCandidate,
} from "@/lib/cards/near-duplicates";

const quote = "Russia annexed Crimea in 2014 after the Maidan protests in Kyiv.";
const card = (id: string, prompt: string, answer: string, q = quote): DuplicateCandidate => ({
  id,
  prompt,
  answer,
  quote: q,
});

describe("near duplicates in a draft", () => {
  it("normalizes case, punctuation and blanks before comparing", () => {
    expect(normalizeForComparison("In ____, Russia annexed “Crimea”!")).toBe("in russia annexed crimea");
    expect(similarity("abc", "abc")).toBe(1);
    expect(similarity("", "")).toBe(1);
    expect(similarity("abcd", "wxyz")).toBe(0);
  });

  it("pairs two cards on the same sentence with the same answer, both ways", () => {
    const found = findNearDuplicates([
      card("a", "Which peninsula did Russia annex in 2014?", "Crimea"),
      card("b", "Russia annexed ____ in 2014.", "crimea"),
      card("c", "In which city were the protests that came before the annexation?", "Kyiv"),
    ]);
    expect(found.get("a")).toEqual([{ of: "b", reason: "same_quote_and_answer" }]);
    expect(found.get("b")).toEqual([{ of: "a", reason: "same_quote_and_answer" }]);
    expect(found.has("c")).toBe(false);
  });

  it("pairs prompts that differ by a word or two, even on different sentences", () => {
    const found = findNearDuplicates([
      card("a", "Which country joined NATO in April 2023?", "Finland", "Finland joined NATO in April 2023."),
      card("b", "Which country joined NATO in March 2024?", "Sweden", "Sweden joined in March 2024."),
    ]);
    expect(found.get("a")).toEqual([{ of: "b", reason: "similar_prompt" }]);
  });

  it("pairs cards whose prompt and answer mostly share their words", () => {
    const found = findNearDuplicates([
      card(
        "a",
        "What did the Budapest Memorandum give Ukraine in return for its nuclear arsenal?",
        "security assurances",
        "s1",
      ),
      card(
        "b",
        "In return for giving up its nuclear arsenal, Ukraine received what under the Budapest Memorandum?",
        "assurances of security",
        "s2",
      ),
    ]);
    expect(found.get("a")).toEqual([{ of: "b", reason: "overlapping_words" }]);
  });

  it("leaves distinct questions, short prompts and empty prompts alone", () => {
    const found = findNearDuplicates([
      card("a", "Who signed the memorandum?", "Ukraine, Russia, the US and the UK", "s1"),
      card("b", "Why did Finland give up neutrality?", "Russia's invasion of Ukraine", "s2"),
      card("c", "", "Crimea"),
      card("d", "", "Crimea"),
      card("e", "Is it true?", "True", "s3"),
      card("f", "Is it so?", "False", "s4"),
    ]);
    expect([...found.keys()]).toEqual([]);
  });

  it("catches two questions that give each other's answer away", () => {
    const found = findNearDuplicates([
      card("a", "Which peninsula did Russia annex in 2014?", "Crimea", "s1"),
      card("b", "When did Russia annex Crimea?", "2014", "s2"),
    ]);
    expect(found.get("b")).toEqual([{ of: "a", reason: "overlapping_words" }]);
  });

  it("names every card a card nearly duplicates", () => {
    const found = findNearDuplicates([
      card("a", "Russia annexed ____ in 2014.", "Crimea"),
      card("b", "In 2014 Russia annexed ____.", "Crimea"),
      card("c", "Which region did Russia annex?", "Crimea"),
    ]);
    expect(found.get("a")?.map((d) => d.of)).toEqual(["b", "c"]);
    expect(found.get("c")?.map((d) => d.of)).toEqual(["a", "b"]);
  });
});
