import { env } from "@/lib/env";

/**
 * Logs at most one line per kind of failure per interval, and says how many it held back: during
 * a database outage every request fails the same way, and one line per request (41,775 in one
 * outage) buries everything else. The first line of a kind is written at once; lines of that kind
 * within the interval are counted, and the next one written after it carries the count.
 *
 * @example const log = new ThrottledLog(60_000); log.write("database_unavailable", "Database unreachable", Date.now());
 */
export class ThrottledLog {
  private readonly kinds = new Map<string, { until: number; suppressed: number }>();
  constructor(
    readonly intervalMs: number,
    private readonly print: (line: string) => void = (line) => console.error(line),
  ) {}

  /** Writes `line` unless a line of `kind` was written less than the interval ago; true when written. */
  write(kind: string, line: string, now: number): boolean {
    const window = this.kinds.get(kind);
    if (window && now < window.until) {
      window.suppressed += 1;
      return false;
    }
    const held = window?.suppressed ?? 0;
    const seconds = Math.round(this.intervalMs / 1000);
    this.print(held ? `${line} (${held} more like it in the last ${seconds}s not logged)` : line);
    this.kinds.set(kind, { until: now + this.intervalMs, suppressed: 0 });
    return true;
  }
}

/** The server's log of repeated failures (CLIO_LOG_REPEAT_SECONDS apart per kind). */
export const failureLog = new ThrottledLog(env.CLIO_LOG_REPEAT_SECONDS * 1000);

/**
 * One line for an error, without the stack: its name, code and the sentence that says what went wrong
 * (for Prisma's "Invalid `db.x()` invocation" messages, the last line, after the code frame).
 */
export function summarize(error: unknown): string {
  if (!(error instanceof Error)) return String(error).split("\n")[0]!;
  const lines = error.message
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const sentence = (/invocation/.test(lines[0] ?? "") ? lines.at(-1) : lines[0]) ?? "";
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === "string" ? ` ${code}` : ""}: ${sentence}`;
}
