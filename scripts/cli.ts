// `npm run cli -- <command>`: Clio from the command line, for teachers and scripts.
// Use `npm run -s cli -- ...` when piping: npm prints its own banner to stdout otherwise.
// On the embedded database, stop the app first: one process at a time may open it (lib/db/lock.ts).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ContentError } from "@/lib/content/problems";
import { DeckNotFoundError, exportDeck } from "@/lib/content/export";
import { importDeck } from "@/lib/content/import";
import { importFormatOf } from "@/lib/interop/import-file";
import { ArticleConflictError, DeckOwnershipError } from "@/lib/content/sync";
import { closeDb, db, isEmbedded } from "@/lib/db";
import { DataDirLockedError } from "@/lib/db/lock";
import { DomainError } from "@/lib/errors";
import { prepareDatabase } from "@/lib/demo/seed";

const USAGE = `Usage:
  npm run cli -- deck export <slug> [--json]                 print a deck (article and cards)
  npm run cli -- deck export <slug> --format apkg|csv --out <file>
                                                            write a deck as an Anki package or CSV
  npm run cli -- deck import <file> [--owner <email>] [--public]
                                                            load a deck file (.json, .apkg, .csv)
  npm run cli -- generate <file> [--json]                    draft cards from an article (.md or .txt)`;

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };
const io: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

async function deckExport(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, format: { type: "string" }, out: { type: "string" } },
  });
  const [slug] = positionals;
  if (!slug) return usage("deck export needs a deck slug");
  if (values.format !== undefined) {
    const { runDeckExportFile } = await import("./cli/interop");
    return runDeckExportFile(slug, values.format, values.out, io);
  }
  const deck = await exportDeck(slug);
  if (values.json) {
    io.stdout(`${JSON.stringify(deck, null, 2)}\n`);
  } else {
    io.stdout(`${deck.title} (${deck.slug}) — from "${deck.article.title}", ${deck.cards.length} cards\n`);
    for (const card of deck.cards) io.stdout(`  [${card.type}] ${card.prompt}\n      → ${card.answer}\n`);
  }
  return 0;
}

async function deckImport(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { owner: { type: "string" }, public: { type: "boolean" } },
  });
  const [file] = positionals;
  if (!file) return usage("deck import needs a deck file");
  if (!fs.existsSync(file)) return fail(`No such file: ${file}`);
  let ownerId: string | null = null;
  if (values.owner) {
    const owner = await db.user.findUnique({
      where: { email: values.owner.trim().toLowerCase() },
      select: { id: true, role: true },
    });
    if (!owner) return fail(`No account with the email ${values.owner}.`);
    if (owner.role !== "teacher") return fail(`${values.owner} is not a teacher: only teachers own decks.`);
    ownerId = owner.id;
  }
  const format = importFormatOf(file);
  if (format) {
    const { runDeckImportFile } = await import("./cli/interop");
    return runDeckImportFile(file, ownerId, values.public ?? false, io);
  }
  const report = await importDeck(
    fs.readFileSync(file, "utf8"),
    { file, contentDir: path.join(process.cwd(), "content"), ownerId, isPublic: values.public ?? false },
    new Date(),
  );
  io.stdout(
    `Imported ${report.slug}: ${report.cards} cards (${report.created} new, ${report.updated} updated, ` +
      `${report.restored} restored, ${report.retired} retired, ${report.unchanged} unchanged).\n`,
  );
  return 0;
}

async function generate(args: string[]): Promise<number> {
  const { runGenerate } = await import("./cli/generate");
  return runGenerate(args, io);
}

function usage(problem?: string): number {
  if (problem) io.stderr(`${problem}\n\n`);
  io.stderr(`${USAGE}\n`);
  return 2;
}

function fail(message: string): number {
  io.stderr(`${message}\n`);
  return 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (command === "deck" && (sub === "export" || sub === "import")) {
      // As the server's first start would: a fresh clone's CLI finds the demo deck too.
      await prepareDatabase(new Date());
      return sub === "export" ? await deckExport(rest) : await deckImport(rest);
    }
    if (command === "generate") return await generate(argv.slice(1));
    return usage(command ? `Unknown command: ${argv.join(" ")}` : undefined);
  } catch (error) {
    if (error instanceof DeckNotFoundError && !isEmbedded)
      return fail(`${error.message} (On a PostgreSQL server, \`npm run db:seed\` loads the demo deck.)`);
    if (
      error instanceof DomainError ||
      error instanceof ContentError ||
      error instanceof DeckNotFoundError ||
      error instanceof DeckOwnershipError ||
      error instanceof ArticleConflictError ||
      error instanceof DataDirLockedError
    ) {
      return fail(error.message);
    }
    if (isMissingTable(error)) return fail("The database has no Clio tables yet: run `npm run db:migrate` first.");
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
      return usage(error.message);
    throw error;
  } finally {
    await closeDb();
  }
}

/** Prisma's "table does not exist" (P2021): a PostgreSQL server that was never migrated. */
function isMissingTable(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2021";
}

// exitCode, not exit(): the process ends by itself once the database is closed, after stdout drains.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
