import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { HttpSession } from "./http";

const baseUrl = inject("baseUrl");
const student = DEMO_USERS.find((u) => u.role === "student")!;

/** A request from another loopback address (127.0.0.x), so its failures get a budget of their own. */
function requestFrom(
  localAddress: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const url = new URL(path, baseUrl);
  return new Promise<{ status: number; cookies: string[]; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: init.method ?? "GET",
        localAddress,
        headers: init.headers,
      },
      (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!),
            body,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

/** A failed credentials sign-in from `localAddress`, as Auth.js's own client sends it (CSRF token first). */
async function failSignInFrom(localAddress: string, email: string, forwardedFor: string): Promise<number> {
  const csrf = await requestFrom(localAddress, "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await requestFrom(localAddress, "/api/auth/callback/credentials", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrf.cookies.join("; "),
      "x-forwarded-for": forwardedFor,
    },
    body: new URLSearchParams({ email, password: "wrong-password", csrfToken, callbackUrl: "/" }).toString(),
  });
  return res.status;
}

describe("hardening, over HTTP against next start", () => {
  it("sends security headers on pages, the API and files, with a fresh nonce on every page script", async () => {
    const page = await fetch(`${baseUrl}/sign-in`);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.headers.get("strict-transport-security")).toBeNull();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await fetch(`${baseUrl}/sign-in`);
    expect(again.headers.get("content-security-policy")).not.toContain(nonce);

    const api = await fetch(`${baseUrl}/api/decks/russia-ukraine-nato/queue`);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    // The queue skips proxy.ts (its matcher) and carries next.config.js's JSON policy, without a nonce.
    expect(api.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    expect((await fetch(baseUrl + asset)).headers.get("x-content-type-options")).toBe("nosniff");

    const overTls = await fetch(`${baseUrl}/sign-in`, { headers: { "x-forwarded-proto": "https" } });
    expect(overTls.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });

  it("refuses a cross-site or text/plain write that carries a valid session cookie", async () => {
    const client = new HttpSession(baseUrl);
    expect((await client.signIn(student.email, student.password)).status).toBe(302);
    const review = JSON.stringify({
      reviewId: crypto.randomUUID(),
      cardId: crypto.randomUUID(),
      version: 0,
      rating: "good",
    });
    const forged = await client.fetch("/api/reviews", {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "http://evil.example", "sec-fetch-site": "cross-site" },
      body: review,
    });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ code: "cross_origin" });
    const plain = await client.fetch("/api/reviews", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: review,
    });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toMatchObject({ code: "unsupported_media_type" });
    const huge = await client.fetch("/api/reviews", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: "body_too_large" });
  });

  it("answers bad path segments with a 4xx, never a 500", async () => {
    const client = new HttpSession(baseUrl);
    await client.signIn(student.email, student.password);
    for (const path of [
      "/api/decks/%00/queue",
      "/api/decks/%ff/queue",
      "/api/decks/%ED%A0%80/queue",
      "/decks/%ff",
      "/decks/%00",
      "/join/%ff",
    ]) {
      const res = await client.fetch(path);
      expect([400, 404], path).toContain(res.status);
    }
  });

  it("limits sign-in failures by the connection's address, whatever X-Forwarded-For says", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.ip.max; i++)
      statuses.push(
        await failSignInFrom("127.0.0.9", `rotating-${i}-${Date.now()}@example.org`, `198.51.100.${i % 250}`),
      );
    expect(statuses.slice(0, SIGN_IN_LIMITS.ip.max).every((s) => s !== 429)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another address (and the demo student on it) is unaffected.
    const client = new HttpSession(baseUrl, { "x-forwarded-for": "127.0.0.9" });
    expect((await client.signIn(student.email, student.password)).status).toBe(302);
    expect(await client.sessionEmail()).toBe(student.email);
  });
});
