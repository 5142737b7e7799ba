import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ClassNameSchema } from "@/lib/classes/schemas";
import { DraftMetaSchema } from "@/lib/content/drafts";
import { SignUpSchema } from "@/lib/auth/schemas";
import { findUnsafeText, isUnsafeText, TextSchema } from "@/lib/validation/text";

const UNSAFE = ["a\u0000b", "\uD800", "x\uDC00y", "end\uD83D"];
const SAFE = ["plain", "émigré", "🦉 owls", "\uD83D\uDE00", "tab\tand\nnewline"];

describe("the shared text schema", () => {
  it("refuses NUL bytes and lone surrogates, and accepts everything else a person types", () => {
    for (const s of UNSAFE) expect(isUnsafeText(s), JSON.stringify(s)).toBe(true);
    for (const s of SAFE) expect(isUnsafeText(s), s).toBe(false);
    expect(TextSchema.safeParse("a\u0000b").error?.issues[0]?.message).toMatch(/cannot be stored/);
  });

  it("is what the free-text fields are built on: class name, draft title, sign-up name", () => {
    for (const s of UNSAFE) {
      expect(ClassNameSchema.safeParse(`History ${s}`).success).toBe(false);
      expect(DraftMetaSchema.safeParse({ title: `Deck ${s}` }).success).toBe(false);
      const signUp = SignUpSchema.safeParse({
        name: `Ada ${s}`,
        email: "ada@example.org",
        password: "analytical-engine-1843",
        role: "student",
      });
      expect(z.flattenError(signUp.error!).fieldErrors.name?.[0]).toMatch(/cannot be stored/);
    }
  });

  it("finds an unsafe string anywhere in a JSON body, naming its path", () => {
    expect(findUnsafeText({ cards: [{ prompt: "ok" }, { prompt: "bad\u0000" }] })).toBe("cards.1.prompt");
    expect(findUnsafeText({ "\uD800": 1 })).toBe("\uD800");
    expect(findUnsafeText({ cards: [{ prompt: "ok" }], n: 3, b: null })).toBeNull();
  });
});
