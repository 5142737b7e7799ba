import type { Browser, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { localDateKey } from "@/lib/srs/local-day";
import { useChromium } from "./browser";
import { auditPage, PHONE } from "./audit";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");

// A zone where it is now daytime, so "due today at 23:59" is still ahead whenever the test runs, and
// far enough from UTC that 24-hour spans and calendar days disagree (the bug this pins).
const ZONES = [
  "Pacific/Auckland",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
];
const localHour = (zone: string) =>
  Number(new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone: zone }).format(new Date()));
const ZONE = ZONES.find((zone) => localHour(zone) >= 6 && localHour(zone) <= 19) ?? "UTC";

/** The local date `days` calendar days from today in ZONE, as the date input takes it. */
function localDatePlus(days: number): string {
  const [y, m, d] = localDateKey(new Date(), ZONE).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

async function signUp(browser: Browser, role: "student" | "teacher", name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, bypassCSP: true, timezoneId: ZONE });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase().replace(/\W+/g, ".")}-${Date.now()}@example.org`);
  await page.getByLabel("Password", { exact: true }).fill("relative-dates-e2e-2026");
  await page.getByRole("radio", { name: role === "teacher" ? "Teacher" : "Student" }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${baseUrl}/?welcome=1`);
  return page;
}

describe.runIf(chromiumPath)("relative due dates, in Chromium", () => {
  const browser = useChromium();

  it("says today, tomorrow and in 7 days by calendar days in the student's time zone", async () => {
    const teacher = await signUp(browser(), "teacher", "Dee Dates");
    const student = await signUp(browser(), "student", "Stu Dates");
    const expected: Record<string, string> = {
      "Due today": "today",
      "Due tomorrow": "tomorrow",
      "Due in a week": "in 7 days",
    };
    const days: Record<string, number> = { "Due today": 0, "Due tomorrow": 1, "Due in a week": 7 };
    for (const name of Object.keys(days)) {
      await teacher.goto(`${baseUrl}/classes`);
      await teacher.getByLabel("Class name").fill(name);
      await teacher.getByRole("button", { name: "Create class" }).click();
      await teacher.waitForURL(/\/classes\/[0-9a-f-]{36}$/);
      const code = (await teacher.getByTestId("join-code").innerText()).trim();
      await teacher.getByLabel("Due date", { exact: true }).fill(localDatePlus(days[name]!));
      await teacher.getByRole("button", { name: "Assign deck" }).click();
      await teacher.getByRole("status").filter({ hasText: "Assigned." }).waitFor();
      // The teacher's class page counts the same way.
      await expect(teacher.getByTestId("assignment-row").first().innerText()).resolves.toContain(`(${expected[name]})`);

      await student.goto(`${baseUrl}/classes`);
      await student.getByLabel("Class code").fill(code);
      await student.getByRole("button", { name: "Join class" }).click();
      await student.waitForURL(/\?joined=1$/);
    }

    await student.goto(`${baseUrl}/`);
    const items = student.getByTestId("assignment-item");
    await expect(items.count()).resolves.toBe(3);
    for (const [name, relative] of Object.entries(expected)) {
      await expect(items.filter({ hasText: name }).innerText()).resolves.toMatch(
        new RegExp(`${name} · due \\w{3} \\d{1,2}, \\d{4}, 11:59\\sPM \\(${relative}\\)`),
      );
    }
    expect(await auditPage(student)).toEqual([]);
    await teacher.context().close();
    await student.context().close();
  });
});
