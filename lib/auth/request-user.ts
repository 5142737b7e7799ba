import { getToken } from "next-auth/jwt";
import { LRUCache } from "lru-cache";
import type { PublicUser } from "@/lib/auth/users";
import { UnauthenticatedError } from "@/lib/errors";
import { getAuthSecret } from "@/lib/auth/secret";
import { findSessionUser } from "@/lib/auth/sessions";

const SESSION_COOKIE = "authjs.session-token";
const SECURE_PREFIX = "__Secure-";

/**
 * For route handlers: the signed-in user, or UnauthenticatedError. It reads the session token
 * directly (one decryption and one session lookup), instead of running Auth.js's whole session
 * action, which also re-encrypts the token for a cookie a route handler's response does not carry:
 * the review API's hot path (bench/review-throughput). It checks the same session row as getCurrentUser.
 * Pages and server actions redirect to sign-in instead: app/_lib/require-user.ts.
 */
export async function requireSignedInUser(request: Request): Promise<PublicUser> {
  const user = await userFromToken(request);
  if (!user) throw new UnauthenticatedError();
  return user;
}

/**
 * Session ids of tokens decrypted already, by the request's whole Cookie header: a browser sends the
 * same header on every request, and decrypting it (a key derivation and an authenticated decryption,
 * 0.8 ms of CPU) was a fifth of an authenticated request's cost. Safe to remember: a header maps to
 * one payload (the token is authenticated), only tokens that decrypted are kept, each until its own
 * expiry, and the session row is still checked on every request (revoking a session takes effect at
 * once). Bounded by the headers' total length.
 */
const decryptedSessions = new LRUCache<string, { sid: string; expiresAtMs: number }>({
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (_value, cookieHeader) => cookieHeader.length + 100,
});

async function userFromToken(request: Request): Promise<PublicUser | null> {
  const cookieHeader = request.headers.get("cookie");
  if (!cookieHeader) return null;
  const now = new Date();
  const remembered = decryptedSessions.get(cookieHeader);
  if (remembered && remembered.expiresAtMs > now.getTime()) return findSessionUser(remembered.sid, now);
  // Auth.js names the cookie __Secure-… on HTTPS; read whichever this browser has.
  const secureCookie = cookieHeader.includes(`${SECURE_PREFIX}${SESSION_COOKIE}`);
  const token = await getToken({
    req: request,
    secret: getAuthSecret(),
    secureCookie,
    cookieName: secureCookie ? `${SECURE_PREFIX}${SESSION_COOKIE}` : SESSION_COOKIE,
  });
  if (typeof token?.sid !== "string") return null;
  // getToken has refused an expired token; one without an expiry is not remembered.
  if (typeof token.exp === "number")
    decryptedSessions.set(cookieHeader, { sid: token.sid, expiresAtMs: token.exp * 1000 });
  return findSessionUser(token.sid, now);
}
