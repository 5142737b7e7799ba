import type { Browser, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { useChromium } from "./browser";
import { auditPage, PHONE } from "./audit";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const PASSWORD = "account-e2e-password-2026";
const NEW_PASSWORD = "violet tractor harbour quietly";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
  return context.newPage();
}

async function signUp(page: Page, role: "student" | "teacher", name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}-${Date.now()}@example.org`;
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("radio", { name: role === "teacher" ? "Teacher" : "Student" }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseUrl}/?welcome=1`);
  return email;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe.runIf(chromiumPath)("the account page, in Chromium", () => {
  const browser = useChromium();

  it("changes the name and the password, signs out the other device, then signs in with the new password only", async () => {
    const page = await newPage(browser());
    const email = await signUp(page, "student", "Casey Change");
    const other = await newPage(browser());
    await signIn(other, email, PASSWORD);
    await other.waitForURL(`${baseUrl}/`);

    await page.goto(`${baseUrl}/account`);
    expect(await auditPage(page)).toEqual([]);
    await page.getByLabel("Your name").fill("Casey Changed");
    await page.getByRole("button", { name: "Save name" }).click();
    await page
      .getByRole("status")
      .getByText(/This is the name your teachers see/)
      .waitFor();
    await page.reload();
    await expect(page.getByLabel("Your name").inputValue()).resolves.toBe("Casey Changed");

    // A wrong current password and a weak new one are named beside their fields.
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("That is not your current password.").waitFor();
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password").fill("password1");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText(/most common/).waitFor();
    await expect(page.getByLabel("New password").getAttribute("aria-invalid")).resolves.toBe("true");
    expect(await auditPage(page)).toEqual([]);

    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByRole("status").getByText("Password changed. Signed out on 1 other device.").waitFor();

    // The other device is signed out; this one stays signed in.
    await other.goto(`${baseUrl}/account`);
    await other.waitForURL(/\/sign-in/);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Account" }).waitFor();

    // The old password no longer works; the new one does.
    await signIn(other, email, PASSWORD);
    await other
      .locator("form [role=alert]")
      .getByText(/don't match an account/)
      .waitFor();
    await signIn(other, email, NEW_PASSWORD);
    await other.waitForURL(`${baseUrl}/`);
    await other.context().close();
    await page.context().close();
  });

  it("downloads my data as a JSON file", async () => {
    const page = await newPage(browser());
    const email = await signUp(page, "student", "Dana Download");
    await page.goto(`${baseUrl}/account`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download my data" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^clio-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const res = await page.request.get(`${baseUrl}/account/data`);
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="clio-my-data-/);
    const data = (await res.json()) as { account: { email: string }; reviews: unknown[]; cardStates: unknown[] };
    expect(data.account.email).toBe(email);
    expect(data).toMatchObject({ reviews: [], cardStates: [] });
    await page.context().close();
  });

  it("deletes a teacher's account after listing the classes that go with it, and the email cannot sign in again", async () => {
    const page = await newPage(browser());
    const email = await signUp(page, "teacher", "Dell Delete");
    await page.goto(`${baseUrl}/classes`);
    await page.getByLabel("Class name").fill("Class to delete 7A");
    await page.getByRole("button", { name: "Create class" }).click();
    await page.waitForURL(/\/classes\/[0-9a-f-]{36}$/);

    await page.goto(`${baseUrl}/account`);
    await expect(page.getByTestId("classes-deleted-with-account").innerText()).resolves.toMatch(
      /Your class is deleted with your account[\s\S]*Class to delete 7A \(0 students\)/,
    );
    await page.getByLabel("Type your email address to confirm").fill("someone-else@example.org");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.getByText("Type your email address exactly as shown to confirm.").first().waitFor();
    expect(await auditPage(page)).toEqual([]);

    await page.getByLabel("Type your email address to confirm").fill(email);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL(`${baseUrl}/sign-in?signedOut=deleted`);
    await page.getByRole("status").getByText("Your account and everything in it are deleted.").waitFor();
    expect(await auditPage(page)).toEqual([]);

    await signIn(page, email, PASSWORD);
    await page
      .locator("form [role=alert]")
      .getByText(/don't match an account/)
      .waitFor();
    await page.context().close();
  });
});
