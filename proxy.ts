import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isUnsafeText } from "@/lib/validation/text";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/validation/limits";
import { MAX_ARTICLE_CHARS } from "@/lib/generate/validate";

/**
 * Security headers on every response Next renders (next.config.js adds the static ones to files as
 * well). The Content-Security-Policy carries a fresh nonce per request: Next.js reads it from the
 * request's CSP header and puts it on the inline scripts that hydrate the page, so every other inline
 * script (an injected one) is refused. Pages must render per request for that: app/layout.tsx opts in.
 */
export function proxy(request: NextRequest) {
  const refusal = refuseBadPath(request.nextUrl.pathname) ?? refuseHugeForm(request);
  if (refusal) return refusal;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, https);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  // HTTPS only: over plain HTTP browsers ignore it, and localhost must stay reachable without TLS.
  if (https) response.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  return response;
}

/**
 * A path that is not valid percent-encoding (`/decks/%ff`) or that decodes to a NUL or a lone
 * surrogate (`/api/decks/%00/queue`) names nothing: 400 here, before a page or route passes it to
 * the database (which answered 500).
 */
function refuseBadPath(pathname: string): Response | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = "\u0000";
  }
  if (!isUnsafeText(decoded)) return null;
  const message = "This address is not valid: it contains a character that cannot be part of one.";
  return pathname.startsWith("/api/")
    ? Response.json({ error: message, code: "invalid_path" }, { status: 400 })
    : new Response(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * A form post to a page (a server action, with or without JavaScript) larger than Next.js will read:
 * Next would answer with a generic error; this says what to do. Smaller bodies reach the action,
 * which refuses an over-long article with its own message beside the field.
 */
function refuseHugeForm(request: NextRequest): Response | null {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return null;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (!(length > SERVER_ACTION_BODY_LIMIT_BYTES)) return null;
  const message =
    `This form sent ${(length / 1024 / 1024).toFixed(1)} MB, more than Clio accepts (${SERVER_ACTION_BODY_LIMIT_BYTES / 1024 / 1024} MB). ` +
    `Articles are limited to ${MAX_ARTICLE_CHARS.toLocaleString("en-US")} characters: split a longer one into parts and make a deck from each.`;
  return new Response(message, { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export function contentSecurityPolicy(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlays; the production build does not.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React's style={...}) need it; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The offline service worker (public/sw.js): without it, workers fall back to script-src,
    // where 'strict-dynamic' ignores 'self' and the registration is refused.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https://github.com",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const config = {
  // Not the build's static files (immutable; next.config.js gives them the static headers), and not
  // the study loop's two routes, which next.config.js gives a CSP of their own (a JSON answer needs
  // no nonce): POST /api/reviews, sent for every answer (a proxy in front of a route that reads a
  // body costs that route a copy of the body: 1.5 ms of CPU a review, bench/review-throughput), and
  // the queue, fetched ahead as the student studies (bench/due-queue), when its slug is one a deck
  // can have (lowercase letters, digits, hyphens: lib/content/publish.ts slugify). Any other
  // segment, `%ff` or `%00` say, still comes here to be refused.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/reviews$|api/decks/[a-z0-9-]+/queue$).*)" }],
};
