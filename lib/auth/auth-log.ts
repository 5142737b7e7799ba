import { isDatabaseUnavailable } from "@/lib/db/errors";
import { failureLog, summarize, type ThrottledLog } from "@/lib/log";

/**
 * Auth.js's error logger. A refused sign-in (wrong password, or rate limited) is an expected
 * outcome: one line, no stack. It is recognised by Auth.js's `type`, a string it sets on each error
 * class; the class name (`error.name`) is whatever the production build's minifier made of it.
 * A database outage is one line per interval, as everywhere (lib/log.ts); anything else is logged whole.
 */
export function logAuthError(error: Error, now = Date.now(), log: ThrottledLog = failureLog): void {
  const { type, code } = error as { type?: unknown; code?: unknown };
  if (type === "CredentialsSignin") {
    const reason = typeof code === "string" && code !== "credentials" ? code : "invalid_credentials";
    log.write(`sign_in_refused:${reason}`, `Sign-in refused (${reason})`, now);
    return;
  }
  if (isDatabaseUnavailable(error)) {
    log.write("database_unavailable", `Database unavailable during sign-in: ${summarize(error)}`, now);
    return;
  }
  console.error(error);
}
