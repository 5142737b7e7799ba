// `npm run db:migrate`: applies pending migrations to DATABASE_URL's server, or to the embedded
// database when it is unset (stop the app first: one process at a time may open a PGlite directory).
// The embedded database is then readied as the server's first start readies it (the demo data too).
import pg from "pg";
import { env } from "@/lib/env";
import { applyMigrations, pgSqlRunner } from "@/lib/db/migrate";
import { closeDb } from "@/lib/db";
import { prepareDatabase } from "@/lib/demo/seed";

async function main() {
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      const applied = await applyMigrations(pgSqlRunner(client));
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
    } finally {
      await client.end();
    }
  } else {
    try {
      await prepareDatabase(new Date());
    } finally {
      await closeDb();
    }
    console.log(
      `Embedded database in ${env.CLIO_DATA_DIR}/pglite is up to date${env.CLIO_DEMO_SEED ? ", with the demo data" : ""}.`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
