// Runs at the end of `npm run build`: the embedded database's starting point (lib/db/snapshot.ts),
// so that a first `npm start` skips initdb.
import { writeSnapshot } from "@/lib/db/snapshot";

writeSnapshot().then(
  (file) => console.log(`Embedded database snapshot (migrated, no data): ${file}`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
