// What a Node.js server does once at start. Kept out of instrumentation.ts so the edge build of that
// file never compiles Node-only code (Next compiles instrumentation for both runtimes).
import { tagSocketAddresses } from "@/lib/auth/request-ip";
import { throttleOutageLogs } from "@/lib/db/outage-log";
import { DataDirLockedError } from "@/lib/db/lock";
import { prepareDatabase } from "@/lib/demo/seed";
import { startFitWorker } from "@/lib/models/worker";

export async function startServer(): Promise<void> {
  // Rate limits need the client's socket address, which Next does not pass on (lib/auth/request-ip.ts).
  tagSocketAddresses();
  // Next logs every failed request with its stack; during a database outage that is every request.
  throttleOutageLogs();
  try {
    await prepareDatabase(new Date());
  } catch (error) {
    // Another process holds the embedded database: a server that cannot open it must not start.
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(`Clio cannot start. ${error.message}`);
    process.exit(1);
  }
  // Parameter fits run in this process, one at a time, off the request path (docs/decisions/009-fitted-parameters.md).
  startFitWorker();
}
