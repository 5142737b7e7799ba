// Next.js calls register() once when a server starts (not during `next build`).
export async function register() {
  // The Node.js runtime only: the embedded database and argon2 cannot run on the edge runtime.
  // NEXT_RUNTIME is Next's own variable, not app configuration, so it is read here and not in lib/env.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./instrumentation-node");
    await startServer();
  }
}
