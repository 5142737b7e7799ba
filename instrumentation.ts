// Next.js calls register() once when a server starts (not during `next build`).
export async function register() {
  // The Node.js runtime only: the embedded database and argon2 cannot run on the edge runtime.
  // NEXT_RUNTIME is Next's own variable, not app configuration, so it is read here and not in lib/env.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Rate limits need the client's socket address, which Next does not pass on (lib/auth/request-ip.ts).
  const { tagSocketAddresses } = await import("@/lib/auth/request-ip");
  tagSocketAddresses();
  // Next logs every failed request with its stack; during a database outage that is every request.
  const { throttleOutageLogs } = await import("@/lib/db/outage-log");
  throttleOutageLogs();
  const { prepareDatabase } = await import("@/lib/demo/seed");
  const { DataDirLockedError } = await import("@/lib/db/lock");
  try {
    await prepareDatabase(new Date());
  } catch (error) {
    // Another process holds the embedded database: a server that cannot open it must not start.
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(`Clio cannot start. ${error.message}`);
    process.exit(1);
  }
  // Parameter fits run in this process, one at a time, off the request path (docs/decisions/009-fitted-parameters.md).
  const { startFitWorker } = await import("@/lib/models/worker");
  startFitWorker();
}
