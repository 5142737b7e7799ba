import { describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { useChromium } from "./browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const student = DEMO_USERS.find((u) => u.role === "student")!;

// Without Chromium on a person's machine the setup says plainly that these did not run; under CI
// the setup fails instead, so this can never pass by skipping there.
describe.runIf(chromiumPath)("a newcomer in Chromium", () => {
  const browser = useChromium();

  it("signs up, sees the demo deck, signs out and signs back in", async () => {
    const page = await browser().newPage();
    await page.goto(baseUrl);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/Remember what it argues/);

    await page.getByRole("link", { name: /Get started/ }).click();
    await page.waitForURL(/\/sign-up$/);
    // A bad submission shows what to fix, field by field, and keeps what was typed.
    await page.getByLabel("Name").fill("Nova Newcomer");
    await page.getByLabel("Email").fill("nova@example");
    await page.getByLabel("Password", { exact: true }).fill("password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#email-error").textContent()).resolves.toBe(
      "Enter an email address like name@school.org.",
    );
    await expect(page.locator("#password-error").textContent()).resolves.toMatch(/most common/);
    await expect(page.getByLabel("Name").inputValue()).resolves.toBe("Nova Newcomer");

    const email = `nova-${Date.now()}@example.org`;
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("a-fresh-start-2026");
    await page.getByRole("radio", { name: "Teacher" }).check();
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${baseUrl}/?welcome=1`);
    await expect(page.getByRole("heading", { name: "Your decks" }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("account-link").textContent()).resolves.toContain("teacher");
    const decks = page.getByTestId("deck-card");
    expect(await decks.count()).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${baseUrl}/`);
    await expect(page.getByRole("link", { name: "Sign in" }).first().isVisible()).resolves.toBe(true);

    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-my-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    // Next's route announcer is also an alert: look inside the form.
    await page
      .locator("form [role=alert]")
      .getByText(/don't match an account/)
      .waitFor();
    await page.getByLabel("Password").fill("a-fresh-start-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/`);
    await expect(page.getByRole("heading", { name: "Your decks" }).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("signs the demo student out on every device from one of them", async () => {
    const laptop = await browser().newContext();
    const phone = await browser().newContext();
    for (const context of [laptop, phone]) {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel("Email").fill(student.email);
      await page.getByLabel("Password").fill(student.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${baseUrl}/`);
      await expect(page.getByRole("heading", { name: "Your decks" }).isVisible()).resolves.toBe(true);
    }
    const [laptopPage] = laptop.pages();
    await laptopPage!.goto(`${baseUrl}/account`);
    await laptopPage!.getByRole("button", { name: "Sign out everywhere" }).click();
    await laptopPage!.waitForURL(/\/sign-in\?signedOut=everywhere/);
    await expect(laptopPage!.getByRole("status").textContent()).resolves.toMatch(/signed out on every device/);

    const [phonePage] = phone.pages();
    await phonePage!.goto(`${baseUrl}/account`);
    await phonePage!.waitForURL(/\/sign-in/);
    await laptop.close();
    await phone.close();
  });
});
