import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ARTICLE,
  DATABASE_COMMANDS,
  expectOutput,
  FILE_COMMANDS,
  failureReport,
  NOT_RUN,
  type ReadmeCase,
} from "./commands";
import { readmeScriptCommands, runReadmeCommand } from "./run-command";

// Each run starts a fresh tsx (seconds of CPU on this machine): the limit is for a slow, busy machine.
const LIMIT_MS = 90_000;

const cases: Record<(typeof FILE_COMMANDS)[number], ReadmeCase> = {
  "npm run content:check": {
    readme: "npm run content:check",
    command: "npm run content:check",
    check: (r, _run) => expectOutput(r, /content:check: 1 article, 1 deck, \d+ cards, 0 problems/, "content:check"),
  },
  "npm run cli -- generate <file> --json": {
    readme: "npm run cli -- generate <file> --json",
    command: `npm run cli -- generate ${ARTICLE} --json`,
    check: (r) => {
      const { cards } = JSON.parse(r.stdout) as { cards: { type: string; quote: string }[] };
      expect(cards.length, failureReport("cli generate", r)).toBeGreaterThan(10);
    },
  },
  "npm run generate:report -- <file>": {
    readme: "npm run generate:report -- <file>",
    command: `npm run generate:report -- ${ARTICLE}`,
    check: (r) =>
      expectOutput(
        r,
        /Generation report: .*russia-ukraine-nato\.md[\s\S]*Cards: \d+ \(from \d+ candidates\)/,
        "generate:report",
      ),
  },
  "npm run generate:eval": {
    readme: "npm run generate:eval",
    command: "npm run generate:eval",
    check: (r) =>
      expectOutput(
        r,
        /## long-marshall-plan[\s\S]*Key points covered: \d+\/12[\s\S]*generate:eval: (?:pass|FAIL)/,
        "generate:eval",
      ),
  },
};

describe("the README's scripts", () => {
  it("are each run by this suite, or listed with the reason they are not", () => {
    expect(readmeScriptCommands().sort()).toEqual(
      [...Object.keys(NOT_RUN), ...DATABASE_COMMANDS, ...FILE_COMMANDS].sort(),
    );
  });

  for (const c of Object.values(cases)) {
    it(`\`${c.readme}\` exits by itself with its output on a fresh data directory, twice`, async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clio-readme-"));
      // These need no database; the embedded default is what a newcomer has.
      const { NODE_ENV: _nodeEnv, DATABASE_URL: _databaseUrl, ...inherited } = process.env;
      const env = { ...inherited, CLIO_DATA_DIR: dataDir };
      try {
        for (const run of [1, 2] as const) {
          const result = await runReadmeCommand(c.command, env, LIMIT_MS);
          expect(result.code, failureReport(c.command, result)).toBe(0);
          c.check(result, run);
        }
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }
});
