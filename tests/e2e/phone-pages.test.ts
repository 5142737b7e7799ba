import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { seriousAxeViolations, sidewaysOverflow, type AxeFinding } from "./a11y";
import { signInAs, useChromium } from "./browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const teacher = DEMO_USERS.find((u) => u.role === "teacher")!;
const student = DEMO_USERS.find((u) => u.role === "student")!;
const DECK = "russia-ukraine-nato";
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** The links on `path` whose href matches `pattern`, as paths. */
async function linksOn(page: Page, path: string, pattern: RegExp): Promise<string[]> {
  await page.goto(`${baseUrl}${path}`);
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  return [...new Set(hrefs.filter((h) => pattern.test(h)))];
}

async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string | null> {
  return (await linksOn(page, path, pattern))[0] ?? null;
}

/** Every page a signed-in user reaches from the header, and the pages one level in. */
async function pagesOf(page: Page, role: "teacher" | "student"): Promise<string[]> {
  const pages = [
    "/",
    "/progress",
    "/classes",
    "/account",
    `/decks/${DECK}`,
    `/decks/${DECK}/article`,
    `/study/${DECK}`,
  ];
  const classPage = await firstLink(page, "/classes", /^\/classes\/[0-9a-f-]{36}$/);
  if (classPage) pages.push(classPage);
  if (role === "teacher") {
    pages.push("/drafts", "/decks/new");
    // Other test files add classes of their own: the first class that has an assignment.
    for (const c of await linksOn(page, "/classes", /^\/classes\/[0-9a-f-]{36}$/)) {
      const dashboard = await firstLink(page, c, /\/assignments\/[0-9a-f-]{36}$/);
      if (dashboard) {
        pages.push(dashboard);
        break;
      }
    }
    const draft = await firstLink(page, "/drafts", /^\/drafts\/[^/]+$/);
    if (draft) pages.push(draft);
  }
  return pages;
}

interface Finding {
  path: string;
  scheme: string;
  overflow?: number;
  axe?: AxeFinding[];
}

/** Visits each path in light and dark: sideways overflow at 360 and 390 px, and axe at 360 and 1280 px. */
async function audit(context: BrowserContext, page: Page, paths: string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of paths) {
      await page.setViewportSize(PHONE);
      await page.goto(`${baseUrl}${path}`);
      await page.waitForLoadState("networkidle");
      if (path.startsWith("/study/"))
        await page
          .locator("[data-testid=study-card], [data-testid=session-summary], [data-testid=waiting]")
          .first()
          .waitFor();
      for (const width of [360, 390]) {
        await page.setViewportSize({ width, height: PHONE.height });
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) findings.push({ path, scheme, overflow: overflow });
      }
      await page.setViewportSize(PHONE);
      const axe = await seriousAxeViolations(page);
      if (axe.length) findings.push({ path, scheme, axe });
      // And on a desktop screen, where the layout differs (the reader's side panel, the header's one row).
      await page.setViewportSize(DESKTOP);
      const desktopAxe = await seriousAxeViolations(page);
      if (desktopAxe.length) findings.push({ path, scheme: `${scheme}, desktop`, axe: desktopAxe });
    }
  }
  void context;
  return findings;
}

async function phoneContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  // axe arrives as an inline script, which the app's nonce-based CSP would refuse.
  const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
  return { context, page: await context.newPage() };
}

describe.runIf(chromiumPath)("every page on a 360 px phone", () => {
  const browser = useChromium();

  it("signed out: no sideways scroll and no serious or critical axe violation, light and dark", async () => {
    const { context, page } = await phoneContext(browser());
    const findings = await audit(context, page, ["/", "/sign-in", "/sign-up", "/no-such-page"]);
    expect(findings).toEqual([]);
    await context.close();
  });

  it("as a student: no sideways scroll and no serious or critical axe violation, light and dark", async () => {
    const { context, page } = await phoneContext(browser());
    await signInAs(page, baseUrl, student.email, student.password);
    const paths = await pagesOf(page, "student");
    expect(paths.length).toBeGreaterThanOrEqual(7);
    expect(await audit(context, page, paths)).toEqual([]);
    await context.close();
  });

  it("as a teacher: no sideways scroll and no serious or critical axe violation, light and dark", async () => {
    const { context, page } = await phoneContext(browser());
    await signInAs(page, baseUrl, teacher.email, teacher.password);
    const paths = await pagesOf(page, "teacher");
    expect(paths.some((p) => /\/assignments\//.test(p))).toBe(true);
    expect(await audit(context, page, paths)).toEqual([]);
    await context.close();
  });

  it("reaches Account, Drafts and Sign out from the header, marks the current page, and titles pages by their deck", async () => {
    const { context, page } = await phoneContext(browser());
    await signInAs(page, baseUrl, teacher.email, teacher.password);
    const header = page.getByRole("navigation", { name: "Main" });
    await expect(header.getByRole("link", { name: /Account/ }).isVisible()).resolves.toBe(true);
    await expect(header.getByRole("button", { name: "Sign out" }).isVisible()).resolves.toBe(true);
    await header.getByRole("link", { name: "Drafts" }).click();
    await page.waitForURL(`${baseUrl}/drafts`);
    await expect(header.getByRole("link", { name: "Drafts" }).getAttribute("aria-current")).resolves.toBe("page");
    await expect(header.getByRole("link", { name: "Decks" }).getAttribute("aria-current")).resolves.toBeNull();
    await header.getByRole("link", { name: /Account/ }).click();
    await page.getByRole("button", { name: "Sign out everywhere" }).waitFor();

    await page.goto(`${baseUrl}/study/${DECK}`);
    await expect(page.title()).resolves.toMatch(/^Study · .+ · Clio$/);
    await expect(page.title()).resolves.not.toContain(DECK);
    await page.goto(`${baseUrl}/decks/${DECK}`);
    await expect(page.title()).resolves.not.toContain(DECK);
    await context.close();
  });

  it("shows a tapped passage's cards right under it in the reader", async () => {
    const { context, page } = await phoneContext(browser());
    await signInAs(page, baseUrl, student.email, student.password);
    await page.goto(`${baseUrl}/decks/${DECK}/article`);
    const mark = page.locator('[data-passage="3"]').first();
    await mark.click();
    const panel = page.getByTestId("passage-cards");
    await panel.getByText("Passage 3 ·").waitFor();
    const markBox = (await mark.boundingBox())!;
    const panelBox = (await panel.boundingBox())!;
    // Below the passage, within a screen of it: not after the end of the article.
    expect(panelBox.y).toBeGreaterThan(markBox.y);
    expect(panelBox.y - (markBox.y + markBox.height)).toBeLessThan(PHONE.height);
    await context.close();
  });
});
