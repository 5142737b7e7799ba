import { z } from "zod";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { ConflictError, InvalidError } from "@/lib/errors";
import { DECK_SETTINGS_SELECT, pickDeckSettings } from "@/lib/srs";
import { CARD_TYPE_LABELS, fromDraftCard } from "@/lib/cards";
import {
  DraftMetaSchema,
  excerpt,
  findOwnedDraft,
  staleOrGone,
  storedEntries,
  STALE_DRAFT,
  type DraftEntry,
  type DraftUser,
} from "./drafts";
import { checkDeck } from "./check";
import { ContentError, normalizeDeck, type ContentProblem, type LoadedDeck } from "./load";
import { CardSchema, DeckFileSchema, DeckSettingsSchema, type CardInput, type DeckFile, type DeckSettings } from "./schema";
import { ArticleConflictError, DeckOwnershipError, syncDeck } from "./sync";

/**
 * Publishing a draft: its kept cards and the article they quote become a deck the teacher owns
 * (private until assigned), through the same checks and sync as the repository's content. All or
 * nothing: a draft that breaks any rule writes nothing, and says which card to fix.
 */

/** What stops a draft from being published: a card (by id) or a field of the draft, and what to do. */
export type PublishProblem = { cardId: string | null; field: "title" | "outlet" | "sourceUrl" | "cards" | null; message: string };

export type PublishProblems = { problems: PublishProblem[] };

/**
 * Why a draft cannot be published, every problem in `details.problems`.
 *
 * @example cannotPublish([{ cardId: null, field: "title", message: "Give the deck a title." }]) // InvalidError, code "cannot_publish"
 */
export function cannotPublish(problems: PublishProblem[]): InvalidError<PublishProblems> {
  const first = problems[0]?.message ?? "";
  return new InvalidError(problems.length === 1 ? first : `${problems.length} things to fix before publishing. ${first}`, "cannot_publish", { problems });
}

export const PublishDraftSchema = z.object({ version: z.number().int().min(0) });

/** Deck slugs that are pages of their own under /decks/. */
const RESERVED_SLUGS = new Set(["new"]);
const MAX_SLUG_LENGTH = 60;

/**
 * A slug for a deck from its title: lower-case ASCII letters and digits joined by single hyphens.
 *
 * @example slugify("Russia, Ukraine & NATO’s expansion") // "russia-ukraine-nato-s-expansion"
 */
export function slugify(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, MAX_SLUG_LENGTH) ?? "") || "deck";
}

/** The first of `base`, `base-2`, `base-3`… that no deck and no article uses yet. */
async function findFreeSlug(base: string): Promise<string> {
  const where = { slug: { startsWith: base } };
  const [decks, articles] = await Promise.all([
    db.deck.findMany({ where, select: { slug: true } }),
    db.article.findMany({ where, select: { slug: true } }),
  ]);
  const taken = new Set([...decks, ...articles].map((row) => row.slug));
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(slug) && !RESERVED_SLUGS.has(slug)) return slug;
  }
}

type PublishableDraft = {
  title: string;
  outlet: string | null;
  sourceUrl: string | null;
  articleText: string;
  cards: readonly DraftEntry[];
};

/** How problems name a card: its type, the start of its prompt and its paragraph, as the editor shows them. */
function cardLabel(entry: DraftEntry): string {
  const prompt = entry.card.prompt.trim();
  return `${CARD_TYPE_LABELS[entry.card.type]} card ${prompt ? `“${excerpt(prompt, 50)}”` : "with no prompt"} (paragraph ${entry.paragraph + 1})`;
}

const sentence = (text: string) => (text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : text);

/**
 * The deck a draft would publish, checked by every rule content:check applies. Pure.
 *
 * @example buildDeckFromDraft(draft, { deck: "nato", article: "nato" }).cards.length
 * @throws InvalidError (cannotPublish) listing every problem, each naming its card or field.
 */
export function buildDeckFromDraft(
  draft: PublishableDraft,
  slugs: { deck: string; article: string },
  extras: { description?: string; settings?: Partial<DeckSettings> } = {},
): LoadedDeck {
  const problems: PublishProblem[] = [];
  const meta = DraftMetaSchema.safeParse({ title: draft.title, outlet: draft.outlet ?? undefined, sourceUrl: draft.sourceUrl ?? undefined });
  if (!meta.success) {
    for (const issue of meta.error.issues) {
      const field = issue.path[0] as "title" | "outlet" | "sourceUrl";
      problems.push({ cardId: null, field, message: issue.message });
    }
  }

  // A deck published before keeps its settings; held to the schema content:check and import use.
  const settings = extras.settings ? DeckSettingsSchema.partial().safeParse(extras.settings) : null;
  if (settings && !settings.success) {
    for (const issue of settings.error.issues) {
      problems.push({ cardId: null, field: null, message: `The deck's setting "${issue.path.join(".")}" cannot be used: ${issue.message}` });
    }
  }

  const kept = draft.cards.filter((entry) => !entry.discarded);
  if (kept.length === 0) {
    problems.push({ cardId: null, field: "cards", message: "Every card is discarded: keep or add at least one card to publish a deck." });
  }
  const cards: CardInput[] = [];
  const entryById = new Map(kept.map((entry) => [entry.card.id, entry]));
  for (const entry of kept) {
    const parsed = CardSchema.safeParse(fromDraftCard(entry.card));
    if (parsed.success) {
      cards.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      problems.push({ cardId: entry.card.id, field: null, message: `${cardLabel(entry)}: ${issue.message}.` });
    }
  }
  // The content rules (quotes verbatim, answers among options…) for the cards that have their
  // shape, so the teacher sees every problem at once rather than one round at a time.
  const where = { deckFile: "this draft", articleFile: "the article" };
  const describe = (problem: ContentProblem): PublishProblem => {
    const entry = problem.cardId === undefined ? undefined : entryById.get(problem.cardId);
    const label = entry ? cardLabel(entry) : "The deck";
    return { cardId: entry?.card.id ?? null, field: null, message: `${label}: ${problem.message}. ${sentence(problem.fix)}.` };
  };
  problems.push(...checkDeck({ cards }, { slug: slugs.article, title: draft.title, body: draft.articleText }, where).map(describe));
  if (problems.length > 0 || !meta.success) throw cannotPublish(problems);

  const file: DeckFile = DeckFileSchema.parse({
    slug: slugs.deck,
    title: meta.data.title,
    description: extras.description ?? "",
    article: {
      slug: slugs.article,
      title: meta.data.title,
      ...(meta.data.outlet ? { outlet: meta.data.outlet } : {}),
      ...(meta.data.sourceUrl ? { sourceUrl: meta.data.sourceUrl } : {}),
      body: draft.articleText,
    },
    ...(extras.settings ? { settings: extras.settings } : {}),
    cards,
  } satisfies z.input<typeof DeckFileSchema>);
  if (typeof file.article === "string") throw new Error("unreachable: the draft embeds its article");
  try {
    return normalizeDeck(file, file.article, where);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    throw cannotPublish(error.problems.map(describe));
  }
}

export type PublishResult = { deckId: string; slug: string; version: number; firstPublish: boolean };

/**
 * Publishes the draft as a deck owned by the teacher (not public): the first time under a new slug
 * made from the title, after that by updating the same deck (cards matched by id, so students keep
 * their schedules; a discarded card is retired). `version` must be the draft's current version.
 *
 * @example await publishDraft(teacher, draftId, { version: 7 }, new Date()) // { slug: "nato-and-ukraine", version: 8, … }
 * @throws ZodError for a malformed request; ForbiddenError, NotFoundError, ConflictError (stale version
 *   or slug taken); InvalidError (cannotPublish) listing every problem.
 */
export async function publishDraft(user: DraftUser, draftId: string, input: unknown, now: Date): Promise<PublishResult> {
  const { version } = PublishDraftSchema.parse(input);
  const draft = await findOwnedDraft(user, draftId);
  if (draft.version !== version) throw new ConflictError(STALE_DRAFT, "stale_draft");

  const existing = draft.publishedDeckId
    ? await db.deck.findFirst({
        where: { id: draft.publishedDeckId, ownerId: user.id },
        select: {
          slug: true,
          description: true,
          isPublic: true,
          ...DECK_SETTINGS_SELECT,
          article: { select: { slug: true } },
        },
      })
    : null;
  // Checked before anything is written: a draft that cannot be published changes nothing. A deck
  // published before keeps its slugs, description and settings (syncDeck would reset them).
  const publishable = { ...draft, cards: storedEntries(draft.cards) };
  const deck = existing
    ? buildDeckFromDraft(publishable, { deck: existing.slug, article: existing.article.slug }, { description: existing.description, settings: pickDeckSettings(existing) })
    : buildDeckFromDraft(publishable, { deck: "draft", article: "draft" });

  // Claims this version, so that two publishes of one draft (a double click, two tabs) cannot both
  // create a deck: the second finds the version moved on and gets 409.
  const claimed = await db.deckDraft.updateMany({ where: { id: draft.id, ownerId: user.id, version }, data: { version: { increment: 1 } } });
  if (claimed.count === 0) return staleOrGone(user, draft.id);

  try {
    const { deckId, slug } = existing
      ? { deckId: (await syncDeck(deck, { ownerId: user.id, isPublic: existing.isPublic }, now)).deckId, slug: deck.slug }
      : await syncUnderNewSlug(deck, user.id, now);
    await db.deckDraft.updateMany({ where: { id: draft.id, ownerId: user.id }, data: { publishedDeckId: deckId, publishedAt: now } });
    return { deckId, slug, version: version + 1, firstPublish: !existing };
  } catch (error) {
    // Nothing was published: give the version back so the open editor can keep saving.
    await db.deckDraft.updateMany({ where: { id: draft.id, ownerId: user.id, version: version + 1 }, data: { version } });
    if (error instanceof ArticleConflictError || error instanceof DeckOwnershipError) {
      throw new ConflictError(`${error.message} Then publish again.`, "slug_taken");
    }
    throw error;
  }
}

/**
 * Syncs a first publish under the first free slug made from the title. A slug taken between the
 * check and the write (by anyone's concurrent publish) is a unique violation or an ownership error
 * inside syncDeck's transaction, which leaves nothing behind; the next free slug is tried.
 * Limit: two drafts of one teacher with one title, published in the same instant, could both pick
 * the same free slug, and the later sync would update the earlier's deck; one teacher cannot
 * realistically click two publish buttons that fast.
 */
export async function syncUnderNewSlug(deck: LoadedDeck, ownerId: string | null, now: Date): Promise<{ deckId: string; slug: string }> {
  const base = slugify(deck.title);
  for (let attempt = 0; ; attempt++) {
    const slug = await findFreeSlug(base);
    const named: LoadedDeck = { ...deck, slug, article: { ...deck.article, slug } };
    try {
      const { deckId } = await syncDeck(named, { ownerId, isPublic: false }, now);
      return { deckId, slug };
    } catch (error) {
      const raced = isUniqueViolation(error) || error instanceof DeckOwnershipError || error instanceof ArticleConflictError;
      if (!raced || attempt >= 4) throw error;
    }
  }
}
