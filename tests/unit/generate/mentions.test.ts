import { describe, expect, it } from "vitest";
import { extractMentions, type Mention } from "@/lib/generate/mentions";
import { splitParagraphs, splitSentences } from "@/lib/generate/segment";

function mentionsOf(
  sentence: string,
  surnames: Record<string, string> = {},
): Array<Pick<Mention, "kind" | "text"> & Partial<Mention>> {
  const [first] = splitSentences(sentence, splitParagraphs(sentence));
  if (!first) throw new Error("no sentence");
  return extractMentions(first, { keyTerms: new Set(), surnames: new Map(Object.entries(surnames)) });
}
const pick = (sentence: string, surnames?: Record<string, string>) =>
  mentionsOf(sentence, surnames).map(({ kind, text }) => `${kind}:${text}`);

describe("extractMentions", () => {
  it("leaves titles out of a person's name and keeps the place before them apart", () => {
    expect(pick("Already in 2007, Russian President Vladimir Putin warned that Russia would act.")).toEqual([
      "year:2007",
      "person:Vladimir Putin",
      "place:Russia",
    ]);
    expect(pick("Germany's Chancellor Angela Merkel met the press in Berlin on Friday.")).toEqual([
      "place:Germany",
      "person:Angela Merkel",
      "place:Berlin",
    ]);
  });

  it("takes an appositive role as a person and a company's description as not", () => {
    expect(pick("Cyrus Field, a paper merchant from New York, believed that it would work.")).toContain(
      "person:Cyrus Field",
    );
    expect(pick("DuPont, the largest producer of the gases, insisted that there was no harm.")).toContain(
      "organization:DuPont",
    );
  });

  it("reads names with possessives, treaties and crises as one thing", () => {
    expect(
      pick("Washington recognised the People’s Republic of China in 1979 and passed the Taiwan Relations Act."),
    ).toEqual(["place:Washington", "place:People’s Republic of China", "year:1979", "term:Taiwan Relations Act"]);
    expect(pick("China fired missiles during the Third Taiwan Strait Crisis in 1996.")).toEqual([
      "place:China",
      "term:Third Taiwan Strait Crisis",
      "year:1996",
    ]);
  });

  it("finds years in parentheses and full dates, and numbers with what they count", () => {
    const found = mentionsOf(
      "On 5 August 1858 the cable snapped after about 1,200 miles, as in the war with Georgia (2008).",
    );
    expect(found.find((m) => m.text === "1858")).toMatchObject({ kind: "year", date: "1858-08-05" });
    expect(found.find((m) => m.text === "1,200")).toMatchObject({ kind: "number", unit: "mile", value: 1200 });
    expect(found.find((m) => m.text === "2008")).toMatchObject({ kind: "year" });
  });

  it("ignores hyphenated compounds, half names and credit lines", () => {
    expect(pick("Other Asia-Pacific countries watched the Russia–Ukraine war closely.")).toEqual([]);
    expect(pick("The lane was opened by President Abdel Fattah el-Sisi last year.")).toEqual([]);
    expect(pick("The photograph was taken by KEVIN LAMARQUE for the agency.")).toEqual([]);
  });

  it("knows a surname once the article has named the person in full", () => {
    expect(pick("Whitehouse insisted that strong currents were needed.", { whitehouse: "Wildman Whitehouse" })).toEqual(
      ["person:Whitehouse"],
    );
    expect(pick("Whitehouse insisted that strong currents were needed.")).toEqual([]);
  });

  it("keeps demonyms and acronyms out of the people and organisations", () => {
    expect(pick("The Taiwanese territory was hit, and British investors paid.")).toEqual([]);
    expect(pick("Transcription factors bind to short stretches of DNA near the genes.")).toEqual(["term:DNA"]);
  });

  it("takes a term the sentence defines", () => {
    expect(pick("Genes are switched on by proteins called transcription factors, which bind to DNA.")).toContain(
      "term:transcription factors",
    );
  });
});
