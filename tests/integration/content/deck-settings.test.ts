import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { loadDeckSettings, updateDeckSettings, type DeckSettingsForm } from "@/lib/content/deck-settings";
import { fetchQueue } from "@/lib/study/queue";
import { DeckSettingsSchema } from "@/lib/srs";
import { at, makeDeck, makeUser, review, HOUR } from "../classes/fixtures";
import { expectDomainError } from "../domain-errors";

const NOW = new Date("2026-11-27T09:00:00Z");
const MINUTE = 60_000;

/** The form as a teacher would fill it: the defaults, with `changes`. */
function form(changes: DeckSettingsForm = {}): DeckSettingsForm {
  const defaults = DeckSettingsSchema.parse({});
  return {
    desiredRetention: String(defaults.desiredRetention),
    newCardsPerDay: String(defaults.newCardsPerDay),
    maxReviewsPerDay: String(defaults.maxReviewsPerDay),
    learningSteps: defaults.learningSteps.join(" "),
    relearningSteps: defaults.relearningSteps.join(" "),
    maximumInterval: String(defaults.maximumInterval),
    leechThreshold: String(defaults.leechThreshold),
    ...changes,
  };
}

describe("deck settings", () => {
  it("saved settings change the schedule of the next review and the next queue", async () => {
    const teacher = await makeUser("teacher");
    const { slug, cards } = await makeDeck({ ownerId: teacher.id, basic: 3, isPublic: true });
    const student = await makeUser("student");

    // Defaults: "again" on a new card comes back after the first learning step, 1 minute.
    const before = await review(student, cards[0]!, NOW, "again");
    expect(before.state.due).toEqual(at(NOW, MINUTE));

    const saved = await updateDeckSettings(
      teacher,
      slug,
      form({ learningSteps: "30m, 2h", newCardsPerDay: "1", leechThreshold: "3" }),
    );
    expect(saved).toMatchObject({ learningSteps: ["30m", "2h"], newCardsPerDay: 1, leechThreshold: 3 });
    await expect(loadDeckSettings(teacher, slug)).resolves.toEqual(saved);

    const after = await review(student, cards[1]!, NOW, "again");
    expect(after.state.due).toEqual(at(NOW, 30 * MINUTE));
    const good = await review(student, cards[1]!, at(NOW, 30 * MINUTE), "good");
    expect(good.state.due).toEqual(at(NOW, 30 * MINUTE + 2 * HOUR));

    // One new card a day: the student has met two today, so none is left; a newcomer gets one.
    expect((await fetchQueue(student, slug, at(NOW, HOUR))).remaining.new).toBe(0);
    expect((await fetchQueue(await makeUser("student"), slug, NOW)).remaining.new).toBe(1);
  });

  it("refuses bad values field by field with the schema's own messages, and saves nothing", async () => {
    const teacher = await makeUser("teacher");
    const { slug } = await makeDeck({ ownerId: teacher.id });
    const error = await updateDeckSettings(
      teacher,
      slug,
      form({ desiredRetention: "0.5", learningSteps: "1m 1.5m", maximumInterval: "lots", newCardsPerDay: "" }),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZodError);
    const fields = Object.fromEntries((error as ZodError).issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toEqual({
      desiredRetention: "Desired retention must be at least 0.7 (70%).",
      learningSteps: expect.stringMatching(/whole number above 0/),
      maximumInterval: "Maximum interval must be a whole number of days.",
      newCardsPerDay: "New cards per day must be a whole number.",
    });
    await expect(loadDeckSettings(teacher, slug)).resolves.toEqual(DeckSettingsSchema.parse({}));
  });

  it("lets only the deck's owner read or change them", async () => {
    const owner = await makeUser("teacher");
    const other = await makeUser("teacher");
    const student = await makeUser("student");
    const publicDeck = await makeDeck({ ownerId: owner.id, isPublic: true });
    const privateDeck = await makeDeck({ ownerId: owner.id });
    await expectDomainError(updateDeckSettings(other, publicDeck.slug, form({ newCardsPerDay: "5" })), 403);
    await expectDomainError(updateDeckSettings(student, publicDeck.slug, form({ newCardsPerDay: "5" })), 403);
    await expectDomainError(updateDeckSettings(other, privateDeck.slug, form({ newCardsPerDay: "5" })), 404);
    await expectDomainError(loadDeckSettings(student, privateDeck.slug), 404);
    const rows = await db.deck.findMany({ where: { ownerId: owner.id }, select: { newCardsPerDay: true } });
    expect(rows.map((r) => r.newCardsPerDay)).toEqual([20, 20]);
  });
});
