import type { Page } from "playwright-core";
import { seriousAxeViolations, sidewaysOverflow, type AxeFinding } from "./a11y";

/** A phone (390×844), the narrowest phone the app supports (360 px), and a desktop screen. */
export const PHONE = { width: 390, height: 844 };
const NARROW = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

export interface PageFinding {
  where: string;
  overflow?: number;
  axe?: AxeFinding[];
}

/**
 * Audits the page as it stands (its current URL and state, e.g. a form showing errors): in light and
 * dark, axe-core's serious and critical violations at 390×844 and on a desktop, and sideways scroll
 * at 360 and 390 px. Restores the phone size and the light scheme afterwards. The page's context
 * needs `bypassCSP: true` (axe arrives as an inline script).
 *
 * @example expect(await auditPage(page)).toEqual([]);
 */
export async function auditPage(page: Page): Promise<PageFinding[]> {
  const findings: PageFinding[] = [];
  const path = new URL(page.url()).pathname;
  // The scheme changes on a page already shown: without this, axe measures buttons halfway through
  // their colour transition (transition-colors) and reports contrast the page never settles on.
  await page.addStyleTag({
    content: "*, *::before, *::after { transition: none !important; animation: none !important; }",
  });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of [NARROW, PHONE]) {
      await page.setViewportSize(size);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) findings.push({ where: `${path}, ${scheme}, ${size.width} px`, overflow });
    }
    const phoneAxe = await seriousAxeViolations(page);
    if (phoneAxe.length) findings.push({ where: `${path}, ${scheme}, phone`, axe: phoneAxe });
    await page.setViewportSize(DESKTOP);
    const desktopAxe = await seriousAxeViolations(page);
    if (desktopAxe.length) findings.push({ where: `${path}, ${scheme}, desktop`, axe: desktopAxe });
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(PHONE);
  return findings;
}
