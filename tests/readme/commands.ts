import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { ROOT, type CommandResult } from "./run-command";

/** README script-table commands this suite does not run, and why (each is exercised elsewhere). */
export const NOT_RUN: Record<string, string> = {
  "npm run dev": "a long-running server; the browser tests serve the app",
  "npm run build": "a step of its own in .ci/run",
  "npm start": "the browser tests start it on a fresh data directory",
  "npm run lint": "a step of its own in .ci/run",
  "npm run typecheck": "a step of its own in .ci/run",
  "npm run format:check": "a step of its own in .ci/run",
  "npm run format": "rewrites the source files it checks",
  "npm test": "this suite is part of it",
  "npm run test:db": "a step of its own in .ci/run",
  "npm run db:generate": "runs on every install",
  "npm run db:migrate:new": "needs a change to prisma/schema.prisma",
  "npm run bench": "minutes of load on a PostgreSQL server; figures, not checks",
  "npm run bench:learning": "half a minute of CPU; a tiny run is a unit test (tests/unit/bench)",
  "npm run bench:study-loop": "a production build, Chromium and a PostgreSQL server for a minute; figures, not checks",
  "npm run bench:crash":
    "a minute of kill -9 and restarts against a build and a PostgreSQL server; a pass/fail of its own",
  "npm run bench:first-start": "starts the production build three times on new data directories; figures, not checks",
  "npm run screenshots": "needs a build and Chromium, and rewrites docs/screenshots",
  "npm run check": "what .ci/run runs",
};

export const ARTICLE = "content/articles/russia-ukraine-nato.md";
export const DEMO_DECK = "russia-ukraine-nato";

/** A deck file of its own for `deck import`: the demo deck under another slug, its article by slug. */
export function writeImportFixture(): { file: string; slug: string; cards: number } {
  const deck = JSON.parse(fs.readFileSync(path.join(ROOT, "content/decks/russia-ukraine-nato.json"), "utf8")) as {
    slug: string;
    title: string;
    cards: unknown[];
  };
  const slug = "readme-import";
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "clio-readme-deck-")), `${slug}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...deck, slug, title: "README import" }));
  return { file, slug, cards: deck.cards.length };
}

export interface ReadmeCase {
  /** As the README's script table writes it. */
  readme: string;
  /** What runs: the same with its placeholders filled in. */
  command: string;
  /** The key output of a successful run; `run` is 1 on a fresh database, 2 after. */
  check: (result: CommandResult, run: 1 | 2) => void;
}

export function failureReport(command: string, r: CommandResult): string {
  return `\`${command}\` exited with ${r.code} after ${r.ms} ms\nstdout:\n${r.stdout.slice(-3000)}\nstderr:\n${r.stderr.slice(-3000)}`;
}

export function expectOutput(r: CommandResult, pattern: RegExp, command: string): void {
  expect(r.stdout, failureReport(command, r)).toMatch(pattern);
}

/** The README commands that read or write the database (db-commands.test.ts). */
export const DATABASE_COMMANDS = [
  "npm run db:migrate",
  "npm run db:seed",
  "npm run cli -- deck export <slug> --json",
  "npm run cli -- deck export <slug> --format apkg --out <file>",
  "npm run cli -- deck import <file>",
] as const;

/** The README commands that work on files alone (file-commands.test.ts). */
export const FILE_COMMANDS = [
  "npm run content:check",
  "npm run cli -- generate <file> --json",
  "npm run generate:report -- <file>",
  "npm run generate:eval",
] as const;
