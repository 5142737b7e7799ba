import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runReadmeCommand } from "./run-command";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clio-lock-"));
const { NODE_ENV: _nodeEnv, DATABASE_URL: _databaseUrl, ...inherited } = process.env;
// Always the embedded database: the lock is what keeps a second process off its files.
const env = { ...inherited, CLIO_DATA_DIR: dataDir, CLIO_DEMO_SEED: "0" };
const FIXTURE = path.join(ROOT, "tests/readme/fixtures/hold-database.ts");

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function runFixture(mode?: string) {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), [FIXTURE, ...(mode ? [mode] : [])], {
    cwd: ROOT,
    env: env as unknown as NodeJS.ProcessEnv,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitFor(predicate: () => boolean, what: string, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("one process per embedded data directory", () => {
  it("stops a second process at once, naming the directory and the holder's pid, and keeps the first's data", async () => {
    const holder = runFixture();
    await waitFor(() => /ready \d+/.test(holder.output().stdout), `the holder (${holder.output().stderr})`);
    // tsx runs the script in a child process of its own: the pid is the one the script reports.
    const holderPid = Number(/ready (\d+)/.exec(holder.output().stdout)![1]);
    const lockFile = path.join(dataDir, "clio.lock");
    expect(JSON.parse(fs.readFileSync(lockFile, "utf8"))).toMatchObject({ pid: holderPid });

    for (const command of ["npm run db:seed", "npm run db:migrate", `npm run cli -- deck export russia-ukraine-nato`]) {
      const second = await runReadmeCommand(command, env, 60_000);
      expect(second.code, `${command}: ${second.stdout}${second.stderr}`).toBe(1);
      expect(second.stderr).toContain(`The embedded database in ${dataDir} is in use by another process`);
      expect(second.stderr).toContain(`pid ${holderPid}`);
      expect(second.stderr).toMatch(/stop that process first .*DATABASE_URL/);
    }

    holder.child.stdin.write("go on\n");
    expect(await holder.exited).toBe(0);
    expect(fs.existsSync(lockFile)).toBe(false);

    const count = runFixture("count");
    expect(await count.exited, count.output().stderr).toBe(0);
    expect(JSON.parse(count.output().stdout)).toEqual(["lock-1@example.org", "lock-2@example.org"]);
  });

  it("takes over a lock whose process is gone (a kill -9 leaves one behind)", async () => {
    fs.writeFileSync(path.join(dataDir, "clio.lock"), JSON.stringify({ pid: 2 ** 22 + 7 }));
    const count = runFixture("count");
    expect(await count.exited, count.output().stderr).toBe(0);
    expect(JSON.parse(count.output().stdout)).toHaveLength(2);
  });
});
