import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Runs a README command (`npm run -s <script> -- <args>`) as a newcomer's shell would, and fails
 * if it has not exited by itself within `limitMs`: a script that finishes its work but keeps the
 * event loop alive is exactly what this catches. On timeout the whole process group is killed.
 */
export function runReadmeCommand(
  command: string,
  env: Record<string, string | undefined>,
  limitMs: number,
): Promise<CommandResult> {
  const [npm, run, ...rest] = command.split(/\s+/);
  if (npm !== "npm" || run !== "run") throw new Error(`not an npm script: ${command}`);
  const start = Date.now();
  // -s: npm's banner would otherwise come first on stdout (the README says the same about piping).
  const child = spawn("npm", ["run", "-s", ...rest], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, "SIGKILL");
      reject(
        new Error(
          `\`${command}\` did not exit within ${limitMs / 1000} s.\nstdout:\n${stdout.slice(-2000)}\nstderr:\n${stderr.slice(-2000)}`,
        ),
      );
    }, limitMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - start });
    });
  });
}

/** The script table's commands, as written in the README's first column (`npm run cli -- deck export <slug> --json`). */
export function readmeScriptCommands(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const table = readme.slice(readme.indexOf("## Scripts"));
  return [...table.matchAll(/^\| `(npm [^`]+)` \|/gm)].map((m) => m[1]!);
}

export { ROOT };
