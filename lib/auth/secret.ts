import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

/**
 * AUTH_SECRET when set (it must be, on a real deployment). Otherwise a random secret generated on
 * first use and kept beside the embedded database, so a newcomer needs to configure nothing and
 * sessions survive a restart.
 */
export function getAuthSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (cached) return cached;
  if (env.CLIO_DATA_DIR.startsWith("memory://")) return (cached = randomBytes(32).toString("base64url"));
  const file = path.resolve(env.CLIO_DATA_DIR, "auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    // "wx": if another process created it first, use theirs.
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      cached = secret;
    } catch {
      cached = fs.readFileSync(file, "utf8").trim();
    }
  }
  return cached;
}
