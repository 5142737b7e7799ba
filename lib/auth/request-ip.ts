import http from "node:http";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * The client's address, for rate limits. Next.js gives route handlers and server actions no socket
 * address (NextRequest.ip went in Next 15), and `next start` fills X-Forwarded-For with the socket
 * address only when the client sent none (base-server.js: `headers['x-forwarded-for'] ??= ...`), so
 * the header alone is whatever the client wants it to be. Hence:
 *
 * - CLIO_TRUSTED_PROXIES=0 (the default, nothing in front of `next start`): the socket address,
 *   stamped on each request by tagSocketAddresses() (run from instrumentation.ts) under a header
 *   whose value carries a per-process secret, so a client cannot forge it. X-Forwarded-For is ignored.
 * - CLIO_TRUSTED_PROXIES=N: the Nth X-Forwarded-For entry from the right, the one the outermost
 *   trusted proxy appended; entries further left are the client's own words.
 *
 * With neither (the tag missing, e.g. a runtime other than `next start`), one shared bucket: a
 * limit that is too strict for everyone is better than one an attacker sidesteps by rotating a header.
 */
export const UNKNOWN_ADDRESS = "unknown";

const SOCKET_HEADER = "x-clio-socket-address";
const g = globalThis as { __clioSocketTag?: string; __clioSocketTagged?: boolean };
// Shared through globalThis: instrumentation and route handlers are separate bundles in one process.
const socketTag = (g.__clioSocketTag ??= randomBytes(16).toString("hex"));

/**
 * Stamps every HTTP request this process serves with its socket address (overwriting whatever
 * header of that name the client sent). Idempotent.
 */
export function tagSocketAddresses(): void {
  if (g.__clioSocketTagged) return;
  g.__clioSocketTagged = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[SOCKET_HEADER] = `${socketTag} ${request.socket.remoteAddress ?? UNKNOWN_ADDRESS}`;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

/** The socket address stamped by tagSocketAddresses(), or null when the stamp is absent or forged. */
export function socketAddress(headers: Headers, tag = socketTag): string | null {
  const [value, address] = (headers.get(SOCKET_HEADER) ?? "").split(" ");
  return value === tag && address ? address : null;
}

/**
 * The client's address given how many proxies in front are trusted (see above). Pure.
 *
 * @example clientAddress(headers, 1) // "198.51.100.7" from "X-Forwarded-For: 203.0.113.9, 198.51.100.7"
 */
export function clientAddress(headers: Headers, trustedProxies: number, tag = socketTag): string {
  if (trustedProxies > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const entry = chain[chain.length - trustedProxies];
    if (entry) return entry;
  }
  return socketAddress(headers, tag) ?? UNKNOWN_ADDRESS;
}

/** The client's address for this deployment (CLIO_TRUSTED_PROXIES). */
export function requestIp(headers: Headers): string {
  return clientAddress(headers, env.CLIO_TRUSTED_PROXIES);
}
