/**
 * A post-sign-in destination that stays on this site: a path starting with one "/" (not "//" or
 * "/\", which browsers treat as another host). Anything else goes home.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/";
  return value;
}
