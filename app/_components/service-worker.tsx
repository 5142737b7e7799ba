"use client";

import { useEffect } from "react";

/**
 * Registers public/sw.js (offline study, docs/decisions/010-offline-study.md) and hands it what this
 * page loaded before the worker controlled it: the page itself, its build files and its queue, so a
 * first visit already works offline. Production builds only: in development the worker's cache
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
        const urls = [location.href, ...loaded].filter((href) => new URL(href).origin === location.origin);
        registration.active?.postMessage({ type: "keep", urls });
      })
      .catch((error: unknown) => {
        // Offline study is an extra: the app works without it (a browser that refuses workers).
        console.warn(`[clio] service worker not registered: ${(error as Error).message}`);
      });
  }, [enabled]);
  return null;
}
