import { cache } from "react";
import { auth } from "@/lib/auth/auth";
import type { PublicUser } from "@/lib/auth/users";
import { UnauthenticatedError } from "@/lib/errors";
import { getToken } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/auth/secret";
import { findSessionUser } from "@/lib/auth/sessions";

const SESSION_COOKIE = "authjs.session-token";
const SECURE_PREFIX = "__Secure-";

/** The signed-in user with a live session, or null. One session check per request. */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await auth();
  return session?.user ?? null;
});

/**
 * The signed-in user, or UnauthenticatedError. Given the request, it reads the session token
 * directly (one decryption and one session lookup), instead of running Auth.js's whole session
 * action, which also re-encrypts the token for a cookie a route handler's response does not carry:
 * the review API's hot path (bench/review-throughput). Both check the same session row.
 * Pages and server actions redirect to sign-in instead: app/_lib/require-user.ts.
 */
export async function requireSignedInUser(request?: Request): Promise<PublicUser> {
  const user = request ? await userFromToken(request) : await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}

async function userFromToken(request: Request): Promise<PublicUser | null> {
  // Auth.js names the cookie __Secure-… on HTTPS; read whichever this browser has.
  const secureCookie = request.headers.get("cookie")?.includes(`${SECURE_PREFIX}${SESSION_COOKIE}`) ?? false;
  const token = await getToken({ req: request, secret: getAuthSecret(), secureCookie, cookieName: secureCookie ? `${SECURE_PREFIX}${SESSION_COOKIE}` : SESSION_COOKIE });
  return typeof token?.sid === "string" ? findSessionUser(token.sid, new Date()) : null;
}
