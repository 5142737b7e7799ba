import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checksForFit, FIT_CHECK_EVERY } from "@/lib/models/worker";

describe("checksForFit", () => {
  it("asks on about one review in FIT_CHECK_EVERY, the same answer for the same review id", () => {
    const ids = Array.from({ length: 16_000 }, () => randomUUID());
    const asked = ids.filter(checksForFit).length / ids.length;
    // 16,000 draws: the share is within 0.02 of 1/8 far beyond any chance of failing (sd ≈ 0.0026).
    expect(asked).toBeGreaterThan(1 / FIT_CHECK_EVERY - 0.02);
    expect(asked).toBeLessThan(1 / FIT_CHECK_EVERY + 0.02);
    for (const id of ids.slice(0, 100)) expect(checksForFit(id)).toBe(checksForFit(id));
  });

  it("is decided by the id's last hex digit", () => {
    expect(checksForFit("8c3f7d2e-4b1a-4c5d-9e6f-000000000000")).toBe(true);
    expect(checksForFit("8c3f7d2e-4b1a-4c5d-9e6f-000000000008")).toBe(true);
    expect(checksForFit("8c3f7d2e-4b1a-4c5d-9e6f-00000000000f")).toBe(false);
    expect(checksForFit("8c3f7d2e-4b1a-4c5d-9e6f-000000000001")).toBe(false);
  });
});
