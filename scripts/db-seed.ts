// `npm run db:seed`: loads content/ and the demo accounts into the database (idempotent).
import { closeDb } from "@/lib/db";
import { seedDemo, DEMO_USERS } from "@/lib/demo/seed";

async function main() {
  try {
    await seedDemo(new Date());
    console.log(`Seeded content and demo accounts: ${DEMO_USERS.map((u) => u.email).join(", ")}`);
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
