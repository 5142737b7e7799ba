"use client";

import { useEffect } from "react";
import { QUEUE_PAGE } from "@/app/study/[slug]/study-client";

/** Decks kept ahead per page: the home page lists a student's current decks. */
const MAX_DECKS_KEPT = 10;

/**
 * Registers public/sw.js (offline study, docs/decisions/010-offline-study.md) and hands it what this
 * page loaded before the worker controlled it: the page itself, its build files and its queue, so a
 * first visit already works offline, and the decks the page links to for study (their study page,
 * article and next cards), so the current decks are ready before the bus leaves. Production builds only: in development the worker's cache
 * would serve stale hot-reloaded files.
 */
export function ServiceWorker({ enabled }: { enabled: boolean }) {
  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const loaded = performance.getEntriesByType("resource").map((entry) => entry.name);
        const urls = [location.href, ...loaded, ...studyLinksOnPage()].filter(
          (href) => new URL(href).origin === location.origin,
        );
        registration.active?.postMessage({ type: "keep", urls });
      })
      .catch((error: unknown) => {
        // Offline study is an extra: the app works without it (a browser that refuses workers).
        console.warn(`[clio] service worker not registered: ${(error as Error).message}`);
      });
  }, [enabled]);
  return null;
}

/** The study pages this page links to, with each deck's queue as the study page fetches it. */
function studyLinksOnPage(): string[] {
  const slugs = new Set<string>();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="/study/"]')) {
    const slug = /^\/study\/([^/?#]+)$/.exec(new URL(link.href).pathname)?.[1];
    if (slug && slugs.size < MAX_DECKS_KEPT) slugs.add(slug);
  }
  return [...slugs]
    .flatMap((slug) => [`/study/${slug}`, `/api/decks/${slug}/queue?limit=${QUEUE_PAGE}`])
    .map((path) => new URL(path, location.origin).href);
}
