import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  HTTP_MATRIX,
  ROLES,
  type HttpAnswer,
  type MatrixFixture,
  type Role,
} from "../integration/classes/route-matrix";
import { SCIENCE_ARTICLE } from "../integration/drafts/articles";
import { useChromium } from "./browser";
import { HttpSession } from "./http";

// The authorization matrix, part two: every page and route handler of route-matrix.ts's roots,
// requested over HTTP from the running app as each kind of user. The fixture is made through the UI
// and the API; tests/integration/classes/authorization.test.ts checks that every route has a row
// (and covers the server actions).

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const PASSWORD = "classes-matrix-password-2026";

async function signUp(browser: Browser, role: "student" | "teacher", name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `matrix-${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.org`;
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("radio", { name: role === "teacher" ? "Teacher" : "Student" }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseUrl}/?welcome=1`);
  return { page, email };
}

function answerOf(res: Response): HttpAnswer | number {
  const location = res.headers.get("location") ?? "";
  if ([302, 303, 307].includes(res.status) && /\/sign-in\b/.test(location)) return "sign-in";
  if ([302, 303, 307].includes(res.status) && /^(https?:\/\/[^/]+)?\/\?error=teachers-only$/.test(location))
    return "home";
  return res.status;
}

describe.runIf(chromiumPath)("the class routes, as every kind of user", () => {
  const browser = useChromium();
  const sessions = {} as Record<Role, HttpSession>;
  let fixture: MatrixFixture;
  let className: string;

  beforeAll(async () => {
    const [owner, otherTeacher, studentIn, studentOut] = [
      await signUp(browser(), "teacher", "Owner Teacher"),
      await signUp(browser(), "teacher", "Other Teacher"),
      await signUp(browser(), "student", "Student In"),
      await signUp(browser(), "student", "Student Out"),
    ];
    className = `Matrix ${Date.now()}`;
    await owner.page.goto(`${baseUrl}/classes`);
    await owner.page.getByLabel("Class name").fill(className);
    await owner.page.getByRole("button", { name: "Create class" }).click();
    await owner.page.waitForURL(/\/classes\/[0-9a-f-]{36}$/);
    const classId = owner.page.url().split("/").pop()!;
    const joinCode = (await owner.page.getByTestId("join-code").innerText()).trim();
    await owner.page.getByRole("button", { name: "Assign deck" }).click();
    await owner.page.getByRole("link", { name: "Dashboard →" }).first().waitFor();
    const href = (await owner.page.getByRole("link", { name: "Dashboard →" }).first().getAttribute("href"))!;
    const assignmentId = href.split("/").pop()!;

    await studentIn.page.goto(`${baseUrl}/join/${joinCode}`);
    await studentIn.page.getByRole("button", { name: "Join class" }).click();
    await studentIn.page.waitForURL(`${baseUrl}/classes/${classId}?joined=1`);

    await owner.page.goto(`${baseUrl}/decks/new`);
    await owner.page.getByLabel("Deck title").fill(`Matrix draft ${Date.now()}`);
    await owner.page.getByLabel("Article text").fill(SCIENCE_ARTICLE);
    await owner.page.getByRole("button", { name: "Draft the cards" }).click();
    await owner.page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
    const draftId = owner.page.url().split("/").pop()!;

    // One address per session: the matrix's sign-ins stay off the other tests' rate-limit budget.
    const accounts = { owner, otherTeacher, studentIn, studentOut };
    sessions.anonymous = new HttpSession(baseUrl, { "x-forwarded-for": "203.0.113.120" });
    for (const [i, [role, account]] of Object.entries(accounts).entries()) {
      const session = new HttpSession(baseUrl, { "x-forwarded-for": `203.0.113.${121 + i}` });
      expect((await session.signIn(account.email, PASSWORD)).status).toBe(302);
      expect(await session.sessionEmail()).toBe(account.email);
      sessions[role as Role] = session;
    }
    for (const { page } of Object.values(accounts)) await page.context().close();

    // The owner's private deck (published from a second draft, assigned to nobody), and two reviews
    // of one of its cards: the first is the matrix's review, which not even the owner may undo.
    const api = async <T>(path: string, method: "GET" | "POST", body?: unknown): Promise<T> => {
      const res = await sessions.owner.fetch(path, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(res.ok, await res.clone().text()).toBe(true);
      return (await res.json()) as T;
    };
    const { version } = await api<{ version: number }>(`/api/drafts/${draftId}`, "GET");
    const { slug: deckSlug } = await api<{ slug: string }>(`/api/drafts/${draftId}/publish`, "POST", { version });
    const queue = await api<{ cards: { cardId: string; autoGraded: boolean; type: string; options: string[] }[] }>(
      `/api/decks/${deckSlug}/queue`,
      "GET",
    );
    const card = queue.cards.find((c) => !c.autoGraded) ?? queue.cards.find((c) => c.type === "multiple_choice")!;
    const answer = card.autoGraded ? { response: { kind: "choice", choice: card.options[0] } } : { rating: "again" };
    const first = await api<{ reviewId: string; state: { version: number } }>("/api/reviews", "POST", {
      reviewId: crypto.randomUUID(),
      cardId: card.cardId,
      version: 0,
      answerMs: 4000,
      ...answer,
    });
    await api("/api/reviews", "POST", {
      reviewId: crypto.randomUUID(),
      cardId: card.cardId,
      version: first.state.version,
      answerMs: 4000,
      ...answer,
    });
    fixture = { classId, assignmentId, joinCode, draftId, deckSlug, cardId: card.cardId, reviewId: first.reviewId };
  });

  for (const row of HTTP_MATRIX) {
    for (const role of ROLES) {
      const expected = row.expect[role];
      it(`${row.route} (${row.variant}) as ${role}: ${expected}`, async () => {
        const res = await sessions[role].fetch(row.path(fixture), {
          method: row.method ?? "GET",
          ...(row.method
            ? { headers: { "content-type": "application/json" }, body: JSON.stringify(row.body?.(fixture) ?? {}) }
            : {}),
        });
        const answer = answerOf(res);
        expect(answer).toBe(expected);
        const body = await res.text();
        // A refusal never carries the class's name or code, nor a student's 200 the code (on /join
        // the code is in the URL itself).
        if (!row.route.startsWith("GET /join") && (expected !== 200 || role !== "owner"))
          expect(body).not.toContain(fixture.joinCode);
        if (typeof expected === "number" && expected >= 400) expect(body).not.toContain(className);
        if (row.route.includes("students.csv") && expected === 200) {
          expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
          expect(body).toContain("Student In");
        }
        if (row.route.includes(" /api/") && typeof expected === "number" && expected >= 400) {
          expect(res.headers.get("content-type")).toMatch(/^application\/json/);
          expect(typeof (JSON.parse(body) as { code?: unknown }).code).toBe("string");
        }
        if (row.route.includes("students.csv") && typeof expected === "number" && expected >= 400) {
          expect(res.headers.get("content-type")).toMatch(/^application\/json/);
          expect((JSON.parse(body) as { error: string }).error).toMatch(/\w/);
        }
      });
    }
  }

  it("tells a teacher who opens a join link that teacher accounts can't join", async () => {
    const body = await (await sessions.otherTeacher.fetch(`/join/${fixture.joinCode}`)).text();
    expect(body).toContain("Teacher accounts can");
  });
});
