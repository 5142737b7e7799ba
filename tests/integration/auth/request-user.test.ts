import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { requireSignedInUser } from "@/lib/auth/request-user";
import { getAuthSecret } from "@/lib/auth/secret";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { UnauthenticatedError } from "@/lib/errors";
import { makeUser } from "../fixtures";

// requireSignedInUser remembers the session id of a cookie it has decrypted (lib/auth/request-user.ts):
// what it remembers must never outlive what the token and the session row allow.

const SALT = "authjs.session-token";

async function cookieFor(sid: string, maxAge?: number): Promise<string> {
  return `${SALT}=${await encode({ token: { sid }, secret: getAuthSecret(), salt: SALT, maxAge })}`;
}

const requestWith = (cookie: string) => new Request("http://localhost/api/session", { headers: { cookie } });

afterEach(() => {
  vi.useRealTimers();
});

describe("requireSignedInUser", () => {
  it("answers each cookie's own user, again and again", async () => {
    const [a, b] = [await makeUser("student"), await makeUser("student")];
    const cookieA = await cookieFor(await createSession(a.id, new Date()));
    const cookieB = await cookieFor(await createSession(b.id, new Date()));
    for (let i = 0; i < 3; i++) {
      expect((await requireSignedInUser(requestWith(cookieA))).id).toBe(a.id);
      expect((await requireSignedInUser(requestWith(cookieB))).id).toBe(b.id);
    }
  });

  it("refuses a remembered cookie once its session is revoked", async () => {
    const user = await makeUser("student");
    const sid = await createSession(user.id, new Date());
    const cookie = await cookieFor(sid);
    expect((await requireSignedInUser(requestWith(cookie))).id).toBe(user.id);
    await revokeSession(sid, new Date());
    await expect(requireSignedInUser(requestWith(cookie))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("refuses a remembered cookie once its token has expired, though the session lives on", async () => {
    const user = await makeUser("student");
    const cookie = await cookieFor(await createSession(user.id, new Date()), 60);
    expect((await requireSignedInUser(requestWith(cookie))).id).toBe(user.id);
    // Past the token's expiry and Auth.js's 15 s of clock tolerance; the session row has 30 days.
    vi.useFakeTimers({ now: Date.now() + 120_000, toFake: ["Date"] });
    await expect(requireSignedInUser(requestWith(cookie))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("refuses a cookie that is not a token, and one signed with another secret", async () => {
    await expect(requireSignedInUser(requestWith(`${SALT}=not-a-token`))).rejects.toBeInstanceOf(UnauthenticatedError);
    const user = await makeUser("student");
    const sid = await createSession(user.id, new Date());
    const forged = `${SALT}=${await encode({ token: { sid }, secret: "another-secret-another-secret-another-0", salt: SALT })}`;
    await expect(requireSignedInUser(requestWith(forged))).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(requireSignedInUser(new Request("http://localhost/api/session"))).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
  });
});
