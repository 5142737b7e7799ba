import { z } from "zod";
import { db } from "@/lib/db";
import { InvalidError } from "@/lib/errors";
import { hashPassword, passwordWeakness, verifyPassword, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password";
import { countAttempt, refundRateLimit } from "@/lib/auth/rate-limit";
import { NameSchema } from "@/lib/auth/schemas";
import { PUBLIC_USER_FIELDS, type PublicUser } from "@/lib/auth/users";

// The account page's services. Each takes the signed-in user and touches only that user's rows:
// there is no id to pass, so nobody else's account can be reached.

/** @example ChangePasswordSchema.parse({ currentPassword: "old", newPassword: "three unrelated words" }) */
export const ChangePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, { error: "Enter your current password." })
    .max(1024),
  // The strength rules run in changePassword, with the user's email and name (passwordWeakness).
  newPassword: z
    .string({ error: "Enter a new password." })
    .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.` })
    .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` }),
});

export const ChangeNameSchema = z.object({ name: NameSchema });

/** Deleting an account is confirmed by typing its email address. */
export const DeleteAccountSchema = z.object({
  confirmEmail: z.string({ error: "Type your email address to confirm." }).trim().toLowerCase().max(254),
});

/** Wrong current passwords per account: the form must not become a way to guess a password. */
export const PASSWORD_CHANGE_LIMIT = { max: 10, windowMs: 15 * 60 * 1000 } as const;

/**
 * Changes the user's password: the current one must be right and the new one pass the same strength
 * rules as sign-up (lib/auth/password.ts). Every other session is revoked, so a browser someone else
 * was signed in on is signed out; `keepSessionId` (this browser's) stays.
 *
 * @example await changePassword(user, { currentPassword, newPassword }, session.sessionId, new Date());
 */
export async function changePassword(
  user: Pick<PublicUser, "id" | "email" | "name">,
  input: unknown,
  keepSessionId: string | null,
  now: Date,
): Promise<{ signedOut: number }> {
  const data = ChangePasswordSchema.parse(input);
  const key = `password-change:user:${user.id}`;
  await countAttempt(key, PASSWORD_CHANGE_LIMIT, now, (wait) => `Too many wrong passwords. Try again in ${wait}.`);
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row.passwordHash)
    throw new InvalidError("Your account signs in with GitHub and has no password to change.", "no_password");
  if (!(await verifyPassword(row.passwordHash, data.currentPassword)))
    throw new InvalidError("That is not your current password.", "wrong_password", {
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
  await refundRateLimit(key);
  const weakness = passwordWeakness(data.newPassword, { email: user.email, name: user.name });
  if (weakness) throw new InvalidError(weakness, "weak_password", { fieldErrors: { newPassword: [weakness] } });
  if (data.newPassword === data.currentPassword)
    throw new InvalidError("Choose a password different from your current one.", "same_password", {
      fieldErrors: { newPassword: ["Choose a password different from your current one."] },
    });
  const passwordHash = await hashPassword(data.newPassword);
  const [, revoked] = await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash } }),
    db.session.updateMany({
      where: { userId: user.id, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
      data: { revokedAt: now },
    }),
  ]);
  return { signedOut: revoked.count };
}

/** Renames the user (the name teachers see on their class lists). */
export async function changeName(user: Pick<PublicUser, "id">, input: unknown): Promise<PublicUser> {
  const data = ChangeNameSchema.parse(input);
  return db.user.update({ where: { id: user.id }, data: { name: data.name }, select: PUBLIC_USER_FIELDS });
}

/**
 * Everything Clio keeps about the user's studying, for "Download my data": the account, each card's
 * memory state and every review, with the card's prompt and deck so the file reads on its own.
 */
export async function exportMyData(user: Pick<PublicUser, "id">, now: Date) {
  const [account, cardStates, reviews] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { email: true, name: true, role: true, timezone: true, dayStartHour: true, createdAt: true },
    }),
    db.cardState.findMany({
      where: { userId: user.id },
      orderBy: [{ deckId: "asc" }, { due: "asc" }],
      select: {
        due: true,
        state: true,
        stability: true,
        difficulty: true,
        reps: true,
        lapses: true,
        lastReview: true,
        suspended: true,
        leech: true,
        card: { select: { externalId: true, prompt: true, deck: { select: { slug: true } } } },
      },
    }),
    db.reviewLog.findMany({
      where: { userId: user.id },
      orderBy: { reviewedAt: "asc" },
      select: {
        reviewedAt: true,
        rating: true,
        correct: true,
        answerMs: true,
        stateBefore: true,
        stateAfter: true,
        scheduledDays: true,
        dueAfter: true,
        card: { select: { externalId: true, prompt: true, deck: { select: { slug: true } } } },
      },
    }),
  ]);
  const cardOf = (card: { externalId: string; prompt: string; deck: { slug: string } }) => ({
    deck: card.deck.slug,
    card: card.externalId,
    prompt: card.prompt,
  });
  return {
    exportedAt: now.toISOString(),
    account,
    cardStates: cardStates.map(({ card, ...state }) => ({ ...cardOf(card), ...state })),
    reviews: reviews.map(({ card, ...review }) => ({ ...cardOf(card), ...review })),
  };
}

/** What deleting the account takes with it, for the warning before the user confirms. */
export async function accountDeletionPreview(user: Pick<PublicUser, "id">) {
  const [classes, decks] = await Promise.all([
    db.class.findMany({
      where: { ownerId: user.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true, _count: { select: { memberships: true } } },
    }),
    db.deck.findMany({ where: { ownerId: user.id }, orderBy: { title: "asc" }, select: { title: true } }),
  ]);
  return {
    classes: classes.map((c) => ({ id: c.id, name: c.name, students: c._count.memberships })),
    decks: decks.map((d) => d.title),
  };
}

/**
 * Deletes the user's account, confirmed by typing its email. A teacher's classes go with it (their
 * assignments and memberships too; the students keep their own reviews); the page lists them first
 * (docs/decisions/012-deleting-an-account.md). The teacher's private decks go too, unless another
 * teacher's class still assigns one; such a deck, and a public one, stays (ownerless), so the students
 * studying it keep it and their reviews.
 */
export async function deleteAccount(user: Pick<PublicUser, "id" | "email">, input: unknown): Promise<void> {
  const data = DeleteAccountSchema.parse(input);
  if (data.confirmEmail !== user.email.toLowerCase())
    throw new InvalidError("Type your email address exactly as shown to confirm.", "confirmation_mismatch", {
      fieldErrors: { confirmEmail: ["Type your email address exactly as shown to confirm."] },
    });
  await db.$transaction(async (tx) => {
    // Classes first: their assignments would otherwise hold on to the decks (Assignment.deck is Restrict).
    await tx.class.deleteMany({ where: { ownerId: user.id } });
    await tx.deck.deleteMany({ where: { ownerId: user.id, isPublic: false, assignments: { none: {} } } });
    await tx.user.delete({ where: { id: user.id } });
  });
}
