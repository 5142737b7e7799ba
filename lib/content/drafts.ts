import { z } from "zod";
import { TextSchema } from "@/lib/validation/text";
import { db } from "@/lib/db";
import type { PublicUser } from "@/lib/auth/users";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/uuid";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ArticleTextError, MAX_ARTICLE_CHARS, generateDrafts, stripFrontMatter, type Draft } from "@/lib/generate";
import { draftParagraphs, type DraftParagraph } from "./paragraphs";
import { DraftCardSchema, toDraftCard } from "@/lib/cards";

/**
 * A teacher's deck in the making (DeckDraft): the article they pasted or uploaded and the cards
 * generated from it, which they edit, discard or add to, saved as they change, until they publish
 * (lib/content/publish.ts). Every function takes the signed-in user and scopes by owner: a draft
 * belongs to one teacher, and to anyone else it does not exist (404).
 */

export type DraftUser = Pick<PublicUser, "id" | "role">;

/** The most cards one draft holds, generated and added. */
export const MAX_DRAFT_CARDS = 200;
/**
 * The most cards generated for a new draft. Below it the generator's own budget applies (30 for most
 * articles; one per prose paragraph for a long one, so every paragraph's point can be asked), and
 * the rest of MAX_DRAFT_CARDS stays free for cards the teacher adds.
 */
export const DRAFT_MAX_GENERATED_CARDS = 150;
/**
 * The largest upload accepted, in bytes. Four bytes per character is the most UTF-8 needs, so no
 * article within MAX_ARTICLE_CHARS is refused for its bytes; and it stays under the 1 MB body that
 * Next.js accepts for a server action.
 */
export const MAX_UPLOAD_BYTES = MAX_ARTICLE_CHARS * 4;
export const UPLOAD_EXTENSIONS = [".md", ".markdown", ".txt"] as const;

export const DRAFT_NOT_FOUND = "There is no such draft among yours. Open it from your list of drafts.";
export const TEACHERS_ONLY = "Only teachers can make decks. Ask your teacher to make one for your class.";

// ---------------------------------------------------------------------------------------------
// Schemas

const optionalText = (max: number, what: string) =>
  TextSchema.trim()
    .max(max, { error: `Keep the ${what} under ${max} characters.` })
    .optional()
    .transform((value) => (value ? value : undefined));

/** http(s) only: the URL is shown as a link on the deck's pages. */
export const SourceUrlSchema = z.url({ protocol: /^https?$/, error: "Give the source as a full web address, like https://example.com/article." });

/** What a teacher types about the article: the deck's title, where it was published, its URL. */
export const DraftMetaSchema = z.object({
  title: TextSchema.trim().min(1, { error: "Give the deck a title." }).max(200, { error: "Keep the title under 200 characters." }),
  outlet: optionalText(200, "outlet's name"),
  sourceUrl: z
    .string()
    .trim()
    .max(2000, { error: "Keep the source URL under 2,000 characters." })
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(SourceUrlSchema.optional()),
});

/** The new-deck form: the meta, and the article pasted as `text` or uploaded as `file`. */
export const NewDraftSchema = DraftMetaSchema.extend({
  text: TextSchema.optional(),
});
export type NewDraftInput = z.input<typeof NewDraftSchema> & { file?: UploadedFile | null };
export type UploadedFile = { name: string; bytes: Uint8Array };

const editable = (max: number) => TextSchema.max(max, { error: `keep it under ${max.toLocaleString("en-US")} characters` });

// The editor's card shape is the card model's (each kind converts to and from it).
export { DraftCardSchema, toDraftCard, type DraftCard } from "@/lib/cards";

export const DraftEntrySchema = z.object({
  card: DraftCardSchema,
  /** The paragraph (numbered from 0, as splitParagraphs counts) that holds the card's quote. */
  paragraph: z.number().int().min(0),
  origin: z.enum(["generated", "added"]),
  /** Discarded cards stay in the draft (they can be restored) but are not published. */
  discarded: z.boolean(),
});
export type DraftEntry = z.infer<typeof DraftEntrySchema>;

/** An autosave: the whole editable draft and the version it was edited from. */
export const SaveDraftSchema = z.object({
  version: z.number().int().min(0),
  // Lenient while editing (a title may be cleared to retype it); publishing requires one.
  title: editable(200),
  outlet: editable(200),
  sourceUrl: editable(2000),
  cards: z.array(DraftEntrySchema).max(MAX_DRAFT_CARDS, { error: `A draft holds at most ${MAX_DRAFT_CARDS} cards: discard some first.` }),
});
export type SaveDraftInput = z.infer<typeof SaveDraftSchema>;

const StoredCardsSchema = z.array(DraftEntrySchema);

// ---------------------------------------------------------------------------------------------
// Errors

export type DraftField = "title" | "outlet" | "sourceUrl" | "text" | "file";
export type DraftFieldErrors = Partial<Record<DraftField, string[]>>;

/**
 * Bad input for a new draft, by form field (`details.fieldErrors`); nothing has been written.
 *
 * @example invalidDraft({ title: ["Give the deck a title."] }) // InvalidError, code "invalid_draft"
 */
export function invalidDraft(fieldErrors: DraftFieldErrors): InvalidError<{ fieldErrors: DraftFieldErrors }> {
  return new InvalidError(Object.values(fieldErrors).flat().join(" "), "invalid_draft", { fieldErrors });
}

function isInvalidDraft(error: unknown): error is InvalidError<{ fieldErrors: DraftFieldErrors }> {
  return error instanceof InvalidError && error.code === "invalid_draft";
}

export function requireTeacherRole(user: DraftUser): void {
  if (user.role !== "teacher") throw new ForbiddenError(TEACHERS_ONLY, "teacher_only");
}

// ---------------------------------------------------------------------------------------------
// Reading an article

/**
 * The text of an uploaded article: .md, .markdown or .txt, UTF-8. Binary files and other encodings
 * are refused here, before any analysis.
 *
 * @example readUploadedArticle({ name: "nato.md", bytes }) // "---\ntitle: …\n---\n\nThe negotiations …"
 * @throws InvalidError (invalidDraft) for the "file" field.
 */
export function readUploadedArticle(file: UploadedFile): string {
  const fail = (message: string): never => {
    throw invalidDraft({ file: [message] });
  };
  const name = file.name.toLowerCase();
  if (!UPLOAD_EXTENSIONS.some((extension) => name.endsWith(extension))) {
    fail(`“${file.name}” is not a Markdown or text file. Save the article as .md or .txt (or paste its text instead).`);
  }
  if (file.bytes.byteLength > MAX_UPLOAD_BYTES) {
    fail(
      `“${file.name}” is ${formatBytes(file.bytes.byteLength)}; articles are limited to ${MAX_ARTICLE_CHARS.toLocaleString("en-US")} characters. ` +
        "Split it into parts and make a deck from each.",
    );
  }
  let text = "";
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(file.bytes);
  } catch {
    fail(`“${file.name}” is not plain text in UTF-8 (it may be a binary file such as a PDF or Word document). Save the article as plain text or Markdown and upload that.`);
  }
  return text;
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`;
}

/**
 * The article as a draft stores it, the same way content/articles bodies are read (line endings
 * made LF, front matter removed) and trimmed as ArticleSchema trims a body: quotes are taken from
 * exactly this text, so the published article is this text.
 */
export function normalizeArticleText(raw: string): string {
  return stripFrontMatter(raw).trim();
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and sentences (for the editor)

export { draftParagraphs, splitParagraphSentences, type DraftParagraph, type DraftSentence } from "./paragraphs";

/** The paragraph holding `quote`: the one the card says, when it does hold it; else the first that does. */
function paragraphOfQuote(paragraphs: readonly DraftParagraph[], articleText: string, quote: string, hint: number): number | null {
  const hinted = paragraphs[hint];
  if (hinted && hinted.text.includes(quote)) return hint;
  const start = articleText.indexOf(quote);
  if (start === -1) return null;
  const found = paragraphs.find((p) => start >= p.start && start < p.end);
  // A quote that spans paragraphs still sits in the article: file it under the one it starts in.
  return found?.index ?? null;
}

// ---------------------------------------------------------------------------------------------
// Creating a draft

/** The generated cards in reading order (the generator ranks them best first), as the editor lists them and the deck orders them. */
function toEntries(drafts: readonly Draft[], paragraphs: readonly DraftParagraph[], articleText: string): DraftEntry[] {
  const inReadingOrder = drafts.map((draft, rank) => ({ draft, rank })).sort((a, b) => a.draft.sentence - b.draft.sentence || a.rank - b.rank);
  return inReadingOrder.map(({ draft }) => ({
    card: toDraftCard(draft.card),
    paragraph: paragraphOfQuote(paragraphs, articleText, draft.card.quote, draft.paragraph) ?? draft.paragraph,
    origin: "generated" as const,
    discarded: false,
  }));
}

/**
 * Creates a draft from a pasted or uploaded article: checks the meta and the text, generates draft
 * cards and stores them in one write. Bad input throws before anything is written.
 *
 * @example await createDraft(teacher, { title: "NATO and Ukraine", text }) // { id: "…", cards: 30 }
 * @throws ForbiddenError for a student; InvalidError (invalidDraft) naming the fields at fault.
 */
export async function createDraft(user: DraftUser, input: NewDraftInput): Promise<{ id: string; cards: number }> {
  requireTeacherRole(user);
  const parsed = NewDraftSchema.safeParse(input);
  const fieldErrors: DraftFieldErrors = parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as DraftFieldErrors);

  const pasted = typeof input.text === "string" && input.text.trim() !== "" ? input.text : null;
  const file = input.file && (input.file.bytes.byteLength > 0 || input.file.name !== "") ? input.file : null;
  let raw: string | null = null;
  let source: "text" | "file" = "text";
  if (pasted !== null && file) {
    fieldErrors.text = ["Paste the article or upload a file, not both: clear one of them."];
  } else if (file) {
    source = "file";
    try {
      raw = readUploadedArticle(file);
    } catch (error) {
      if (!isInvalidDraft(error)) throw error;
      Object.assign(fieldErrors, error.details?.fieldErrors);
    }
  } else {
    raw = input.text ?? "";
  }

  let articleText = "";
  let generated: ReturnType<typeof generateDrafts> | null = null;
  if (raw !== null) {
    articleText = normalizeArticleText(raw);
    try {
      generated = generateDrafts(articleText, { cardLimit: DRAFT_MAX_GENERATED_CARDS });
    } catch (error) {
      if (!(error instanceof ArticleTextError)) throw error;
      const message =
        error.code === "empty" && source === "file" ? `“${file?.name}” is empty: upload the file that holds the article's text.` : error.message;
      fieldErrors[source] = [message];
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0 || !generated) throw invalidDraft(fieldErrors);

  const paragraphs = draftParagraphs(articleText);
  const entries = toEntries(generated.drafts, paragraphs, articleText);
  const draft = await db.deckDraft.create({
    data: {
      ownerId: user.id,
      title: parsed.data.title,
      outlet: parsed.data.outlet ?? null,
      sourceUrl: parsed.data.sourceUrl ?? null,
      articleText,
      cards: entries as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return { id: draft.id, cards: entries.length };
}

// ---------------------------------------------------------------------------------------------
// Reading drafts

/** The draft as the editor shows it. */
export type DraftView = {
  id: string;
  title: string;
  outlet: string;
  sourceUrl: string;
  version: number;
  articleText: string;
  paragraphs: DraftParagraph[];
  cards: DraftEntry[];
  published: { slug: string; title: string; at: Date } | null;
  updatedAt: Date;
};

/**
 * The draft row, if `user` owns it.
 *
 * @throws ForbiddenError for a student, NotFoundError when the draft is missing or another teacher's.
 */
export async function findOwnedDraft(user: DraftUser, draftId: string) {
  requireTeacherRole(user);
  if (!isUuid(draftId)) throw new NotFoundError(DRAFT_NOT_FOUND, "draft_not_found");
  const draft = await db.deckDraft.findFirst({ where: { id: draftId, ownerId: user.id } });
  if (!draft) throw new NotFoundError(DRAFT_NOT_FOUND, "draft_not_found");
  return draft;
}

/** The stored cards, read back through their schema (they were checked on the way in). */
export function storedEntries(cards: Prisma.JsonValue): DraftEntry[] {
  return StoredCardsSchema.parse(cards);
}

/**
 * One of the teacher's drafts, with its paragraphs and cards.
 *
 * @throws ForbiddenError for a student, NotFoundError when the draft is missing or another teacher's.
 */
export async function loadDraft(user: DraftUser, draftId: string): Promise<DraftView> {
  const draft = await findOwnedDraft(user, draftId);
  const deck = draft.publishedDeckId
    ? await db.deck.findFirst({ where: { id: draft.publishedDeckId, ownerId: user.id }, select: { slug: true, title: true } })
    : null;
  return {
    id: draft.id,
    title: draft.title,
    outlet: draft.outlet ?? "",
    sourceUrl: draft.sourceUrl ?? "",
    version: draft.version,
    articleText: draft.articleText,
    paragraphs: draftParagraphs(draft.articleText),
    cards: storedEntries(draft.cards),
    published: deck && draft.publishedAt ? { ...deck, at: draft.publishedAt } : null,
    updatedAt: draft.updatedAt,
  };
}

export type DraftSummary = {
  id: string;
  title: string;
  outlet: string | null;
  cardCount: number;
  updatedAt: Date;
  publishedSlug: string | null;
};

/** The teacher's drafts, most recently edited first. */
export async function listDrafts(user: DraftUser): Promise<DraftSummary[]> {
  requireTeacherRole(user);
  const drafts = await db.deckDraft.findMany({
    where: { ownerId: user.id },
    orderBy: { updatedAt: "desc" },
    select: { id: true, title: true, outlet: true, cards: true, updatedAt: true, publishedDeckId: true },
  });
  const deckIds = drafts.map((d) => d.publishedDeckId).filter((id): id is string => id !== null);
  const decks = await db.deck.findMany({ where: { id: { in: deckIds }, ownerId: user.id }, select: { id: true, slug: true } });
  const slugs = new Map(decks.map((d) => [d.id, d.slug]));
  return drafts.map((d) => ({
    id: d.id,
    title: d.title,
    outlet: d.outlet,
    cardCount: storedEntries(d.cards).filter((entry) => !entry.discarded).length,
    updatedAt: d.updatedAt,
    publishedSlug: d.publishedDeckId ? (slugs.get(d.publishedDeckId) ?? null) : null,
  }));
}

// ---------------------------------------------------------------------------------------------
// Saving and deleting

export const STALE_DRAFT =
  "This draft was changed in another tab or window since you opened it, so your latest change was not saved. Reload the page to get the newest version.";

/** Throws ConflictError if the draft still exists (it changed), NotFoundError if it is gone. */
export async function staleOrGone(user: DraftUser, draftId: string): Promise<never> {
  const exists = await db.deckDraft.count({ where: { id: draftId, ownerId: user.id } });
  if (exists === 0) throw new NotFoundError(DRAFT_NOT_FOUND, "draft_not_found");
  throw new ConflictError(STALE_DRAFT, "stale_draft");
}

/**
 * Saves the editor's state if the draft is still at `version` (optimistic concurrency: a stale tab
 * gets 409 and overwrites nothing). Cards may be half-written; each must still quote the article
 * and have its own id.
 *
 * @example await saveDraft(teacher, draftId, { version: 3, title, outlet: "", sourceUrl: "", cards }) // { version: 4 }
 * @throws ZodError for a malformed request; ForbiddenError, NotFoundError, ConflictError (stale
 *   version), or InvalidError for a card that does not quote the article.
 */
export async function saveDraft(user: DraftUser, draftId: string, input: unknown): Promise<{ version: number }> {
  const data = SaveDraftSchema.parse(input);
  const draft = await findOwnedDraft(user, draftId);
  if (draft.version !== data.version) throw new ConflictError(STALE_DRAFT, "stale_draft");

  const paragraphs = draftParagraphs(draft.articleText);
  const ids = new Set<string>();
  const cards = data.cards.map((entry, index) => {
    const label = `Card ${index + 1} (“${excerpt(entry.card.prompt || entry.card.id)}”)`;
    if (ids.has(entry.card.id)) throw new InvalidError(`${label} has the same id as another card (${entry.card.id}). Reload the page.`, "duplicate_card_id");
    ids.add(entry.card.id);
    const paragraph = paragraphOfQuote(paragraphs, draft.articleText, entry.card.quote, entry.paragraph);
    if (paragraph === null) {
      throw new InvalidError(`${label} quotes text that is not in the article. Choose one of the article's sentences as its quote.`, "quote_not_in_article");
    }
    return { ...entry, paragraph };
  });

  const { count } = await db.deckDraft.updateMany({
    where: { id: draft.id, ownerId: user.id, version: data.version },
    data: {
      title: data.title.trim(),
      outlet: data.outlet.trim() || null,
      sourceUrl: data.sourceUrl.trim() || null,
      cards: cards as Prisma.InputJsonValue,
      version: { increment: 1 },
    },
  });
  if (count === 0) return staleOrGone(user, draft.id);
  return { version: data.version + 1 };
}

/**
 * Deletes a draft (its published deck, if any, stays).
 *
 * @throws ForbiddenError for a student, NotFoundError when the draft is missing or another teacher's.
 */
export async function deleteDraft(user: DraftUser, draftId: string): Promise<void> {
  const draft = await findOwnedDraft(user, draftId);
  await db.deckDraft.deleteMany({ where: { id: draft.id, ownerId: user.id } });
}

export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
