import type { MetadataRoute } from "next";

// The installable web app: served at /manifest.webmanifest and linked from every page by Next.js.
// The icons are rendered from app/icon.svg by scripts/make-icons.ts; public/sw.js keeps the pages
// studied offline (docs/decisions/010-offline-study.md).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Clio",
    short_name: "Clio",
    description:
      "Learn what an article says and argues, and remember it: grounded question cards with spaced repetition.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#faf9f7",
    theme_color: "#3b5bdb",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
