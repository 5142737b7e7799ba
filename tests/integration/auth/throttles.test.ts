import { describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import { SIGN_UP_LIMIT, throttleSignUp } from "@/lib/auth/users";
import { createClass, joinClass, JOIN_CODE_LIMIT, previewJoin } from "@/lib/classes/classes";
import { JOIN_CODE_ALPHABET } from "@/lib/classes/join-code";
import { makeUser } from "../fixtures";

const NOW = new Date("2026-11-27T09:00:00Z");

describe("throttles on what costs or reveals", () => {
  it("throttles sign-ups per address, and only that address", async () => {
    const ip = "198.51.100.170";
    for (let i = 0; i < SIGN_UP_LIMIT.max; i++) await throttleSignUp(ip, NOW);
    const error = await throttleSignUp(ip, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).details?.retryAfterSeconds).toBe(SIGN_UP_LIMIT.windowMs / 1000);
    await expect(throttleSignUp("198.51.100.171", NOW)).resolves.toBeUndefined();
    await expect(throttleSignUp(ip, new Date(NOW.getTime() + SIGN_UP_LIMIT.windowMs + 1))).resolves.toBeUndefined();
  });

  it("throttles guessing join codes, counting only wrong ones", async () => {
    const teacher = await makeUser("teacher");
    const student = await makeUser("student");
    const { joinCode } = await createClass(teacher, { name: "History 11B" }, NOW);
    for (let i = 0; i < JOIN_CODE_LIMIT.max; i++) {
      await expect(previewJoin(student, joinCode, NOW)).resolves.toMatchObject({ kind: "join" });
      await expect(joinClass(student, `ZZZZZZZ${JOIN_CODE_ALPHABET[i]}`, NOW)).rejects.toMatchObject({
        code: "join_code_not_found",
      });
    }
    await expect(joinClass(student, "ZZZZZZYY", NOW)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(previewJoin(student, joinCode, NOW)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
