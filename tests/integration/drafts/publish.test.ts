import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { httpStatusOf } from "@/app/_lib/route";
import { answerOfRejection } from "../domain-errors";
import { listDecksForUser } from "@/lib/content/decks";
import { createDraft, loadDraft, saveDraft, type DraftView } from "@/lib/content/drafts";
import { publishDraft, type PublishProblems } from "@/lib/content/publish";
import { makeDeck, makeUser } from "../fixtures";
import { SCIENCE_ARTICLE } from "./articles";

const T0 = new Date("2026-05-04T09:00:00Z");
const T1 = new Date("2026-05-05T09:00:00Z");

type Teacher = Awaited<ReturnType<typeof makeUser>>;

async function newDraft(teacher: Teacher, title = "Penicillin") {
  const { id } = await createDraft(teacher, {
    title,
    outlet: "Science Weekly",
    sourceUrl: "https://example.org/penicillin",
    text: SCIENCE_ARTICLE,
  });
  return loadDraft(teacher, id);
}

/** Saves `change` to the draft as the editor would; returns the draft as stored. */
async function edit(teacher: Teacher, draft: DraftView, change: (d: DraftView) => void): Promise<DraftView> {
  const copy = structuredClone(draft);
  change(copy);
  await saveDraft(teacher, draft.id, {
    version: copy.version,
    title: copy.title,
    outlet: copy.outlet,
    sourceUrl: copy.sourceUrl,
    cards: copy.cards,
  });
  return loadDraft(teacher, draft.id);
}

/** The publish refusal's problems (`details.problems` of the InvalidError "cannot_publish"). */
async function publishError(promise: Promise<unknown>): Promise<PublishProblems & { message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: "InvalidError", code: "cannot_publish" });
  expect(httpStatusOf(error as DomainError)).toBe(422);
  return {
    message: (error as DomainError).message,
    problems: (error as DomainError<PublishProblems>).details!.problems,
  };
}

const counts = async () => ({
  decks: await db.deck.count(),
  articles: await db.article.count(),
  cards: await db.card.count(),
});

describe("publishing a draft", () => {
  it("makes a private deck the teacher owns, from the kept cards and the article they quote, listed on their home page", async () => {
    const teacher = await makeUser("teacher");
    let draft = await newDraft(teacher);
    const firstPrompt = "Which mould did Fleming identify in 1928?";
    draft = await edit(teacher, draft, (d) => {
      d.cards[0]!.card.prompt = firstPrompt;
      d.cards[1]!.discarded = true;
    });

    const result = await publishDraft(teacher, draft.id, { version: draft.version }, T0);
    expect(result).toMatchObject({ slug: "penicillin", version: draft.version + 1, firstPublish: true });

    const deck = await db.deck.findUniqueOrThrow({
      where: { id: result.deckId },
      include: { article: true, cards: { orderBy: { position: "asc" } } },
    });
    expect(deck).toMatchObject({ slug: "penicillin", title: "Penicillin", ownerId: teacher.id, isPublic: false });
    expect(deck.article).toMatchObject({
      title: "Penicillin",
      outlet: "Science Weekly",
      sourceUrl: "https://example.org/penicillin",
      body: draft.articleText,
    });
    const kept = draft.cards.filter((c) => !c.discarded);
    expect(deck.cards.map((c) => c.externalId)).toEqual(kept.map((c) => c.card.id));
    expect(deck.cards[0]!.prompt).toBe(firstPrompt);
    for (const card of deck.cards) expect(deck.article.body.slice(card.quoteStart, card.quoteEnd)).toBe(card.quote);

    expect((await listDecksForUser(teacher, T0)).map((d) => d.slug)).toContain("penicillin");
    expect((await listDecksForUser(await makeUser("student"), T0)).map((d) => d.slug)).not.toContain("penicillin");

    const after = await loadDraft(teacher, draft.id);
    expect(after.version).toBe(result.version);
    expect(after.published).toEqual({ slug: "penicillin", title: "Penicillin", at: T0 });
  });

  it("updates the same deck when published again: edits applied, a newly discarded card retired, schedules kept", async () => {
    const teacher = await makeUser("teacher");
    let draft = await newDraft(teacher, "Penicillin again");
    const first = await publishDraft(teacher, draft.id, { version: draft.version }, T0);
    const student = await makeUser("student");
    const studied = await db.card.findFirstOrThrow({
      where: { deckId: first.deckId, externalId: draft.cards[0]!.card.id },
    });
    await db.cardState.create({
      data: {
        userId: student.id,
        cardId: studied.id,
        deckId: first.deckId,
        due: T1,
        stability: 3,
        difficulty: 5,
        state: "review",
        reps: 2,
      },
    });

    draft = await loadDraft(teacher, draft.id);
    draft = await edit(teacher, draft, (d) => {
      d.title = "Penicillin, revised";
      d.cards[0]!.card.explanation = "Revised explanation.";
      d.cards[2]!.discarded = true;
    });
    const second = await publishDraft(teacher, draft.id, { version: draft.version }, T1);
    expect(second).toMatchObject({ deckId: first.deckId, slug: first.slug, firstPublish: false });

    const deck = await db.deck.findUniqueOrThrow({
      where: { id: first.deckId },
      include: { cards: true, article: true },
    });
    expect(deck.title).toBe("Penicillin, revised");
    expect(deck.article.title).toBe("Penicillin, revised");
    expect(deck.cards.find((c) => c.externalId === draft.cards[0]!.card.id)?.explanation).toBe("Revised explanation.");
    expect(deck.cards.find((c) => c.externalId === draft.cards[2]!.card.id)?.retiredAt).toEqual(T1);
    expect(await db.cardState.count({ where: { userId: student.id, cardId: studied.id } })).toBe(1);
    expect(await db.deck.count({ where: { ownerId: teacher.id } })).toBe(1);
  });

  it("gives each deck its own slug: a second deck with the same title, a title that would shadow /decks/new, a taken content slug", async () => {
    const teacher = await makeUser("teacher");
    const other = await makeUser("teacher");
    const a = await newDraft(teacher, "Same title");
    const b = await newDraft(other, "Same title");
    const c = await newDraft(teacher, "New");
    await makeDeck("russia-ukraine-nato-copy");
    const d = await newDraft(teacher, "Russia Ukraine NATO copy");
    expect((await publishDraft(teacher, a.id, { version: a.version }, T0)).slug).toBe("same-title");
    expect((await publishDraft(other, b.id, { version: b.version }, T0)).slug).toBe("same-title-2");
    expect((await publishDraft(teacher, c.id, { version: c.version }, T0)).slug).toBe("new-2");
    expect((await publishDraft(teacher, d.id, { version: d.version }, T0)).slug).toBe("russia-ukraine-nato-copy-2");
  });

  it("publishes a draft once when two publishes of it arrive together", async () => {
    const teacher = await makeUser("teacher");
    const draft = await newDraft(teacher, "Double click");
    const results = await Promise.allSettled(
      [0, 1].map(() => publishDraft(teacher, draft.id, { version: draft.version }, T0)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(httpStatusOf(rejected.reason as DomainError)).toBe(409);
    expect(await db.deck.count({ where: { ownerId: teacher.id } })).toBe(1);
  });

  it("answers 409 to a stale version, and 404 to another teacher, writing nothing", async () => {
    const teacher = await makeUser("teacher");
    const draft = await newDraft(teacher, "Stale");
    await edit(teacher, draft, (d) => (d.cards[0]!.card.prompt = "Newer"));
    const before = await counts();
    await expect(
      answerOfRejection(publishDraft(teacher, draft.id, { version: draft.version }, T0)),
    ).resolves.toMatchObject({ status: 409 });
    await expect(
      answerOfRejection(publishDraft(await makeUser("teacher"), draft.id, { version: draft.version + 1 }, T0)),
    ).resolves.toMatchObject({ status: 404 });
    await expect(
      answerOfRejection(publishDraft(await makeUser("student"), draft.id, { version: draft.version + 1 }, T0)),
    ).resolves.toMatchObject({ status: 403 });
    expect(await counts()).toEqual(before);
  });
});

describe("publishing checks every card first", () => {
  it("names the card whose answer is no longer among its options, and writes nothing", async () => {
    const teacher = await makeUser("teacher");
    let draft = await newDraft(teacher, "Checked");
    const index = draft.cards.findIndex((c) => c.card.type === "multiple_choice");
    expect(index).toBeGreaterThanOrEqual(0);
    const prompt = draft.cards[index]!.card.prompt;
    draft = await edit(teacher, draft, (d) => (d.cards[index]!.card.answer = "Marie Curie"));
    const before = await counts();

    const error = await publishError(publishDraft(teacher, draft.id, { version: draft.version }, T0));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ cardId: draft.cards[index]!.card.id });
    expect(error.message).toContain(`Multiple choice card “${prompt.slice(0, 20)}`);
    expect(error.message).toContain(
      `(paragraph ${draft.cards[index]!.paragraph + 1}): the answer "Marie Curie" is not among the options`,
    );

    expect(await counts()).toEqual(before);
    const after = await loadDraft(teacher, draft.id);
    expect(after.version).toBe(draft.version);
    expect(after.published).toBeNull();
  });

  it("lists every problem: an empty prompt, a cloze answer not in its quote, a false statement with no correction, a bad source URL", async () => {
    const teacher = await makeUser("teacher");
    let draft = await newDraft(teacher, "Many problems");
    const of = (type: string) => draft.cards.findIndex((c) => c.card.type === type);
    const [cloze, tf, mc] = [of("cloze"), of("true_false"), of("multiple_choice")];
    draft = await edit(teacher, draft, (d) => {
      d.sourceUrl = "example.org/penicillin";
      d.cards[mc]!.card.prompt = "  ";
      d.cards[cloze]!.card.answer = "streptomycin";
      d.cards[tf]!.card.answer = "False";
      d.cards[tf]!.card.correction = "";
    });
    const error = await publishError(publishDraft(teacher, draft.id, { version: draft.version }, T0));
    const messages = error.problems.map((p) => p.message);
    expect(error.problems.find((p) => p.field === "sourceUrl")?.message).toMatch(/full web address/);
    expect(messages).toContainEqual(
      expect.stringMatching(/^Multiple choice card with no prompt \(paragraph \d+\): the card needs a prompt\.$/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^Fill the blank card “.*”.*: the answer "streptomycin" does not appear in the quote\. Quote the sentence/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^True or false card “.*”.*: the statement is false but has no correction\./),
    );
    expect(await db.deck.count({ where: { ownerId: teacher.id } })).toBe(0);
  });

  it("refuses to republish over a deck whose stored settings the scheduler could not use, naming the setting", async () => {
    const teacher = await makeUser("teacher");
    const draft = await newDraft(teacher, "Stored settings");
    const { deckId, version } = await publishDraft(teacher, draft.id, { version: draft.version }, T0);
    await db.deck.update({
      where: { id: deckId },
      data: { learningSteps: Array.from({ length: 11 }, (_, i) => `${i + 1}m`) },
    });
    const error = await publishError(publishDraft(teacher, draft.id, { version }, T1));
    expect(error.problems).toEqual([
      {
        cardId: null,
        field: null,
        message: 'The deck\'s setting "learningSteps" cannot be used: Use at most 10 learning steps.',
      },
    ]);
  });

  it("refuses a draft whose every card is discarded", async () => {
    const teacher = await makeUser("teacher");
    let draft = await newDraft(teacher, "Nothing kept");
    draft = await edit(teacher, draft, (d) => d.cards.forEach((c) => (c.discarded = true)));
    const error = await publishError(publishDraft(teacher, draft.id, { version: draft.version }, T0));
    expect(error.problems).toEqual([
      { cardId: null, field: "cards", message: expect.stringMatching(/Every card is discarded/) },
    ]);
  });

  it("publishes a card the teacher added: a basic card quoting a sentence of the passage they chose", async () => {
    const teacher = await makeUser("teacher");
    let draft = await newDraft(teacher, "With an added card");
    const sentence = draft.paragraphs[4]!.sentences[0]!.text;
    draft = await edit(teacher, draft, (d) => {
      d.cards.forEach((c) => (c.discarded = true));
      d.cards.push({
        card: {
          id: "added-1",
          type: "basic",
          prompt: "What did Florey say the drug needed?",
          answer: "To be made in factories",
          options: [],
          explanation: "From paragraph 5.",
          quote: sentence,
        },
        paragraph: 4,
        origin: "added",
        discarded: false,
      });
    });
    const { deckId } = await publishDraft(teacher, draft.id, { version: draft.version }, T0);
    const cards = await db.card.findMany({ where: { deckId } });
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ externalId: "added-1", type: "basic", quote: sentence });
  });
});
