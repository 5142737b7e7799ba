import { describe, expect, it } from "vitest";
import { CardSchema, type CardInput } from "@/lib/content/schema";
import { generateDrafts, groupDraftsByParagraph, listEntities, type GenerationResult } from "@/lib/generate";
import { ARTICLES, containsWords, fold, readArticle, SEED, SCIENCE, HISTORY } from "./helpers";

const results = new Map<string, { text: string; result: GenerationResult }>();
function generated(file: string) {
  let entry = results.get(file);
  if (!entry) {
    const text = readArticle(file);
    entry = { text, result: generateDrafts(text) };
    results.set(file, entry);
  }
  return entry;
}

const ofType = <T extends CardInput["type"]>(cards: CardInput[], type: T) =>
  cards.filter((card): card is Extract<CardInput, { type: T }> => card.type === type);
const withoutThe = (option: string) => option.replace(/^the /i, "");

describe.each(ARTICLES)("cards generated from $name", ({ file }) => {
  it("are a useful number, of at least three types", () => {
    const { result } = generated(file);
    expect(result.cards.length).toBeGreaterThanOrEqual(15);
    expect(result.cards.length).toBeLessThanOrEqual(30);
    expect(Object.keys(result.stats.cardsByType).length).toBeGreaterThanOrEqual(3);
  });

  it("all pass CardSchema and have unique kebab-case ids", () => {
    const { result } = generated(file);
    for (const card of result.cards) expect(CardSchema.safeParse(card).success, card.id).toBe(true);
    const ids = result.cards.map((card) => card.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("quote their source verbatim, timeline events included", () => {
    const { text, result } = generated(file);
    for (const card of result.cards) {
      expect(text.includes(card.quote), card.id).toBe(true);
      if (card.type === "timeline")
        for (const event of card.events) expect(text.includes(event.quote), event.label).toBe(true);
    }
  });

  it("are cloze cards with exactly one blank and the answer inside the quote", () => {
    const { result } = generated(file);
    const clozes = ofType(result.cards, "cloze");
    expect(clozes.length).toBeGreaterThan(0);
    for (const card of clozes) {
      expect(card.prompt.match(/_{2,}/g), card.id).toEqual(["____"]);
      expect(fold(card.quote).includes(fold(card.answer)), card.id).toBe(true);
      // The blank is the answer: putting it back gives the sentence again (where the sentence opened on
      // a reference, "The canal…", the name is carried in: "The Suez Canal…"; the rest is the sentence).
      const filled = fold(card.prompt.replace("____", card.answer));
      const tail = filled.split(" ").slice(3).join(" ");
      expect(fold(card.quote).includes(filled) || fold(card.quote).includes(tail), card.id).toBe(true);
    }
  });

  it("offer multiple-choice options that are distinct, hold the answer once, and do not appear in the sentence", () => {
    const { result } = generated(file);
    const choices = [
      ...ofType(result.cards, "multiple_choice"),
      ...ofType(result.cards, "viewpoint").filter((card) => card.options),
    ];
    expect(choices.length).toBeGreaterThan(0);
    for (const card of choices) {
      const options = card.options ?? [];
      expect(options.length, card.id).toBeGreaterThanOrEqual(4);
      expect(new Set(options.map(fold)).size, card.id).toBe(options.length);
      expect(
        options.filter((option) => option === card.answer),
        card.id,
      ).toHaveLength(1);
      // A distractor the sentence itself names could be just as true.
      for (const option of options.filter((o) => o !== card.answer)) {
        expect(containsWords(card.quote, withoutThe(option)), `${card.id}: ${option}`).toBe(false);
      }
    }
  });

  it("offer multiple-choice options all of the answer's kind", () => {
    const { text, result } = generated(file);
    const kinds = new Map(listEntities(text).map((entity) => [fold(entity.name), entity.kind]));
    const kindOf = (option: string) =>
      /^\d{4}$/.test(option) ? "year" : (kinds.get(fold(withoutThe(option))) ?? lastNameKind(option));
    const lastNameKind = (option: string) => {
      const person = [...kinds].find(([name, kind]) => kind === "person" && name.endsWith(` ${fold(option)}`));
      return person ? "person" : undefined;
    };
    for (const card of ofType(result.cards, "multiple_choice")) {
      const answerKind = kindOf(card.answer);
      expect(answerKind, card.id).toBeDefined();
      for (const option of card.options) expect(kindOf(option), `${card.id}: ${option}`).toBe(answerKind);
    }
  });

  it("make false statements with a correction and true ones without", () => {
    const { result } = generated(file);
    const statements = ofType(result.cards, "true_false");
    for (const card of statements) {
      if (card.answer === "False") {
        expect(card.correction, card.id).toBeDefined();
        expect(fold(card.prompt)).not.toBe(fold(card.correction ?? ""));
      } else {
        expect(card.correction, card.id).toBeUndefined();
      }
    }
  });

  it("put timeline events in chronological order with their years in their quotes", () => {
    const { result } = generated(file);
    const timelines = ofType(result.cards, "timeline");
    expect(timelines.length).toBeGreaterThanOrEqual(1);
    for (const card of timelines) {
      expect(card.events.length).toBeGreaterThanOrEqual(3);
      const years = card.events.map((event) => Number(event.date.slice(0, 4)));
      expect([...years].sort((a, b) => a - b)).toEqual(years);
      expect(new Set(years).size).toBe(years.length);
      for (const event of card.events) expect(event.quote.includes(event.date.slice(0, 4)), event.label).toBe(true);
      expect(card.answer).toBe(card.events.map((event) => event.label).join(" → "));
      expect([...(card.options ?? [])].sort()).toEqual(card.events.map((event) => event.label).sort());
    }
  });

  it("place each draft in the paragraph its quote comes from", () => {
    const { text, result } = generated(file);
    const groups = groupDraftsByParagraph(result);
    expect(groups.map((group) => group.paragraph.index)).toEqual(result.paragraphs.map((paragraph) => paragraph.index));
    expect(groups.flatMap((group) => group.drafts)).toHaveLength(result.drafts.length);
    for (const { paragraph, drafts } of groups) {
      expect(text.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
      for (const draft of drafts) expect(paragraph.text.includes(draft.card.quote), draft.card.id).toBe(true);
    }
  });

  it("account for every sentence as used or skipped with a reason", () => {
    const { result } = generated(file);
    expect(result.stats.used + result.stats.skipped).toBe(result.stats.sentences);
    for (const skipped of result.skipped) expect(skipped.reason.length).toBeGreaterThan(0);
  });

  it("are the same every time", () => {
    const { text, result } = generated(file);
    expect(generateDrafts(text)).toEqual(result);
  });
});

describe("cards generated from the seed article", () => {
  it("include at least four card types", () => {
    const { result } = generated(SEED);
    expect(Object.keys(result.stats.cardsByType).length).toBeGreaterThanOrEqual(4);
    for (const type of ["cloze", "multiple_choice", "true_false", "viewpoint", "timeline"] as const) {
      expect(result.stats.cardsByType[type] ?? 0, type).toBeGreaterThan(0);
    }
  });

  it("never turn the photo caption about Trump and Merkel in Watford into a question", () => {
    const { result } = generated(SEED);
    for (const card of result.cards) {
      const quotes = card.type === "timeline" ? [card.quote, ...card.events.map((event) => event.quote)] : [card.quote];
      for (const quote of quotes) expect(quote).not.toMatch(/Watford|Merkel|credit:/);
      expect(card.prompt).not.toMatch(/Watford|bilateral meeting/);
    }
    const captions = result.skipped.filter((skipped) => /Watford|credit:/.test(skipped.sentence));
    expect(captions.length).toBeGreaterThanOrEqual(2);
    for (const caption of captions) expect(caption.reason).toBe("photo caption");
    expect(result.skipped).toContainEqual(
      expect.objectContaining({ sentence: "Potential agreement to end the war", reason: "heading" }),
    );
  });

  it("ask what Putin warned and what Russia’s perspective is", () => {
    const viewpoints = ofType(generated(SEED).result.cards, "viewpoint");
    const putin = viewpoints.find((card) => card.party === "Vladimir Putin");
    expect(putin?.prompt).toMatch(/what did Russian President Vladimir Putin warn\?$/);
    expect(putin?.answer).toMatch(/^Russia would not stand idly by if Georgia and Ukraine were added to NATO/);
    const russia = viewpoints.find((card) => card.party === "Russia");
    expect(russia?.prompt).toBe("From Russia’s perspective, what is Ukraine’s integration into NATO?");
  });

  it("date the military operation against Georgia, Crimea and the invasion of Ukraine on its timeline", () => {
    const [timeline] = ofType(generated(SEED).result.cards, "timeline");
    const events = timeline?.events.map((event) => [event.date, event.label]) ?? [];
    expect(events).toEqual(
      expect.arrayContaining([
        ["2008", "Military operation against Georgia"],
        ["2022", "Invasion of Ukraine"],
      ]),
    );
    expect(events.find(([date]) => date === "2014")?.[1]).toMatch(/Crimea/);
  });

  it("offer only years for a year and only places for a place (years from all three articles)", () => {
    const choices = ofType(generated(SEED).result.cards, "multiple_choice");
    const everyChoice = [SEED, SCIENCE, HISTORY].flatMap((file) =>
      ofType(generated(file).result.cards, "multiple_choice"),
    );
    const years = everyChoice.filter((card) => /^\d{4}$/.test(card.answer));
    expect(years.length).toBeGreaterThan(0);
    for (const card of years)
      expect(
        card.options.every((option) => /^\d{4}$/.test(option)),
        card.id,
      ).toBe(true);
    const places = new Set([
      "russia",
      "ukraine",
      "georgia",
      "crimea",
      "germany",
      "france",
      "britain",
      "finland",
      "china",
      "people's republic of china",
      "taiwan",
      "japan",
      "us",
      "the us",
      "philippines",
      "the philippines",
    ]);
    for (const card of choices.filter((c) => places.has(fold(c.answer)))) {
      for (const option of card.options) expect(places.has(fold(option)), `${card.id}: ${option}`).toBe(true);
    }
  });

  it("do not offer a country listed with the answer as a distractor", () => {
    // "including Germany, France, and Britain": blanking one, the other two are also right.
    for (const card of ofType(generated(SEED).result.cards, "multiple_choice")) {
      if (["Germany", "France", "Britain"].includes(card.answer)) {
        expect(card.options.filter((option) => ["Germany", "France", "Britain"].includes(option))).toEqual([
          card.answer,
        ]);
      }
    }
  });
});

describe("cards generated from the science article", () => {
  it("offer people for a person and know Molina from Mario Molina", () => {
    const { result } = generated(SCIENCE);
    const people = new Set([
      "mario molina",
      "sherwood rowland",
      "joseph farman",
      "brian gardiner",
      "jonathan shanklin",
      "susan solomon",
      "kofi annan",
      "paul crutzen",
    ]);
    const surnames = new Set([...people].map((name) => name.split(" ")[1]));
    const personCards = ofType(result.cards, "multiple_choice").filter(
      (card) => people.has(fold(card.answer)) || surnames.has(fold(card.answer)),
    );
    expect(personCards.length).toBeGreaterThan(0);
    for (const card of personCards) {
      for (const option of card.options)
        expect(people.has(fold(option)) || surnames.has(fold(option)), `${card.id}: ${option}`).toBe(true);
    }
    const entities = listEntities(readArticle(SCIENCE));
    expect(entities).toContainEqual(expect.objectContaining({ name: "Mario Molina", kind: "person", mentions: 2 }));
  });

  it("skip the image, its caption, the heading and the rhetorical question", () => {
    const { result } = generated(SCIENCE);
    const reasons = result.skipped.map((skipped) => skipped.reason);
    expect(reasons).toContain("code, table or image");
    expect(reasons).toContain("photo caption");
    expect(reasons).toContain("heading");
    expect(reasons).toContain("question, not a statement");
    for (const card of result.cards) expect(card.quote).not.toMatch(/Dobson spectrophotometer|Why did/);
  });

  it("ask what DuPont insisted and who holds the committee's view", () => {
    const viewpoints = ofType(generated(SCIENCE).result.cards, "viewpoint");
    expect(viewpoints.map((card) => card.party)).toEqual(expect.arrayContaining(["DuPont", "Joseph Farman"]));
  });
});

describe("cards generated from the history article", () => {
  it("date the 1858 landing to the day on the timeline", () => {
    const [timeline] = ofType(generated(HISTORY).result.cards, "timeline");
    expect(timeline?.events.map((event) => event.date)).toEqual(
      expect.arrayContaining(["1857-08", "1858-08-05", "1866"]),
    );
  });

  it("ask what Whitehouse and Thomson argued, naming them in full", () => {
    const parties = ofType(generated(HISTORY).result.cards, "viewpoint").map((card) => card.party);
    expect(parties).toEqual(expect.arrayContaining(["Wildman Whitehouse", "William Thomson"]));
  });

  it("swap numbers only for numbers of the same thing", () => {
    for (const card of ofType(generated(HISTORY).result.cards, "true_false")) {
      if (card.answer === "False" && /miles/.test(card.prompt)) {
        expect(card.prompt).toMatch(/\d[\d,]* miles/);
      }
    }
  });
});

describe("generateDrafts options", () => {
  it("keeps at most maxCards cards, the best ranked first", () => {
    const text = readArticle(SEED);
    const all = generateDrafts(text).drafts;
    const few = generateDrafts(text, { maxCards: 5 }).drafts;
    expect(few.length).toBeLessThanOrEqual(5);
    expect(few.length).toBeGreaterThan(0);
    const scores = all.map((draft) => draft.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("drops a sentence that repeats an earlier one", () => {
    const sentence = "In 1969 Neil Armstrong and Buzz Aldrin landed on the Moon with the Apollo 11 mission of NASA.";
    const text = [
      sentence,
      "The Soviet Union had launched Sputnik in 1957, and Yuri Gagarin orbited the Earth in 1961 for the Soviet space programme.",
      sentence.replace("landed", "touched down"),
    ].join("\n\n");
    const result = generateDrafts(text);
    expect(result.skipped).toContainEqual(
      expect.objectContaining({ reason: "near-duplicate of an earlier sentence", paragraph: 2 }),
    );
  });
});
