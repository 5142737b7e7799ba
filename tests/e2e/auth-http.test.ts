import { describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { HttpSession } from "./http";

const baseUrl = inject("baseUrl");
const student = DEMO_USERS.find((u) => u.role === "student")!;

describe("sign-in over HTTP", () => {
  it("answers 429 with Retry-After once an account has failed too often", async () => {
    // A spoofed address keeps this test's failures off the other tests' IP budget.
    const client = new HttpSession(baseUrl, { "x-forwarded-for": "203.0.113.77" });
    const email = `nobody-${Date.now()}@example.org`;
    for (let i = 0; i < SIGN_IN_LIMITS.pair.max; i++) {
      const res = await client.signIn(email, "wrong-password");
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toContain("error=CredentialsSignin");
    }
    const limited = await client.signIn(email, "wrong-password");
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.pair.windowMs / 1000);
    const body = (await limited.json()) as { error: string; code: string };
    expect(body.error).toMatch(/Too many sign-in attempts. Try again in \d+ minutes?\./);
    expect(body.code).toBe("rate_limited");
  });

  it("gives a signed-in session, and a forged or garbled cookie gets none", async () => {
    const client = new HttpSession(baseUrl, { "x-forwarded-for": "203.0.113.78" });
    const res = await client.signIn(student.email, student.password);
    expect(res.status).toBe(302);
    expect(await client.sessionEmail()).toBe(student.email);
    expect((await client.fetch("/api/decks/russia-ukraine-nato/queue")).status).toBe(200);

    const forged = new HttpSession(baseUrl);
    forged.setCookie("authjs.session-token", "not-a-real-token");
    expect(await forged.sessionEmail()).toBeNull();
  });

  it("refuses a session's cookie after that session signs out, even if the cookie is replayed", async () => {
    const client = new HttpSession(baseUrl, { "x-forwarded-for": "203.0.113.79" });
    await client.signIn(student.email, student.password);
    const token = client.cookie("authjs.session-token")!;
    expect(token).toBeTruthy();
    const { csrfToken } = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const out = await client.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/" }),
    });
    expect(out.status).toBe(302);

    const replay = new HttpSession(baseUrl);
    replay.setCookie("authjs.session-token", token);
    expect(await replay.sessionEmail()).toBeNull();
    // The JSON API checks the same session row.
    const api = await replay.fetch("/api/decks/russia-ukraine-nato/queue");
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: "Sign in to continue.", code: "unauthenticated" });
  });
});
