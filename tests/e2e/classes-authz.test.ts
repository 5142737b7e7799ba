import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { HTTP_MATRIX, ROLES, type HttpAnswer, type MatrixFixture, type Role } from "../integration/classes/route-matrix";
import { useChromium } from "./browser";
import { HttpSession } from "./http";

// The authorization matrix, part two: every page and route handler of classes, assignments and
// dashboards, requested over HTTP from the running app as each kind of user. The fixture is made
// through the UI; tests/integration/classes/authorization.test.ts checks that every route has a
// row (and covers the server actions).

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
    fixture = { classId, assignmentId, joinCode };

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
  });

  for (const row of HTTP_MATRIX) {
    for (const role of ROLES) {
      const expected = row.expect[role];
      it(`${row.route} (${row.variant}) as ${role}: ${expected}`, async () => {
        const res = await sessions[role].fetch(row.path(fixture));
        const answer = answerOf(res);
        expect(answer).toBe(expected);
        const body = await res.text();
        // A refusal never carries the class's name or code, nor a student's 200 the code (on /join
        // the code is in the URL itself).
        if (!row.route.startsWith("GET /join") && (expected !== 200 || role !== "owner")) expect(body).not.toContain(fixture.joinCode);
        if (typeof expected === "number" && expected >= 400) expect(body).not.toContain(className);
        if (row.route.includes("students.csv") && expected === 200) {
          expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
          expect(body).toContain("Student In");
        }
        if (row.route.includes("students.csv") && typeof expected === "number" && expected >= 400) {
          expect(res.headers.get("content-type")).toMatch(/^application\/json/);
          expect(((JSON.parse(body) as { error: string }).error)).toMatch(/\w/);
        }
      });
    }
  }

  it("tells a teacher who opens a join link that teacher accounts can't join", async () => {
    const body = await (await sessions.otherTeacher.fetch(`/join/${fixture.joinCode}`)).text();
    expect(body).toContain("Teacher accounts can");
  });
});
