import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import type { PublicUser } from "@/lib/auth/users";
import { HttpError } from "@/lib/http/errors";
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

/** For pages and server actions: the user, or a redirect to sign-in. */
export async function requireUser(returnTo?: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

/** For pages and server actions that only teachers may use. */
export async function requireTeacher(returnTo?: string): Promise<PublicUser> {
  const user = await requireUser(returnTo);
  if (user.role !== "teacher") redirect("/?error=teachers-only");
  return user;
}

/**
 * For route handlers: the user, or an HttpError(401). Given the request, it reads the session
 * token directly (one decryption and one session lookup), instead of running Auth.js's whole
 * session action, which also re-encrypts the token for a cookie a route handler's response does
 * not carry: the review API's hot path (bench/review-throughput). Both check the same session row.
 */
export async function requireApiUser(request?: Request): Promise<PublicUser> {
  const user = request ? await userFromToken(request) : await getCurrentUser();
  if (!user) throw new HttpError(401, "Sign in to continue.");
  return user;
}

async function userFromToken(request: Request): Promise<PublicUser | null> {
  // Auth.js names the cookie __Secure-… on HTTPS; read whichever this browser has.
  const secureCookie = request.headers.get("cookie")?.includes(`${SECURE_PREFIX}${SESSION_COOKIE}`) ?? false;
  const token = await getToken({ req: request, secret: getAuthSecret(), secureCookie, cookieName: secureCookie ? `${SECURE_PREFIX}${SESSION_COOKIE}` : SESSION_COOKIE });
  return typeof token?.sid === "string" ? findSessionUser(token.sid, new Date()) : null;
}
