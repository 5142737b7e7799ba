import path from "node:path";
import { db, isEmbedded, openEmbeddedDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { loadAllDecks } from "@/lib/content/load";
import { syncDeck, type SyncReport } from "@/lib/content/sync";
import { seedDemoClass } from "@/lib/demo/classes";

/** The demo accounts the README lists. `.example` is a reserved domain: these never reach anyone. */
export const DEMO_USERS = [
  { email: "teacher@clio.example", password: "clio-demo-teacher", name: "Ada Teacher", role: "teacher" },
  { email: "student@clio.example", password: "clio-demo-student", name: "Sam Student", role: "student" },
] as const;

export const CONTENT_DIR = path.join(process.cwd(), "content");

/** Loads every deck in content/ into the database (idempotent; see syncDeck). */
export async function syncContentDecks(now: Date): Promise<SyncReport[]> {
  const decks = await loadAllDecks(CONTENT_DIR);
  const reports: SyncReport[] = [];
  for (const deck of decks) reports.push(await syncDeck(deck, { isPublic: true }, now));
  return reports;
}

/** Creates the demo users if missing (never resets a password someone changed). */
export async function ensureDemoUsers(): Promise<void> {
  for (const user of DEMO_USERS) {
    const exists = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (exists) continue;
    await db.user.create({
      data: { email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password) },
    });
  }
}

export async function seedDemo(now: Date): Promise<void> {
  // Opened first so that a locked data directory stops here with its own message (lib/db/lock.ts).
  if (isEmbedded) await openEmbeddedDatabase();
  await syncContentDecks(now);
  await ensureDemoUsers();
  await seedDemoClass(now);
}

/**
 * Readies the database as every process that uses it does: the server when it starts
 * (instrumentation.ts), the CLI and the db:* scripts. On the embedded database: migrations (applied
 * as it opens) and the demo data (idempotent; CLIO_DEMO_SEED=0 turns it off), so a fresh clone works
 * whichever command runs first. A PostgreSQL server is left as it is: it is migrated and seeded
 * explicitly (`npm run db:migrate`, `npm run db:seed`).
 */
export async function prepareDatabase(now: Date): Promise<void> {
  if (!isEmbedded) return;
  if (env.CLIO_DEMO_SEED) await seedDemo(now);
  else await openEmbeddedDatabase();
}
