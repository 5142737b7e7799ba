import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { httpStatusOf } from "@/app/_lib/route";
import { MAX_ARTICLE_CHARS } from "@/lib/generate";
import {
  MAX_UPLOAD_BYTES,
  createDraft,
  deleteDraft,
  listDrafts,
  loadDraft,
  saveDraft,
  type DraftFieldErrors,
  type DraftView,
  type NewDraftInput,
} from "@/lib/content/drafts";
import { makeUser } from "../fixtures";
import { expectDomainError } from "../domain-errors";
import { SCIENCE_ARTICLE, SEED_ARTICLE_MD } from "./articles";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Expects createDraft to refuse the input on `field`, with nothing written. */
async function expectRefused(input: NewDraftInput, field: string, message: RegExp) {
  const teacher = await makeUser("teacher");
  const [drafts, decks, articles] = await Promise.all([db.deckDraft.count(), db.deck.count(), db.article.count()]);
  const error = await expectDomainError(createDraft(teacher, input), 422);
  expect(error).toMatchObject({ code: "invalid_draft" });
  expect(
    (error as DomainError<{ fieldErrors: DraftFieldErrors }>).details?.fieldErrors[
      field as keyof DraftFieldErrors
    ]?.join(" "),
  ).toMatch(message);
  expect(await db.deckDraft.count()).toBe(drafts);
  expect(await db.deck.count()).toBe(decks);
  expect(await db.article.count()).toBe(articles);
}

/** The editor's autosave body for a draft as loaded, after `change`. */
function saveBody(draft: DraftView, change: (d: DraftView) => void = () => {}) {
  const copy = structuredClone(draft);
  change(copy);
  return {
    version: copy.version,
    title: copy.title,
    outlet: copy.outlet,
    sourceUrl: copy.sourceUrl,
    cards: copy.cards,
  };
}

describe("creating a draft from an article", () => {
  it("generates draft cards from pasted text, each under the paragraph its quote comes from", async () => {
    const teacher = await makeUser("teacher");
    const { id, cards } = await createDraft(teacher, {
      title: "  Penicillin  ",
      outlet: "Science Weekly",
      sourceUrl: "https://example.org/penicillin",
      text: SCIENCE_ARTICLE,
    });
    expect(cards).toBeGreaterThanOrEqual(5);
    const draft = await loadDraft(teacher, id);
    expect(draft).toMatchObject({
      title: "Penicillin",
      outlet: "Science Weekly",
      sourceUrl: "https://example.org/penicillin",
      version: 0,
      published: null,
    });
    expect(draft.articleText).toBe(SCIENCE_ARTICLE.trim());
    expect(draft.cards).toHaveLength(cards);
    expect(new Set(draft.cards.map((c) => c.card.type)).size).toBeGreaterThanOrEqual(3);
    for (const entry of draft.cards) {
      expect(entry).toMatchObject({ origin: "generated", discarded: false });
      expect(draft.paragraphs[entry.paragraph]!.text).toContain(entry.card.quote);
    }
    // Every sentence offered for a new card's quote is a verbatim slice of the article.
    for (const paragraph of draft.paragraphs) {
      for (const sentence of paragraph.sentences)
        expect(draft.articleText.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
    expect(draft.paragraphs[1]!.sentences.map((s) => s.text)).toEqual([
      "In September 1928, Alexander Fleming returned to his laboratory at St Mary's Hospital in London after a holiday in Suffolk.",
      "He noticed that a mould had contaminated one of his dishes of Staphylococcus bacteria, and that the bacteria around the mould had died.",
    ]);
  });

  it("reads an uploaded Markdown file without its front matter, the way content/articles are read", async () => {
    const teacher = await makeUser("teacher");
    const { id } = await createDraft(teacher, {
      title: "NATO and Ukraine",
      file: { name: "russia-ukraine-nato.md", bytes: utf8(SEED_ARTICLE_MD.replace(/\n/g, "\r\n")) },
    });
    const draft = await loadDraft(teacher, id);
    expect(draft.articleText.startsWith("The negotiations conducted in recent weeks")).toBe(true);
    expect(draft.articleText).not.toContain("\r");
    expect(new Set(draft.cards.map((c) => c.card.type)).size).toBeGreaterThanOrEqual(4);
  });

  it("accepts an empty file input next to pasted text (a browser sends one when nothing is picked)", async () => {
    const teacher = await makeUser("teacher");
    const { cards } = await createDraft(teacher, {
      title: "Penicillin",
      text: SCIENCE_ARTICLE,
      file: { name: "", bytes: new Uint8Array() },
    });
    expect(cards).toBeGreaterThan(0);
  });

  it("refuses an empty article, and writes nothing", async () => {
    await expectRefused({ title: "Empty", text: "   \n\n  " }, "text", /article is empty/);
    await expectRefused(
      { title: "Empty", file: { name: "empty.md", bytes: utf8("---\ntitle: x\n---\n") } },
      "file",
      /empty\.md.* is empty/,
    );
  });

  it("refuses an article over the documented limit, and writes nothing", async () => {
    const long = `${"The committee met in Geneva and agreed on the new rules for the treaty. ".repeat(Math.ceil(MAX_ARTICLE_CHARS / 70))}`;
    expect(long.length).toBeGreaterThan(MAX_ARTICLE_CHARS);
    await expectRefused(
      { title: "Too long", text: long },
      "text",
      new RegExp(`limit is ${MAX_ARTICLE_CHARS.toLocaleString("en-US")}`),
    );
    await expectRefused({ title: "Too long", file: { name: "long.txt", bytes: utf8(long) } }, "file", /limit is/);
    await expectRefused(
      { title: "Too big", file: { name: "big.txt", bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(97) } },
      "file",
      /limited to 100,000 characters/,
    );
  });

  it("refuses a binary upload and a file of another kind, and writes nothing", async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00,
    ]);
    await expectRefused(
      { title: "Picture", file: { name: "article.md", bytes: png } },
      "file",
      /not plain text in UTF-8/,
    );
    await expectRefused(
      {
        title: "Nulls",
        file: { name: "article.txt", bytes: utf8(`Text\u0000with\u0000nulls ${"and more words ".repeat(10)}`) },
      },
      "file",
      /does not look like text/,
    );
    await expectRefused(
      { title: "PDF", file: { name: "article.pdf", bytes: utf8("%PDF-1.7") } },
      "file",
      /not a Markdown or text file/,
    );
  });

  it("refuses an article that is not English, and writes nothing", async () => {
    const german =
      "Die Verhandlungen der letzten Wochen zwischen den Führern Russlands und der Ukraine haben einen kritischen Punkt erreicht. " +
      "Im Kern des Konflikts steht die Frage der Osterweiterung der NATO und einer möglichen Mitgliedschaft der Ukraine im Bündnis, " +
      "die Russland seit Jahren als Bedrohung seiner Sicherheit betrachtet.";
    await expectRefused({ title: "Deutsch", text: german }, "text", /does not look like English/);
  });

  it("refuses a missing title or a source that is not a web address, and writes nothing", async () => {
    await expectRefused({ title: "  ", text: SCIENCE_ARTICLE }, "title", /Give the deck a title/);
    await expectRefused(
      { title: "Penicillin", sourceUrl: "javascript:alert(1)", text: SCIENCE_ARTICLE },
      "sourceUrl",
      /full web address/,
    );
    await expectRefused(
      { title: "Penicillin", text: SCIENCE_ARTICLE, file: { name: "a.md", bytes: utf8(SCIENCE_ARTICLE) } },
      "text",
      /not both/,
    );
  });

  it("is for teachers only: a student gets 403 and nothing is written", async () => {
    const student = await makeUser("student");
    const before = await db.deckDraft.count();
    await expectDomainError(createDraft(student, { title: "Mine", text: SCIENCE_ARTICLE }), 403, /Only teachers/);
    expect(await db.deckDraft.count()).toBe(before);
  });
});

describe("reading drafts", () => {
  it("shows a draft to its owner only: another teacher gets 404, a student 403", async () => {
    const owner = await makeUser("teacher");
    const { id } = await createDraft(owner, { title: "Penicillin", text: SCIENCE_ARTICLE });
    await expectDomainError(loadDraft(await makeUser("teacher"), id), 404, /no such draft/);
    await expectDomainError(loadDraft(await makeUser("student"), id), 403);
    await expectDomainError(loadDraft(owner, "not-a-uuid"), 404);
    expect((await listDrafts(owner)).map((d) => d.id)).toEqual([id]);
    expect(await listDrafts(await makeUser("teacher"))).toEqual([]);
  });
});

describe("saving a draft as it changes", () => {
  it("keeps every edit: loading the draft again shows it, and the version moves on", async () => {
    const teacher = await makeUser("teacher");
    const { id } = await createDraft(teacher, { title: "Penicillin", text: SCIENCE_ARTICLE });
    const draft = await loadDraft(teacher, id);
    const added = {
      card: {
        id: "added-1",
        type: "basic" as const,
        prompt: "",
        answer: "",
        options: [],
        explanation: "",
        quote: draft.paragraphs[3]!.sentences[1]!.text,
      },
      paragraph: 3,
      origin: "added" as const,
      discarded: false,
    };
    const saved = await saveDraft(
      teacher,
      id,
      saveBody(draft, (d) => {
        d.title = "Penicillin, 1928–1945";
        d.cards[0]!.card.prompt = "Edited by the teacher: who shared the 1945 Nobel Prize?";
        d.cards[1]!.discarded = true;
        d.cards.push(added);
      }),
    );
    expect(saved).toEqual({ version: 1 });

    const reloaded = await loadDraft(teacher, id);
    expect(reloaded.version).toBe(1);
    expect(reloaded.title).toBe("Penicillin, 1928–1945");
    expect(reloaded.cards[0]!.card.prompt).toBe("Edited by the teacher: who shared the 1945 Nobel Prize?");
    expect(reloaded.cards[1]!.discarded).toBe(true);
    expect(reloaded.cards.at(-1)).toEqual(added);
  });

  it("answers 409 to a stale tab and keeps the newer edit", async () => {
    const teacher = await makeUser("teacher");
    const { id } = await createDraft(teacher, { title: "Penicillin", text: SCIENCE_ARTICLE });
    const tabA = await loadDraft(teacher, id);
    const tabB = await loadDraft(teacher, id);
    await saveDraft(
      teacher,
      id,
      saveBody(tabA, (d) => (d.cards[0]!.card.prompt = "From tab A")),
    );
    await expectDomainError(
      saveDraft(
        teacher,
        id,
        saveBody(tabB, (d) => (d.cards[0]!.card.prompt = "From tab B")),
      ),
      409,
      /changed in another tab/,
    );
    const now = await loadDraft(teacher, id);
    expect(now.cards[0]!.card.prompt).toBe("From tab A");
    expect(now.version).toBe(1);
  });

  it("lets exactly one of two saves from the same version through", async () => {
    const teacher = await makeUser("teacher");
    const { id } = await createDraft(teacher, { title: "Penicillin", text: SCIENCE_ARTICLE });
    const draft = await loadDraft(teacher, id);
    const results = await Promise.allSettled(
      ["one", "two", "three"].map((word) =>
        saveDraft(
          teacher,
          id,
          saveBody(draft, (d) => (d.cards[0]!.card.prompt = word)),
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected"))
      expect(httpStatusOf(r.reason as DomainError)).toBe(409);
    expect((await loadDraft(teacher, id)).version).toBe(1);
  });

  it("refuses a card that quotes text not in the article, or two cards with one id, and keeps the draft as it was", async () => {
    const teacher = await makeUser("teacher");
    const { id } = await createDraft(teacher, { title: "Penicillin", text: SCIENCE_ARTICLE });
    const draft = await loadDraft(teacher, id);
    await expectDomainError(
      saveDraft(
        teacher,
        id,
        saveBody(draft, (d) => (d.cards[0]!.card.quote = "Fleming invented the telephone.")),
      ),
      422,
      /not in the article/,
    );
    await expectDomainError(
      saveDraft(
        teacher,
        id,
        saveBody(draft, (d) => (d.cards[1]!.card.id = d.cards[0]!.card.id)),
      ),
      422,
      /same id/,
    );
    expect(await loadDraft(teacher, id)).toEqual(draft);
  });

  it("refuses a malformed save with a readable zod error, and another teacher's draft with 404", async () => {
    const teacher = await makeUser("teacher");
    const { id } = await createDraft(teacher, { title: "Penicillin", text: SCIENCE_ARTICLE });
    const draft = await loadDraft(teacher, id);
    await expect(saveDraft(teacher, id, { version: "one", cards: "none" })).rejects.toMatchObject({ name: "ZodError" });
    await expectDomainError(saveDraft(await makeUser("teacher"), id, saveBody(draft)), 404);
    await expectDomainError(saveDraft(await makeUser("student"), id, saveBody(draft)), 403);
  });

  it("deletes a draft for its owner only", async () => {
    const teacher = await makeUser("teacher");
    const { id } = await createDraft(teacher, { title: "Penicillin", text: SCIENCE_ARTICLE });
    await expectDomainError(deleteDraft(await makeUser("teacher"), id), 404);
    await deleteDraft(teacher, id);
    await expectDomainError(loadDraft(teacher, id), 404);
  });
});
