import { z } from "zod";

/** Fields every card kind shares, and the zod helpers the kinds build theirs from. */

/** Stable card id: never reuse or change one, or students lose that card's schedule. */
export const CardIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: "card ids use lower-case letters, digits and hyphens (e.g. putin-munich-2007)",
  })
  .max(80);

export const nonEmpty = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `the card needs ${what}` });

export const CardBaseSchema = z.object({
  id: CardIdSchema,
  prompt: nonEmpty("a prompt"),
  /** Shown after answering: why the answer is right, in the article's terms. */
  explanation: nonEmpty("an explanation"),
  /** Verbatim from the article (checked by content:check). */
  quote: nonEmpty("a verbatim quote from the article"),
});

/** Self-graded and typed cards have no options; `options: []` is allowed so every export has the field. */
export const NoOptionsSchema = (why: string) =>
  z
    .array(z.string())
    .max(0, { error: `${why}: leave "options" out or empty` })
    .optional();
