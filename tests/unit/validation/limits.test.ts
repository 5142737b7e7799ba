import { describe, expect, it } from "vitest";
import path from "node:path";
import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/validation/limits";
import { MAX_UPLOAD_BYTES } from "@/lib/content/drafts";

describe("the server-action body limit", () => {
  it("is the same number in next.config.js and lib/validation/limits.ts", async () => {
    const nextConfig = ((await import(path.resolve("next.config.js"))) as { default: NextConfig }).default;
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT_BYTES);
  });

  it("leaves room for an over-long upload to reach the action and get its own message", () => {
    // The form sends at most a pasted text and a file, each MAX_UPLOAD_BYTES; anything up to the
    // limit reaches createDraftAction, which names the file and the article limit.
    expect(SERVER_ACTION_BODY_LIMIT_BYTES).toBeGreaterThan(2 * MAX_UPLOAD_BYTES + 1024 * 1024);
  });
});
