import { describe, expect, it } from "vitest";
import { ThrottledLog, summarize } from "@/lib/log";
import { logAuthError } from "@/lib/auth/auth-log";

function captured(intervalMs = 60_000) {
  const lines: string[] = [];
  return { lines, log: new ThrottledLog(intervalMs, (line) => lines.push(line)) };
}

const T0 = Date.parse("2026-03-01T09:00:00Z");

describe("the throttled failure log", () => {
  it("writes one line per kind per interval, then says how many it held back", () => {
    const { lines, log } = captured();
    for (let i = 0; i < 41_775; i++) log.write("database_unavailable", "Database unavailable", T0 + i);
    log.write("other", "Something else", T0 + 10);
    expect(lines).toEqual(["Database unavailable", "Something else"]);
    log.write("database_unavailable", "Database unavailable", T0 + 60_000);
    expect(lines[2]).toBe("Database unavailable (41774 more like it in the last 60s not logged)");
    log.write("database_unavailable", "Database unavailable", T0 + 120_000);
    expect(lines[3]).toBe("Database unavailable");
  });

  it("summarizes a Prisma error as one line: its name, code and the sentence after the code frame", () => {
    const error = Object.assign(
      new Error(
        "\nInvalid `db.user.findFirst()` invocation in\n/app/x.ts:2:3\n\n→ 2 db.user.findFirst(\nCan't reach database server at 127.0.0.1:1",
      ),
      { code: "P1001" },
    );
    error.name = "PrismaClientKnownRequestError";
    expect(summarize(error)).toBe("PrismaClientKnownRequestError P1001: Can't reach database server at 127.0.0.1:1");
  });
});

describe("Auth.js's error log", () => {
  /** An Auth.js CredentialsSignin as the production build makes it: the class name minified, `type` intact. */
  function minifiedCredentialsSignin(code: string) {
    const error = new Error("Read more at https://errors.authjs.dev#credentialssignin");
    error.name = "r";
    return Object.assign(error, { type: "CredentialsSignin", code });
  }

  it("logs a refused sign-in as one line without a stack, whatever the minifier named its class", () => {
    const { lines, log } = captured();
    logAuthError(minifiedCredentialsSignin("credentials"), T0, log);
    logAuthError(minifiedCredentialsSignin("rate_limited"), T0, log);
    expect(lines).toEqual(["Sign-in refused (invalid_credentials)", "Sign-in refused (rate_limited)"]);
  });

  it("logs a sign-in that failed for a database outage as one throttled line", () => {
    const { lines, log } = captured();
    const callbackError = Object.assign(new Error("Read more at https://errors.authjs.dev#callbackrouteerror"), {
      type: "CallbackRouteError",
      cause: { err: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }) },
    });
    logAuthError(callbackError, T0, log);
    logAuthError(callbackError, T0 + 1, log);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Database unavailable during sign-in: /);
    expect(lines[0]).not.toContain("\n");
  });
});
