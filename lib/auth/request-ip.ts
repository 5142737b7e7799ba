/**
 * The client's address for rate limiting: the first X-Forwarded-For entry, which `next start` and
 * any reverse proxy in front of it set. Behind a proxy that does not overwrite the header a client
 * could spoof it; the per-account limit still holds then.
 */
export function requestIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
