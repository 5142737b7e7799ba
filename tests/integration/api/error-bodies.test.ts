import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { getAuthSecret } from "@/lib/auth/secret";
import { createSession } from "@/lib/auth/sessions";
import { makeUser } from "../fixtures";
import { AUTH_JS_ROUTE, GARBAGE_ID, handlersOf, requestTarget, ROUTE_FILES } from "./route-files";

// docs/api.md promises that every error answer of the JSON API is JSON with a string `code`. This
// walks every route handler under app/api, found on disk so that a new route cannot be left out,
// and calls each of its methods signed out and then signed in with ids and a body that are garbage.

async function expectCodedError(res: Response, status?: number) {
  const text = await res.text();
  if (status !== undefined) expect(res.status, text).toBe(status);
  expect(res.status, text).toBeGreaterThanOrEqual(400);
  expect(res.status, text).toBeLessThan(500);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error?: unknown; code?: unknown };
  expect(typeof body.code, text).toBe("string");
  expect(typeof body.error, text).toBe("string");
}

let cookie: string;
beforeAll(async () => {
  const student = await makeUser("student");
  const sid = await createSession(student.id, new Date());
  cookie = `authjs.session-token=${await encode({ token: { sid }, secret: getAuthSecret(), salt: "authjs.session-token" })}`;
});

describe("every route handler's error answers carry a code", () => {
  it("finds the route handlers", () => {
    expect(ROUTE_FILES).toContain(AUTH_JS_ROUTE);
    expect(ROUTE_FILES.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of ROUTE_FILES.filter((f) => f !== AUTH_JS_ROUTE)) {
    it(`${file}: 401 with a code when signed out`, async () => {
      const handlers = await handlersOf(file);
      expect(handlers.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
      for (const [method, handler] of handlers) {
        const { url, context } = requestTarget(file, GARBAGE_ID);
        const write = { body: "{}", headers: { origin: new URL(url).origin, "content-type": "application/json" } };
        const res = await handler(new Request(url, { method, ...(method === "GET" ? {} : write) }), context);
        await expectCodedError(res, 401);
      }
    });

    it(`${file}: a 4xx with a code for ids and a body that are garbage`, async () => {
      // A GET of a fixed path (GET /api/session) takes no id and no body: nothing there can be garbage.
      const inputs = (await handlersOf(file)).filter(([method]) => method !== "GET" || file.includes("["));
      for (const [method, handler] of inputs) {
        const { url, context } = requestTarget(file, GARBAGE_ID);
        const init: RequestInit = {
          method,
          headers: { cookie, "content-type": "application/json", origin: new URL(url).origin },
          ...(method === "GET" ? {} : { body: "{not json" }),
        };
        await expectCodedError(await handler(new Request(url, init), context));
      }
    });
  }
});
