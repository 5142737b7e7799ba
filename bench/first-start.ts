// bench/first-start: a fresh clone's first start. A new, empty data directory, then `npm start` (the
// production build on the embedded database, as the README's first command runs it), then the first
// page with the demo data: the demo student signs in and their home page lists the demo deck. Prints
// when the server first answered, when that page was served, and the CPU the server used till then;
// the last line is JSON. `npm run build` prepares the embedded database's snapshot (lib/db/snapshot.ts).
//
//   npx tsx bench/first-start.ts        (after `npm run build`; BENCH_RUNS=3 by default)
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_USERS } from "@/lib/demo/seed";
import { freePort } from "../tests/setup/free-port";
import { machine, round, signInCookie } from "./support";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DEMO_DECK_TITLE = "Russia, Ukraine and NATO";
const student = DEMO_USERS.find((u) => u.role === "student")!;

/**
 * CPU seconds used so far by a process group (npm, next start and its workers): on a shared machine
 * the wall time says as much about the neighbours as about Clio.
 */
function cpuSecondsOf(group: number): number {
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // Fields after the command's closing parenthesis: state is field 3, pgrp 5, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return round(ticks / 100); // USER_HZ is 100 on Linux
}

interface Run {
  answeredSeconds: number;
  seconds: number;
  cpuSeconds: number;
}

async function firstStart(): Promise<Run> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clio-first-start-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, CLIO_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL; // the embedded default, as on a fresh clone
  delete env.CLIO_DEMO_SEED;
  const started = performance.now();
  // Its own process group, so that stopping it stops npm's child (next start) too.
  const server = spawn("npm", ["start", "--", "-p", String(port), "-H", "127.0.0.1"], { env, detached: true });
  let log = "";
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const elapsed = () => (performance.now() - started) / 1000;
  try {
    // Next runs instrumentation.ts (migrations and demo data) before it serves the first request.
    for (;;) {
      if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}:\n${log}`);
      if (elapsed() > 180) throw new Error(`no answer within 180 s:\n${log}`);
      const ok = await fetch(`${baseUrl}/sign-in`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const answeredSeconds = elapsed();
    const cookie = await signInCookie(baseUrl, student.email, student.password);
    const home = await (await fetch(baseUrl, { headers: { cookie } })).text();
    if (!home.includes(DEMO_DECK_TITLE))
      throw new Error(`the home page does not list the demo deck:\n${home.slice(0, 500)}`);
    const seconds = elapsed();
    return { answeredSeconds, seconds, cpuSeconds: cpuSecondsOf(server.pid!) };
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    await new Promise((r) => server.once("exit", r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  console.log(`first-start on ${machine()}; ${RUNS} runs, each on a new data directory`);
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await firstStart();
    runs.push(run);
    console.log(
      `run ${i + 1}: first answer after ${run.answeredSeconds.toFixed(2)} s; demo student's home page with the demo deck after ${run.seconds.toFixed(2)} s; server CPU ${run.cpuSeconds} s`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    JSON.stringify({
      bench: "first-start",
      seconds: round(median(runs.map((r) => r.seconds))),
      answeredSeconds: round(median(runs.map((r) => r.answeredSeconds))),
      cpuSeconds: round(median(runs.map((r) => r.cpuSeconds))),
      runs: runs.map((r) => round(r.seconds)),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
