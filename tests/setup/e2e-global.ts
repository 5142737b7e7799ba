import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findChromium } from "../e2e/browser";
import { freePort } from "./free-port";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string | null;
  }
}

async function waitForServer(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer ${url} within 120 s:\n${log()}`);
}

/**
 * Builds Clio and serves it exactly as the README's first command does (`next build`, `next start`)
 * on the embedded database, in a fresh data directory, with the demo data seeded on start.
 * CLIO_E2E_SKIP_BUILD=1 reuses an existing build (.ci/run builds once before the tests).
 */
export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    if (process.env.CI)
      throw new Error(
        "Chromium is missing, and under CI the browser tests must run. Install it: apt-get install -y chromium",
      );
    console.warn(
      "\n⚠  The browser tests did NOT run: Chromium was not found.\n" +
        "   Enable them with: sudo apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH)\n",
    );
  }
  const root = process.cwd();
  if (process.env.CLIO_E2E_SKIP_BUILD !== "1") {
    console.log("e2e: building the app (next build)…");
    const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed (see its output above)");
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clio-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CLIO_DATA_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  delete env.DATABASE_URL; // the embedded default, as on a fresh clone
  let output = "";
  const server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
  });
  server.stdout?.on("data", (d) => (output += d));
  server.stderr?.on("data", (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  console.log(`e2e: starting next start on ${baseUrl} (data in ${dataDir})…`);
  await waitForServer(baseUrl, server, () => output);

  project.provide("baseUrl", baseUrl);
  project.provide("chromiumPath", chromiumPath);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
