import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

/** Debian's Chromium (or CHROMIUM_PATH): playwright's own browser download cannot work offline. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => Boolean(p && fs.existsSync(p))) ?? null;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    // No sandbox as root; no background networking, which this machine's closed network refuses.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Signs in through the sign-in form and waits for the home page. */
export async function signInAs(
  page: import("playwright-core").Page,
  baseUrl: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/**
 * Launches Chromium for the enclosing describe block and closes it after; use inside
 * `describe.runIf(inject("chromiumPath"))`. Returns the browser (valid once beforeAll has run).
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(inject("chromiumPath")!);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}
