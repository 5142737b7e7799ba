// Clio's service worker: studying on a bus. It keeps what a student needs to go on without a
// network — the app's static files, the study pages and the article pages they opened, and each
// deck's queue (its next cards) — and serves them when the network fails. Reviews answered offline
// wait in IndexedDB and are sent by the page itself (app/study/[slug]/offline-store.ts).
// Hand-written rather than Serwist: Next 16 builds with Turbopack, which Serwist's webpack plugin
// does not hook into (docs/decisions/010-offline-study.md). Plain script: no bundler runs on it.

const VERSION = "1";
/** Build files (content-hashed names) and icons: cache-first, they never change under one name. */
const STATIC_CACHE = `clio-static-v${VERSION}`;
/** Pages and queues, personal: network-first, the copy is a fallback for when the network fails. */
const PAGES_CACHE = `clio-pages-v${VERSION}`;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const current = new Set([STATIC_CACHE, PAGES_CACHE]);
      for (const key of await caches.keys()) if (key.startsWith("clio-") && !current.has(key)) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

const isStatic = (url) =>
  url.pathname.startsWith("/_next/static/") ||
  url.pathname.startsWith("/icons/") ||
  ["/icon.svg", "/apple-icon.png", "/favicon.ico", "/manifest.webmanifest"].includes(url.pathname);
const isQueue = (url) => /^\/api\/decks\/[^/]+\/queue$/.test(url.pathname);
const studySlugOf = (url) => /^\/study\/([^/]+)$/.exec(url.pathname)?.[1] ?? null;
/** The pages kept for offline use: home, a deck, its study page and its article. */
const isKeptPage = (url) =>
  url.pathname === "/" || studySlugOf(url) !== null || /^\/decks\/[^/]+(\/article)?$/.test(url.pathname);
/** Pages are kept by path: `/decks/x/article?card=y` opens the same page as `/decks/x/article`. */
const pageKey = (url) => url.origin + url.pathname;
/** A React Server Components request (client-side navigation): its answer is not a page. */
const isRsc = (request, url) => request.headers.get("RSC") === "1" || url.searchParams.has("_rsc");

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || request.method !== "GET" || isRsc(request, url)) return;
  if (isStatic(url)) event.respondWith(cacheFirst(request));
  else if (isQueue(url)) event.respondWith(networkFirst(request, request.url, event));
  else if (request.mode === "navigate" && isKeptPage(url))
    event.respondWith(networkFirst(request, pageKey(url), event));
  else if (request.mode === "navigate" && url.pathname === "/sign-in") event.waitUntil(forgetPages());
});

/** The page asks to keep what it has already loaded (before this worker controlled it). */
self.addEventListener("message", (event) => {
  if (event.data?.type !== "keep" || !Array.isArray(event.data.urls)) return;
  event.waitUntil(
    Promise.all(
      event.data.urls.map(async (href) => {
        const url = new URL(href, self.location.origin);
        if (url.origin !== self.location.origin) return;
        if (isStatic(url)) await cacheFirst(new Request(url)).catch(() => undefined);
        else if (isQueue(url)) await refresh(url.href, url.href);
        else if (isKeptPage(url)) await Promise.all([refresh(pageKey(url), pageKey(url)), keepArticleOf(url)]);
      }),
    ),
  );
});

async function cacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const kept = await cache.match(request, { ignoreSearch: false });
  if (kept) return kept;
  const response = await fetch(request);
  if (keepable(response)) await cache.put(request, response.clone());
  return response;
}

/** The network's answer (kept for later), or the kept copy when the network fails. */
async function networkFirst(request, key, event) {
  const cache = await caches.open(PAGES_CACHE);
  // The copy is written beside the answer, not before it: a streamed page must not wait for its end.
  const fromNetwork = fetch(request).then((response) => {
    if (signedOut(response)) event.waitUntil(forgetPages());
    else if (keepable(response)) event.waitUntil(cache.put(key, response.clone()));
    return response;
  });
  event.waitUntil(fromNetwork.then(() => keepArticleOf(new URL(request.url))).catch(() => undefined));
  // No timeout: a slow server must not answer with a stale page (a page just changed, a session
  // just ended); only a failed request falls back to the copy.
  const kept = await cache.match(key);
  return kept ? fromNetwork.catch(() => kept) : fromNetwork;
}

/** A study page brings its deck's article along, so the passages can be read offline too. */
async function keepArticleOf(url) {
  const slug = studySlugOf(url);
  if (!slug) return;
  const article = new URL(`/decks/${slug}/article`, self.location.origin);
  await refresh(article.href, pageKey(article));
}

async function refresh(href, key) {
  try {
    const response = await fetch(href, { credentials: "same-origin" });
    if (signedOut(response)) await forgetPages();
    else if (keepable(response)) await (await caches.open(PAGES_CACHE)).put(key, response);
  } catch {
    // Offline: the copy kept earlier (if any) stays.
  }
}

const keepable = (response) => response.ok && response.type === "basic" && !response.redirected;

/** Sent to sign in: the session ended, and the pages kept were someone's personal pages. */
const signedOut = (response) => response.redirected && new URL(response.url).pathname === "/sign-in";

const forgetPages = () => caches.delete(PAGES_CACHE);
