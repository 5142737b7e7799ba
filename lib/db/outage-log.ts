import { isDatabaseUnavailable } from "@/lib/db/errors";
import { failureLog, summarize } from "@/lib/log";

/**
 * Routes console.error calls that carry a database-unavailable error (Next's own log of a failed
 * page or action) through the throttled failure log: one line per interval with a count, instead of
 * a stack trace per request. Everything else is printed as before. Called once, at server start.
 */
export function throttleOutageLogs(): void {
  const g = globalThis as { __clioOutageLogs?: boolean };
  if (g.__clioOutageLogs) return;
  g.__clioOutageLogs = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const outage = args.find((a) => isDatabaseUnavailable(a));
    if (outage === undefined) return print(...args);
    failureLog.write("database_unavailable", `Database unavailable: ${summarize(outage)}`, Date.now());
  };
}
