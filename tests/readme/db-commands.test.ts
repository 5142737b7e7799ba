import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env as clioEnv } from "@/lib/env";
import {
  DATABASE_COMMANDS,
  DEMO_DECK,
  expectOutput,
  failureReport,
  writeImportFixture,
  type ReadmeCase,
} from "./commands";
import { runReadmeCommand } from "./run-command";

// A first run on a fresh embedded database migrates it and loads the demo data (about 10 s when
// the machine is idle); later runs take a few seconds. The limit allows for a busy 2-core machine.
const LIMIT_MS = 90_000;

/**
 * Embedded (DATABASE_URL unset): every command gets a fresh data directory of its own, since each
 * must work as the first command a newcomer runs. On a PostgreSQL server (DATABASE_URL set, as
 * .ci/run does) the README's "Use a PostgreSQL server" steps come in order on one fresh database:
 * there, migrating and seeding are explicit.
 */
const serverUrl = clioEnv.DATABASE_URL;
const runId = `clio_readme_${Date.now().toString(36)}`;
const scratchDatabases: string[] = [];

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function createScratchDatabase(suffix: string): Promise<string> {
  const name = `${runId}_${suffix}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  scratchDatabases.push(name);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

function commandEnv(target: { dataDir: string; databaseUrl?: string }): Record<string, string | undefined> {
  // As a newcomer's shell has it: no NODE_ENV (vitest sets "test"), the database under test.
  const { NODE_ENV: _nodeEnv, DATABASE_URL: _databaseUrl, ...inherited } = process.env;
  return {
    ...inherited,
    CLIO_DATA_DIR: target.dataDir,
    CLIO_DEMO_SEED: "1",
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
  };
}

const fixture = writeImportFixture();
const apkgOut = path.join(path.dirname(fixture.file), "export.apkg");
const dataDirs: string[] = [];
const freshDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clio-readme-"));
  dataDirs.push(dir);
  return dir;
};

const cases: Record<(typeof DATABASE_COMMANDS)[number], ReadmeCase> = {
  "npm run db:migrate": {
    readme: "npm run db:migrate",
    command: "npm run db:migrate",
    check: (r, run) => {
      if (!serverUrl) expectOutput(r, /Embedded database in .* is up to date, with the demo data\./, "db:migrate");
      else expectOutput(r, run === 1 ? /^Applied: \d+_/ : /^Database is up to date\./, "db:migrate");
    },
  },
  "npm run db:seed": {
    readme: "npm run db:seed",
    command: "npm run db:seed",
    check: (r) =>
      expectOutput(r, /^Seeded content and demo accounts: teacher@clio\.example, student@clio\.example$/m, "db:seed"),
  },
  "npm run cli -- deck export <slug> --json": {
    readme: "npm run cli -- deck export <slug> --json",
    command: `npm run cli -- deck export ${DEMO_DECK} --json`,
    check: (r) => {
      const deck = JSON.parse(r.stdout) as { slug: string; article: { body: string }; cards: unknown[] };
      expect({ slug: deck.slug, hasArticle: deck.article.body.length > 0 }).toEqual({
        slug: DEMO_DECK,
        hasArticle: true,
      });
      expect(deck.cards.length).toBeGreaterThan(0);
    },
  },
  "npm run cli -- deck export <slug> --format apkg --out <file>": {
    readme: "npm run cli -- deck export <slug> --format apkg --out <file>",
    command: `npm run cli -- deck export ${DEMO_DECK} --format apkg --out ${apkgOut}`,
    check: (r) => {
      expectOutput(
        r,
        new RegExp(`^Exported ${DEMO_DECK} to .+\\.apkg \\(apkg, \\d+ bytes\\)`),
        "deck export --format apkg",
      );
      // A zip archive (an Anki package), with the collection in it.
      const bytes = fs.readFileSync(apkgOut);
      expect([bytes[0], bytes[1], bytes.includes(Buffer.from("collection.anki2"))]).toEqual([0x50, 0x4b, true]);
    },
  },
  "npm run cli -- deck import <file>": {
    readme: "npm run cli -- deck import <file>",
    command: `npm run cli -- deck import ${fixture.file}`,
    check: (r, run) =>
      expectOutput(
        r,
        new RegExp(
          `^Imported ${fixture.slug}: ${fixture.cards} cards \\(${run === 1 ? `${fixture.cards} new` : `0 new, 0 updated, 0 restored, 0 retired, ${fixture.cards} unchanged`}`,
        ),
        "deck import",
      ),
  },
};

describe(`the README's database commands (${serverUrl ? "PostgreSQL server" : "embedded database"})`, () => {
  let serverDatabase: string | undefined;
  beforeAll(async () => {
    if (serverUrl) serverDatabase = await createScratchDatabase("walk");
  });
  afterAll(async () => {
    for (const dir of [...dataDirs, path.dirname(fixture.file)]) fs.rmSync(dir, { recursive: true, force: true });
    if (serverUrl)
      for (const name of scratchDatabases)
        await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  for (const c of Object.values(cases)) {
    it(`\`${c.readme}\` exits by itself with its output on a fresh ${serverUrl ? "server database (after the README's steps before it)" : "data directory"}, and again`, async () => {
      const env = commandEnv({ dataDir: freshDataDir(), databaseUrl: serverDatabase });
      for (const run of [1, 2] as const) {
        const result = await runReadmeCommand(c.command, env, LIMIT_MS);
        expect(result.code, failureReport(c.command, result)).toBe(0);
        c.check(result, run);
      }
    });
  }

  it.runIf(serverUrl)("says in one line what to run first when the server database was never migrated", async () => {
    const env = commandEnv({ dataDir: freshDataDir(), databaseUrl: await createScratchDatabase("empty") });
    const command = `npm run cli -- deck export ${DEMO_DECK} --json`;
    const result = await runReadmeCommand(command, env, LIMIT_MS);
    expect({ code: result.code, stderr: result.stderr.trim() }, failureReport(command, result)).toEqual({
      code: 1,
      stderr: "The database has no Clio tables yet: run `npm run db:migrate` first.",
    });
  });
});
