import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { SiteHeader } from "@/app/_components/site-header";
import { ServiceWorker } from "@/app/_components/service-worker";
import { env } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Clio", template: "%s · Clio" },
  description:
    "Learn what an article says and argues, and remember it: grounded question cards with spaced repetition.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#faf9f7" },
    { media: "(prefers-color-scheme: dark)", color: "#14161a" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry the request's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 btn-primary"
        >
          Skip to content
        </a>
        <SiteHeader />
        <ServiceWorker enabled={env.NODE_ENV === "production"} />
        <main id="main" className="mx-auto w-full max-w-5xl px-4 pb-16 pt-6 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
