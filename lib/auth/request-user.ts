import { getToken } from "next-auth/jwt";
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

async function userFromToken(request: Request): Promise<PublicUser | null> {
  // Auth.js names the cookie __Secure-… on HTTPS; read whichever this browser has.
  const secureCookie = request.headers.get("cookie")?.includes(`${SECURE_PREFIX}${SESSION_COOKIE}`) ?? false;
  const token = await getToken({
    req: request,
    secret: getAuthSecret(),
    secureCookie,
    cookieName: secureCookie ? `${SECURE_PREFIX}${SESSION_COOKIE}` : SESSION_COOKIE,
  });
  return typeof token?.sid === "string" ? findSessionUser(token.sid, new Date()) : null;
}
