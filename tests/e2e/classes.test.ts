import type { Browser, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const DECK_TITLE = /Russia, Ukraine and NATO/;

/** A new account through the sign-up form, in a browser context of its own. */
async function signUpInNewContext(
  browser: Browser,
  role: "student" | "teacher",
  name: string,
): Promise<{ page: Page; email: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.org`;
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("classes-e2e-password-2026");
  await page.getByRole("radio", { name: role === "teacher" ? "Teacher" : "Student" }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseUrl}/?welcome=1`);
  return { page, email };
}

/**
 * Answers the card on screen: a self-graded card with Show answer, then Good (it moves straight on);
 * any other with its first option (or as it stands), then Continue after the result.
 */
async function answerCard(page: Page): Promise<void> {
  const card = page.getByTestId("study-card");
  await card.waitFor();
  const prompt = await page.locator("#prompt").innerText();
  const type = await card.getAttribute("data-card-type");
  const selfGraded = (await page.getByRole("button", { name: /Show answer/ }).count()) > 0;
  const reviewed = page.waitForResponse((r) => r.url().endsWith("/api/reviews") && r.request().method() === "POST");
  if (selfGraded) {
    await page.getByRole("button", { name: /Show answer/ }).click();
    await page.getByRole("group", { name: "Rate your recall" }).getByRole("button", { name: /Good/ }).click();
  } else if (type === "cloze") {
    await page.keyboard.type("no idea");
    await page.keyboard.press("Enter");
  } else if (type === "timeline") {
    await page.keyboard.press("Enter");
  } else {
    await page.keyboard.press("1");
    await page.keyboard.press("Enter");
  }
  expect((await reviewed).status()).toBe(201);
  if (!selfGraded) {
    await page.getByTestId("answer-result").waitFor();
    await page.getByRole("button", { name: /Continue/ }).click();
  }
  await page.waitForFunction(
    (old) =>
      document.querySelector("#prompt")?.textContent !== old ||
      document.querySelector("[data-testid=session-summary], [data-testid=waiting]") !== null,
    prompt,
  );
}

describe.runIf(chromiumPath)("a class in Chromium", () => {
  const browser = useChromium();

  it("a teacher creates a class, a student joins with the code, the teacher assigns the deck, the student studies, and the dashboard shows it", async () => {
    // The teacher creates a class.
    const { page: teacher } = await signUpInNewContext(browser(), "teacher", "Tess Teacher");
    await teacher.getByRole("link", { name: "Classes" }).click();
    await teacher.waitForURL(`${baseUrl}/classes`);
    await teacher.getByRole("button", { name: "Create class" }).click();
    await expect(teacher.locator("#class-name-error").textContent()).resolves.toBe("Give the class a name.");
    await teacher.getByLabel("Class name").fill("Modern History 9C");
    await teacher.getByRole("button", { name: "Create class" }).click();
    await teacher.waitForURL(/\/classes\/[0-9a-f-]{36}$/);
    const classUrl = teacher.url();
    const code = (await teacher.getByTestId("join-code").innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    await expect(teacher.getByLabel("…or this link").inputValue()).resolves.toBe(`${baseUrl}/join/${code}`);

    // A student joins with the code: a mistyped one first, then the code as typed from the board.
    const { page: student, email: studentEmail } = await signUpInNewContext(browser(), "student", "Stu Dent");
    await student.goto(`${baseUrl}/classes`);
    await student.getByLabel("Class code").fill("ABCD-EFG0");
    await student.getByRole("button", { name: "Join class" }).click();
    await expect(student.locator("#join-code-error").textContent()).resolves.toMatch(/never contain 0, O, 1 or I/);
    await student.getByLabel("Class code").fill("ZZZZ-ZZZZ");
    await student.getByRole("button", { name: "Join class" }).click();
    await student
      .locator("#join-code-error")
      .getByText(/No class uses the code ZZZZ-ZZZZ/)
      .waitFor();
    await student.getByLabel("Class code").fill(` ${code.toLowerCase().replace("-", " ")} `);
    await student.getByRole("button", { name: "Join class" }).click();
    await student.waitForURL(`${classUrl}?joined=1`);
    await expect(student.getByRole("status").filter({ hasText: "You joined the class" }).isVisible()).resolves.toBe(
      true,
    );
    await expect(student.getByText("Nothing assigned yet.").isVisible()).resolves.toBe(true);
    // No roster and no code on the student's side.
    await expect(student.getByTestId("join-code").count()).resolves.toBe(0);

    // The teacher sees the student and assigns the deck.
    await teacher.reload();
    await expect(teacher.getByTestId("roster-row").filter({ hasText: "Stu Dent" }).count()).resolves.toBe(1);
    await teacher.getByLabel("Deck").selectOption({
      label: (
        await teacher.getByLabel("Deck").locator("option").filter({ hasText: DECK_TITLE }).first().innerText()
      ).trim(),
    });
    await teacher.getByLabel(/Target recall/).fill("85");
    await teacher.getByRole("button", { name: "Assign deck" }).click();
    await teacher.getByRole("status").filter({ hasText: "Assigned." }).waitFor();
    await expect(teacher.getByTestId("assignment-row").filter({ hasText: DECK_TITLE }).innerText()).resolves.toMatch(
      /85%, every card/,
    );

    // The student sees the assignment, studies three cards.
    await student.goto(classUrl);
    const item = student.getByTestId("student-assignment").filter({ hasText: DECK_TITLE });
    await expect(item.innerText()).resolves.toMatch(/Not started/);
    await item.getByRole("link", { name: "Study" }).click();
    await student.waitForURL(/\/study\/russia-ukraine-nato$/);
    for (let i = 0; i < 3; i++) await answerCard(student);
    await student.goto(classUrl);
    await expect(item.innerText()).resolves.toMatch(/3 of \d+ cards studied/);

    // The teacher's dashboard shows that student's reviews.
    await teacher.getByRole("link", { name: "Dashboard →" }).click();
    await teacher.waitForURL(/\/classes\/[0-9a-f-]{36}\/assignments\/[0-9a-f-]{36}$/);
    const row = teacher.locator(`[data-testid=student-row][data-student="${studentEmail}"]`);
    await expect(row.locator("[data-col=reviews]").innerText()).resolves.toBe("3");
    await expect(row.locator("[data-col=cards-started]").innerText()).resolves.toMatch(/^3 \/ \d+$/);
    await expect(row.locator("[data-col=predicted-recall]").innerText()).resolves.toMatch(/^\d+%$/);
    await expect(teacher.getByTestId("card-row").count()).resolves.toBeGreaterThan(3);
    await expect(
      teacher
        .getByTestId("card-row")
        .first()
        .getByRole("link", { name: /Read the passage/ })
        .getAttribute("href"),
    ).resolves.toMatch(/^\/decks\/russia-ukraine-nato\/article\?card=/);

    // The CSV export, with the teacher's cookies.
    const csvHref = (await teacher.getByRole("link", { name: "Download CSV" }).getAttribute("href"))!;
    const csv = await teacher.request.get(`${baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "name,email,status,cards_started,cards_total,reviews,accuracy_percent,last_active_utc,predicted_recall_percent",
    );
    expect(lines.find((l) => l.includes(studentEmail))).toMatch(
      new RegExp(`^Stu Dent,${studentEmail.replace(/\./g, "\\.")},[A-Za-z ]+,3,\\d+,3,`),
    );

    // On a phone the dashboard fits: tables scroll inside their cards, the page does not.
    await teacher.setViewportSize({ width: 390, height: 844 });
    await teacher.reload();
    await expect(teacher.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);

    await teacher.context().close();
    await student.context().close();
  });
});
