// `npm run db:seed`: loads content/ and the demo accounts into the database (idempotent).
import { seedDemo, DEMO_USERS } from "@/lib/demo/seed";
import { db } from "@/lib/db";

async function main() {
  await seedDemo(new Date());
  console.log(`Seeded content and demo accounts: ${DEMO_USERS.map((u) => u.email).join(", ")}`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
