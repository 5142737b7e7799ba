import fc from "fast-check";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getAuthSecret } from "@/lib/auth/secret";
import { createSession } from "@/lib/auth/sessions";
import { makeUser } from "../fixtures";
import { AUTH_JS_ROUTE, handlersOf, requestTarget, ROUTE_FILES, type Handler } from "./route-files";

// The fuzzing probe as a test: generated bad path segments, headers and bodies sent to every route
// handler under app/api (found on disk), signed in and out. Whatever arrives, the answer is never a
// 5xx. A fixed seed, so a failure replays; fast-check shrinks it to the smallest request that fails.

const SEED = 20_260_301;
const TOTAL_RUNS = 350;

let requests = 0;
let serverErrors = 0;
const cookies: string[] = [];

beforeAll(async () => {
  const user = await makeUser("teacher");
  const sid = await createSession(user.id, new Date());
  const token = await encode({ token: { sid }, secret: getAuthSecret(), salt: "authjs.session-token" });
  cookies.push(`authjs.session-token=${token}`, "authjs.session-token=garbage", `authjs.session-token=${token}x`);
});

afterAll(() => {
  console.log(`api fuzz: ${requests} requests, ${serverErrors} answered 5xx`);
});

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });
/** Text that has broken Clio before: NUL, lone surrogates, huge and odd numbers, traversal, SQL. */
const nasty = fc.constantFrom(
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfff",
  "../../etc/passwd",
  "' OR 1=1 --",
  "%ff",
  "%00",
  "9".repeat(400),
  "-1",
  "1e309",
  "NaN",
  "null",
  "00000000-0000-0000-0000-000000000000",
  "ｆｕｌｌｗｉｄｔｈ",
  "😀".repeat(50),
);
const segment = fc.oneof(nasty, fc.uuid(), fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 12 }));
const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null"),
  fc
    .dictionary(
      fc.constantFrom("cardId", "deckSlug", "rating", "reviewId", "version", "title", "cards", "studentIds", "dueAt"),
      fc.oneof(nasty, fc.jsonValue({ maxDepth: 2 }), fc.uuid(), fc.integer(), fc.double()),
    )
    .map((v) => JSON.stringify(v)),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom("", "{", "[]", "null", '{"__proto__":{"x":1}}', '"\\ud800"', '{"a":"\\u0000"}'),
);
const request = fc.record({
  segment,
  body: jsonish,
  contentType: fc.oneof(
    fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "multipart/form-data"),
    printable,
  ),
  origin: fc.option(fc.constantFrom("http://localhost", "http://evil.example", "null", "garbage"), { nil: undefined }),
  fetchSite: fc.option(fc.constantFrom("same-origin", "cross-site", "none", "same-site"), { nil: undefined }),
  cookie: fc.option(fc.nat({ max: 2 }), { nil: undefined }),
  query: fc.option(printable, { nil: undefined }),
});

type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

async function send(method: string, handler: Handler, file: string, r: FuzzRequest) {
  const { url, context } = requestTarget(file, r.segment);
  const headers = new Headers({ "content-type": r.contentType });
  if (r.origin) headers.set("origin", r.origin);
  if (r.fetchSite) headers.set("sec-fetch-site", r.fetchSite);
  if (r.cookie !== undefined) headers.set("cookie", cookies[r.cookie]!);
  const target = r.query === undefined ? url : `${url}?${encodeURIComponent(r.query)}`;
  requests += 1;
  // A handler that throws is a 500 from Next, with an empty body.
  const res = await handler(
    new Request(target, { method, headers, ...(method === "GET" ? {} : { body: r.body }) }),
    context,
  ).catch((error: unknown) => new Response(String(error), { status: 500 }));
  if (res.status >= 500) serverErrors += 1;
  return res;
}

describe("fuzzing every route handler", () => {
  const routes = ROUTE_FILES.filter((f) => f !== AUTH_JS_ROUTE);

  it("answers generated bad paths, headers and bodies with a status below 500", async () => {
    // Unexplained failures are logged (app/_lib/route.ts): here they show in the assertion instead.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const targets = (await Promise.all(routes.map(async (f) => (await handlersOf(f)).map((h) => [f, ...h] as const))))
      .flat()
      .map(([file, method, handler]) => ({ file, method, handler }));
    const numRuns = Math.ceil(TOTAL_RUNS / targets.length);
    for (const { file, method, handler } of targets) {
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const res = await send(method, handler, file, r);
          const text = await res.text();
          expect(res.status, `${method} ${file} ${JSON.stringify(r)}: ${text}`).toBeLessThan(500);
        }),
        { seed: SEED, numRuns },
      );
    }
    expect(requests).toBeGreaterThanOrEqual(TOTAL_RUNS);
    expect(serverErrors).toBe(0);
  });
});
