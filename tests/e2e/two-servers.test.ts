import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { freePort } from "../setup/free-port";
import { databaseUrl, withClient } from "../setup/pg-template";
import { HttpSession } from "./http";

// Clio as it scales past one machine (docs/deploy.md): two `next start` processes on one PostgreSQL
// database, behind a round-robin proxy written here. Everything a user relies on must hold whichever
// server answers: sessions, "sign out everywhere", rate limits, and one review recorded exactly once.
// The database is made for this run and dropped after it; the machine's PostgreSQL keeps running.

const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const root = process.cwd();
const student = DEMO_USERS.find((u) => u.role === "student")!;
const teacher = DEMO_USERS.find((u) => u.role === "teacher")!;
const DECK = "russia-ukraine-nato";

const reachable = await withClient(SERVER_URL, async (c) => c.query("SELECT 1"))
  .then(() => true)
  .catch(() => false);
if (!reachable && process.env.CI) throw new Error(`The two-server test needs PostgreSQL at ${SERVER_URL}.`);
if (!reachable) console.warn(`\n⚠  The two-server test did NOT run: no PostgreSQL at ${SERVER_URL}.\n`);

const dbName = `clio_two_servers_${randomBytes(4).toString("hex")}`;
const url = databaseUrl(SERVER_URL, dbName);
const servers: { process: ChildProcess; port: number; output: string; served: number }[] = [];
let proxy: http.Server;
let baseUrl: string;

function runScript(script: string) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), [script], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
}

async function startServer(port: number) {
  const server = { port, output: "", served: 0 } as (typeof servers)[number];
  server.process = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: "two-servers-share-this-secret-0123456789",
      CLIO_TRUSTED_PROXIES: "1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  server.process.stdout?.on("data", (d) => (server.output += d));
  server.process.stderr?.on("data", (d) => (server.output += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.process.exitCode !== null) throw new Error(`next start exited:\n${server.output}`);
    const up = await fetch(`http://127.0.0.1:${port}/sign-in`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return server;
    if (Date.now() > deadline) throw new Error(`next start did not answer in 120 s:\n${server.output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A round-robin reverse proxy: each request to the next server, X-Forwarded-For appended as a proxy does. */
function roundRobin(): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = servers[next++ % servers.length]!;
    target.served += 1;
    const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, "x-forwarded-for": forwardedFor },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-clio-backend": String(target.port) });
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Posts a form of a page as a browser without JavaScript does (React renders the action as hidden fields). */
async function submitPageForm(client: HttpSession, page: string, buttonText: string): Promise<Response> {
  const html = await (await client.fetch(page)).text();
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(buttonText));
  if (!form) throw new Error(`No form with "${buttonText}" on ${page}`);
  const body = new FormData();
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g))
    body.append(
      name!.replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
      (value ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
    );
  return client.fetch(page, { method: "POST", body });
}

describe.skipIf(!reachable)("two servers on one PostgreSQL database, behind a round-robin proxy", () => {
  beforeAll(async () => {
    await withClient(SERVER_URL, (c) => c.query(`CREATE DATABASE "${dbName}"`));
    runScript("scripts/db-migrate.ts");
    runScript("scripts/db-seed.ts");
    const [a, b] = [await freePort(), await freePort()];
    servers.push(...(await Promise.all([startServer(a), startServer(b)])));
    proxy = await roundRobin();
    baseUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    proxy?.close();
    await Promise.all(
      servers.map(
        (s) =>
          new Promise((resolve) => {
            s.process.once("exit", resolve);
            s.process.kill("SIGTERM");
          }),
      ),
    );
    await withClient(SERVER_URL, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  });

  it("keeps a session signed in whichever server answers", async () => {
    const client = new HttpSession(baseUrl);
    expect((await client.signIn(student.email, student.password)).status).toBe(302);
    const before = servers.map((s) => s.served);
    for (let i = 0; i < 6; i++) {
      expect(await client.sessionEmail()).toBe(student.email);
      expect((await client.fetch(`/api/decks/${DECK}/queue`)).status).toBe(200);
    }
    servers.forEach((s, i) => expect(s.served - before[i]!, "requests each server answered").toBeGreaterThanOrEqual(6));
  });

  it("signs a user out everywhere: a session signed in through one server is refused by both", async () => {
    const laptop = new HttpSession(baseUrl);
    const phone = new HttpSession(baseUrl);
    await laptop.signIn(teacher.email, teacher.password);
    await phone.signIn(teacher.email, teacher.password);
    expect(await phone.sessionEmail()).toBe(teacher.email);
    const out = await submitPageForm(laptop, "/account", "Sign out everywhere");
    expect([303, 302, 200]).toContain(out.status);
    for (let i = 0; i < 4; i++) {
      expect(await phone.sessionEmail()).toBeNull();
      expect((await phone.fetch(`/api/decks/${DECK}/queue`)).status).toBe(401);
    }
  });

  it("counts sign-in failures in the shared database, so alternating servers does not reset them", async () => {
    const email = `nobody-${Date.now()}@example.org`;
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.pair.max; i++) {
      // A rotating X-Forwarded-For from the client does not help either: the proxy's entry is the one trusted.
      const client = new HttpSession(baseUrl, { "x-forwarded-for": `198.51.100.${i}` });
      statuses.push((await client.signIn(email, "wrong-password")).status);
    }
    expect(statuses).toEqual([...Array<number>(SIGN_IN_LIMITS.pair.max).fill(302), 429]);
  });

  it("records a review exactly once when 20 retries race across both servers", async () => {
    const client = new HttpSession(baseUrl);
    await client.signIn(student.email, student.password);
    const queue = (await (await client.fetch(`/api/decks/${DECK}/queue`)).json()) as {
      cards: { cardId: string; version: number; autoGraded: boolean }[];
    };
    const card = queue.cards.find((c) => !c.autoGraded)!;
    const review = JSON.stringify({
      reviewId: crypto.randomUUID(),
      cardId: card.cardId,
      version: card.version,
      rating: "good",
    });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        client.fetch("/api/reviews", { method: "POST", headers: { "content-type": "application/json" }, body: review }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(
      statuses.every((s) => s === 200 || s === 201),
      statuses.join(" "),
    ).toBe(true);
    expect(new Set(answers.map((r) => r.headers.get("x-clio-backend"))).size).toBe(2);
    const client2 = new pg.Client({ connectionString: url });
    await client2.connect();
    try {
      const { rows } = await client2.query<{ n: string }>(
        `SELECT count(*) AS n FROM "ReviewLog" WHERE "clientReviewId" = $1`,
        [JSON.parse(review).reviewId],
      );
      expect(Number(rows[0]!.n)).toBe(1);
    } finally {
      await client2.end();
    }
  });
});
