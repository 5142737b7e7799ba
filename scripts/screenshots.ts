// `npm run screenshots`: the README's screenshots, taken in Chromium against a fresh embedded
// database as a newcomer's first start seeds it (lib/demo: the demo student's three weeks of
// simulated study are part of the demo data). Build first (npm run build). Writes docs/screenshots/*.png:
// the study and progress pages on a desktop screen and on a phone.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findChromium, launchChromium, signInAs } from "../tests/e2e/browser";

const OUT = path.join(process.cwd(), "docs/screenshots");
const PORT = 3917;

async function main() {
  const chromium = findChromium();
  if (!chromium) throw new Error("Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clio-shots-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CLIO_DATA_DIR: dataDir,
    CLIO_DEMO_SEED: "1",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.DATABASE_URL;
  const server = spawn(
    path.join(process.cwd(), "node_modules/.bin/next"),
    ["start", "-p", String(PORT), "-H", "127.0.0.1"],
    { env, stdio: "ignore" },
  );
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      if (i > 240) throw new Error("the app did not start");
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const browser = await launchChromium(chromium);
  try {
    fs.mkdirSync(OUT, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1100, height: 820 }, deviceScaleFactor: 1 });
    await signInAs(page, base, "student@clio.example", "clio-demo-student");

    await page.goto(`${base}/study/russia-ukraine-nato`);
    // Answer until a multiple-choice card is on screen, then answer it and show the result.
    for (let i = 0; i < 40; i++) {
      const card = page.getByTestId("study-card");
      await card.waitFor();
      const type = await card.getAttribute("data-card-type");
      if (type === "multiple_choice") break;
      if ((await page.getByRole("button", { name: /Show answer/ }).count()) > 0) {
        await page.keyboard.press("Space");
        await page.keyboard.press("3");
      } else {
        if (type === "cloze") await page.keyboard.type("x");
        else if (type !== "timeline") await page.keyboard.press("1");
        await page.keyboard.press("Enter");
        await page.getByTestId("answer-result").waitFor();
        await page.keyboard.press("Enter");
      }
      await page.waitForTimeout(150);
    }
    await page.keyboard.press("2");
    await page.keyboard.press("Enter");
    await page.getByTestId("answer-result").waitFor();
    await page.screenshot({ path: path.join(OUT, "study.png"), fullPage: true });

    await page.goto(`${base}/progress`);
    await page.screenshot({ path: path.join(OUT, "progress.png"), fullPage: true });

    // On a phone, as most students study: a touch screen (no keyboard hints), 390 px wide.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      hasTouch: true,
      isMobile: true,
    });
    const phonePage = await phone.newPage();
    await signInAs(phonePage, base, "student@clio.example", "clio-demo-student");
    await phonePage.goto(`${base}/study/russia-ukraine-nato`);
    await phonePage.getByTestId("study-card").waitFor();
    await phonePage.screenshot({ path: path.join(OUT, "study-phone.png") });
    await phonePage.goto(`${base}/progress`);
    await phonePage.getByRole("heading", { level: 1 }).waitFor();
    await phonePage.screenshot({ path: path.join(OUT, "progress-phone.png") });
    await phone.close();
    console.log(
      `wrote ${path.relative(process.cwd(), OUT)}/study.png, progress.png, study-phone.png and progress-phone.png`,
    );
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
