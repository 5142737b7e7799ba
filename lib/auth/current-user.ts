import { cache } from "react";
import { auth } from "@/lib/auth/auth";
import type { PublicUser } from "@/lib/auth/users";

/**
 * For pages and server actions: the signed-in user with a live session, or null. One session check
 * per request. (Route handlers use requireSignedInUser; app/_lib/require-user.ts redirects.)
 */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await auth();
  return session?.user ?? null;
});
