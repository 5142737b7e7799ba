import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { PublicUser } from "@/lib/auth/users";

// Pages and server actions send a signed-out visitor to sign-in (and back afterwards); route
// handlers answer 401 instead, through lib's requireSignedInUser.

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
