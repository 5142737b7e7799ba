import { describe, expect, it } from "vitest";
import { safeReturnTo } from "@/lib/auth/safe-redirect";
import { formatWait } from "@/lib/auth/format-wait";

describe("after sign-in, the return address", () => {
  it("keeps paths on this site", () => {
    expect(safeReturnTo("/decks/x?tab=1")).toBe("/decks/x?tab=1");
  });
  it("sends other hosts and junk home", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "", null, 42]) {
      expect(safeReturnTo(bad)).toBe("/");
    }
  });
});

describe("waiting times for people", () => {
  it("speaks in seconds under a minute and whole minutes above", () => {
    expect(formatWait(1)).toBe("1 second");
    expect(formatWait(30)).toBe("30 seconds");
    expect(formatWait(60)).toBe("1 minute");
    expect(formatWait(61)).toBe("2 minutes");
  });
});
