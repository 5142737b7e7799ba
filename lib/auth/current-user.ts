import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import type { PublicUser } from "@/lib/auth/users";
import { HttpError } from "@/lib/http/errors";

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

/** For route handlers: the user, or an HttpError(401). */
export async function requireApiUser(): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) throw new HttpError(401, "Sign in to continue.");
  return user;
}
