import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { signInAs, useChromium } from "./browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const teacher = DEMO_USERS.find((u) => u.role === "teacher")!;

async function fillSignUp(page: Page, name: string, role?: "Teacher"): Promise<void> {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now()}@example.org`);
  await page.getByLabel("Password", { exact: true }).fill("first-day-at-school-2026");
  if (role) await page.getByRole("radio", { name: role }).check();
  await page.getByRole("button", { name: "Create account" }).click();
}

describe.runIf(chromiumPath)("a first day in Chromium", () => {
  const browser = useChromium();

  it("guides a new teacher to create a class first, and hides the guide when asked", async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/sign-up`);
    await fillSignUp(page, "Tess Teacher", "Teacher");
    await page.waitForURL(`${baseUrl}/?welcome=1`);
    const guide = page.getByTestId("first-day");
    await expect(guide.getByRole("heading").innerText()).resolves.toMatch(/Welcome to Clio, Tess Teacher/);
    await expect(guide.getByRole("link").first().innerText()).resolves.toBe("Create a class");
    await expect(guide.innerText()).resolves.toMatch(/Share the join link/);
    await guide.getByRole("button", { name: "Hide this guide" }).click();
    await page.waitForURL(`${baseUrl}/`);
    await expect(page.getByTestId("first-day").count()).resolves.toBe(0);
    await page.close();
  });

  it("keeps a join link through sign-up: a new student lands on the class and joins it", async () => {
    const teacherPage = await browser().newPage();
    await signInAs(teacherPage, baseUrl, teacher.email, teacher.password);
    await teacherPage.goto(`${baseUrl}/classes`);
    await teacherPage.getByTestId("class-card").first().getByRole("link").click();
    await teacherPage.waitForURL(/\/classes\/[0-9a-f-]{36}$/);
    const joinLink = await teacherPage.locator("#join-link").inputValue();
    const className = await teacherPage.getByRole("heading", { level: 1 }).innerText();
    await teacherPage.close();

    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(joinLink);
    await page.waitForURL(/\/sign-in\?callbackUrl=/);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL(/\/sign-up\?callbackUrl=/);
    await fillSignUp(page, "Jo Joiner");
    await page.waitForURL(new URL(joinLink).href);
    await page.getByRole("button", { name: "Join class" }).click();
    await page.waitForURL(/\/classes\/[0-9a-f-]{36}\?joined=1$/);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(className);
    await context.close();
  });
});
