import type { Browser, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { seriousAxeViolations, sidewaysOverflow } from "./a11y";

// Plan to a date in Chromium (issue 11): a teacher sets a target on an assignment, sees the
// retention/workload chart, applies the recommendation; the student's deck then schedules with it.

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const DECK_TITLE = /Russia, Ukraine and NATO/;
const DECK_SLUG = "russia-ukraine-nato";
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function signUp(browser: Browser, role: "student" | "teacher", name: string): Promise<Page> {
  // bypassCSP: axe-core arrives as an inline script.
  const context = await browser.newContext({ viewport: DESKTOP, bypassCSP: true });
  const page = await context.newPage();
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.org`;
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("plan-e2e-password-2026");
  await page.getByRole("radio", { name: role === "teacher" ? "Teacher" : "Student" }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseUrl}/?welcome=1`);
  return page;
}

/** axe finds nothing serious, and nothing scrolls sideways, at desktop and phone sizes. */
async function checkPage(page: Page): Promise<void> {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.reload();
    expect(await seriousAxeViolations(page), `axe at ${size.width} px on ${page.url()}`).toEqual([]);
    expect(await sidewaysOverflow(page), `sideways scroll at ${size.width} px on ${page.url()}`).toBe(0);
  }
  await page.setViewportSize(DESKTOP);
}

/** When Easy would bring the student's first self-graded new card back, from their queue. */
async function easyDue(page: Page): Promise<number> {
  const res = await page.request.get(`${baseUrl}/api/decks/${DECK_SLUG}/queue?limit=100`);
  expect(res.status()).toBe(200);
  const queue = (await res.json()) as { cards: { kind: string; intervals: { easy: { due: string } } | null }[] };
  const card = queue.cards.find((c) => c.kind === "new" && c.intervals !== null);
  expect(card, "a self-graded new card in the queue").toBeDefined();
  return Date.parse(card!.intervals!.easy.due);
}

describe.runIf(chromiumPath)("plan to a date in Chromium", () => {
  const browser = useChromium();

  it("a teacher sees the retention/workload chart, applies the recommendation, and the student's deck schedules with it", async () => {
    const teacher = await signUp(browser(), "teacher", "Paula Planner");
    await teacher.goto(`${baseUrl}/classes`);
    await teacher.getByLabel("Class name").fill("Planning 10A");
    await teacher.getByRole("button", { name: "Create class" }).click();
    await teacher.waitForURL(/\/classes\/[0-9a-f-]{36}$/);
    const classUrl = teacher.url();
    const code = (await teacher.getByTestId("join-code").innerText()).trim();

    const student = await signUp(browser(), "student", "Sam Student");
    await student.goto(`${baseUrl}/classes`);
    await student.getByLabel("Class code").fill(code);
    await student.getByRole("button", { name: "Join class" }).click();
    await student.waitForURL(`${classUrl}?joined=1`);

    // A target of 50% on the test day: the lowest retention simulated, 70%, meets it.
    await teacher.reload();
    await teacher.getByLabel("Deck").selectOption({
      label: (
        await teacher.getByLabel("Deck").locator("option").filter({ hasText: DECK_TITLE }).first().innerText()
      ).trim(),
    });
    await teacher.getByLabel(/Target recall/).fill("50");
    await teacher.getByRole("button", { name: "Assign deck" }).click();
    await teacher.getByRole("status").filter({ hasText: "Assigned." }).waitFor();

    const before = await easyDue(student);

    // The assignment page: the chart, the target line, the recommendation.
    await teacher.getByRole("link", { name: "Dashboard →" }).click();
    await teacher.waitForURL(/\/classes\/[0-9a-f-]{36}\/assignments\/[0-9a-f-]{36}$/);
    const plan = teacher.getByTestId("plan");
    await expect(plan.getByTestId("plan-chart").isVisible()).resolves.toBe(true);
    await expect(plan.getByTestId("plan-chart").locator("[data-retention]").count()).resolves.toBe(6);
    await expect(plan.getByTestId("plan-chart").textContent()).resolves.toMatch(/target 50%/);
    await expect(plan.getByTestId("plan-recommendation").innerText()).resolves.toMatch(
      /^Recommended: 70% desired retention, about [\d.]+ minutes a day per student for a predicted \d+% recall on /,
    );
    await expect(plan.getByTestId("plan-applied").innerText()).resolves.toMatch(/its own desired retention \(90%\)/);
    await checkPage(teacher);
    // Legible on a phone: the chart spans the card, its labels at least 10 px high.
    await teacher.setViewportSize(PHONE);
    const chartWidth = await plan.getByTestId("plan-chart").evaluate((svg) => svg.getBoundingClientRect().width);
    expect(chartWidth).toBeGreaterThan(280);
    const labelHeight = await plan
      .getByTestId("plan-chart")
      .locator("text")
      .first()
      .evaluate((t) => t.getBoundingClientRect().height);
    expect(labelHeight).toBeGreaterThanOrEqual(10);
    await teacher.setViewportSize(DESKTOP);

    // Applying the recommendation (preselected).
    await expect(teacher.getByLabel("Desired retention for this deck").inputValue()).resolves.toBe("70");
    await teacher.getByRole("button", { name: "Apply to the class" }).click();
    await teacher
      .getByRole("status")
      .filter({ hasText: "Applied: your students now study this deck at 70%" })
      .waitFor();
    await teacher.reload();
    await expect(plan.getByTestId("plan-applied").innerText()).resolves.toMatch(/at 70% desired retention/);

    // The student's deck now schedules with 70%: Easy on a new card waits days longer than at 90%.
    const after = await easyDue(student);
    expect(after - before).toBeGreaterThan(86_400_000);
    // And the student is told what their teacher set, and why.
    await student.goto(`${baseUrl}/study/${DECK_SLUG}`);
    await expect(student.getByTestId("teacher-retention").innerText()).resolves.toMatch(
      /^Your teacher set 70% retention for this deck to reach 50% recall by .+ \(Planning 10A\)/,
    );
    await checkPage(student);
    await student.goto(`${baseUrl}/progress`);
    await expect(student.getByTestId("your-model").innerText()).resolves.toMatch(
      /FSRS's default memory model schedules you/,
    );
    await checkPage(student);

    // The class page: the memory model, a refit on demand and its state.
    await teacher.goto(classUrl);
    const model = teacher.getByTestId("class-model");
    await expect(model.getByTestId("fit-state").innerText()).resolves.toBe("No refit asked for yet.");
    await model.getByRole("button", { name: "Refit now" }).click();
    await model
      .getByRole("status")
      .filter({ hasText: /^Queued: a refit of the class and its 1 student;/ })
      .waitFor();
    await teacher.reload();
    await expect(model.getByTestId("fit-state").innerText()).resolves.toMatch(
      /^(Refit queued at .+|Refit running .+|Last refit done at .+)$/,
    );
    await checkPage(teacher);

    await teacher.context().close();
    await student.context().close();
  });
});
