import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "../../setup/free-port";

// A database outage, as the route handlers meet it: DATABASE_URL names a PostgreSQL port where
// nothing listens (the machine's own server keeps running for everyone else). The modules under
// test are loaded afresh with that URL; the file's own database client is put back afterwards.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const cache = globalThis as { __clioDb?: unknown };
const saved = { db: cache.__clioDb, url: process.env.DATABASE_URL, secret: process.env.AUTH_SECRET };
const SECRET = "outage-test-secret-outage-test-secret-0123";
let cookie: string;
let routes: { reviews: { POST: Handler }; queue: { GET: Handler } };

beforeAll(async () => {
  process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${await freePort()}/clio`;
  process.env.AUTH_SECRET = SECRET;
  delete cache.__clioDb;
  vi.resetModules();
  routes = {
    reviews: (await import("@/app/api/reviews/route")) as unknown as { POST: Handler },
    queue: (await import("@/app/api/decks/[slug]/queue/route")) as unknown as { GET: Handler },
  };
  const token = await encode({ token: { sid: crypto.randomUUID() }, secret: SECRET, salt: "authjs.session-token" });
  cookie = `authjs.session-token=${token}`;
});

afterAll(async () => {
  const outageDb = cache.__clioDb as { $disconnect(): Promise<void> } | undefined;
  await outageDb?.$disconnect().catch(() => undefined);
  cache.__clioDb = saved.db;
  for (const [name, value] of [
    ["DATABASE_URL", saved.url],
    ["AUTH_SECRET", saved.secret],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
});

describe("while the database is unreachable", () => {
  it("the JSON API answers 503 with a code and Retry-After, and logs one line for many failures", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const origin = "http://localhost";
    const answers: Response[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push(
        await routes.reviews.POST(
          new Request(`${origin}/api/reviews`, {
            method: "POST",
            headers: { cookie, origin, "content-type": "application/json" },
            body: JSON.stringify({ cardId: "c1", rating: "good", reviewId: crypto.randomUUID() }),
          }),
          { params: Promise.resolve({}) },
        ),
      );
      answers.push(
        await routes.queue.GET(new Request(`${origin}/api/decks/demo/queue`, { headers: { cookie } }), {
          params: Promise.resolve({ slug: "demo" }),
        }),
      );
    }
    for (const res of answers) {
      const text = await res.text();
      expect(res.status, text).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(JSON.parse(text)).toEqual({ error: expect.stringMatching(/database/), code: "database_unavailable" });
    }
    const lines = logged.mock.calls.map((args) => args.map(String).join(" "));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Database unavailable, answering 503: .*(Can't reach database server|ECONNREFUSED)/);
    expect(lines[0]).not.toContain("\n");
  });
});
