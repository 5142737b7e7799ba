import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/content/publish";

describe("slugify", () => {
  it("keeps lower-case ASCII words joined by hyphens", () => {
    expect(slugify("Russia, Ukraine & NATO’s expansion")).toBe("russia-ukraine-nato-s-expansion");
    expect(slugify("Émile Zola: J’accuse…!")).toBe("emile-zola-j-accuse");
    expect(slugify("東京")).toBe("deck");
    expect(slugify("a".repeat(100)).length).toBe(60);
  });
});
