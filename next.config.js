/** Headers for every response, files included; the CSP (with its per-request nonce) is set in proxy.ts. */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** For JSON answers that skip proxy.ts: nothing may load or frame them. */
const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The largest server-action body Next.js reads (its default is 1 MB). The new-deck form sends at
 * most an article's text and file (lib/content/drafts.ts MAX_UPLOAD_BYTES each, well under 1 MB);
 * the headroom lets a larger body reach the action, which answers with its own "too large" message
 * beside the field. Beyond this, proxy.ts answers 413 with the same advice before Next reads the
 * body. Kept equal to SERVER_ACTION_BODY_LIMIT_BYTES in lib/validation/limits.ts (a unit test checks).
 */
const SERVER_ACTION_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite finds its WebAssembly files relative to its own package, and the FSRS optimiser and
  // argon2 are native: load them from node_modules rather than bundling them. sql.js (Anki import and
  // export) finds sql-wasm.wasm beside its own script, which bundling would separate.
  serverExternalPackages: [
    "sql.js",
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "@open-spaced-repetition/binding-linux-x64-gnu",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES } },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // The routes proxy.ts skips (see its matcher): JSON only, so nothing may load or frame them.
      ...["/api/reviews", "/api/decks/:slug/queue"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: JSON_CSP }],
      })),
      // The service worker is checked for updates on every visit: never a stale copy from an HTTP cache.
      { source: "/sw.js", headers: [{ key: "Cache-Control", value: "no-cache" }] },
    ];
  },
};

export default nextConfig;
