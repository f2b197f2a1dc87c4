import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ServiceWorkerRegistration } from "@/components/pwa/service-worker-registration";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { env } from "@/env";
import { devMailboxEnabled } from "@/lib/dev-mailbox";
import { siteOrigin } from "@/lib/site-origin";
import "./globals.css";

/** Per request: absolute metadata URLs (the Open Graph image) need this site's origin. */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: siteOrigin(await headers()),
    title: { default: "G3netic Crypto Signals", template: "%s · G3netic" },
    description:
      "Live crypto trading signals for members: a real-time web feed and a Discord mirror, with every edit on record.",
    // Pages set no openGraph of their own: one would replace this whole object, and with it the
    // image from app/opengraph-image.tsx. Next fills og:title/description from each page's own.
    openGraph: { type: "website", siteName: "G3netic Crypto Signals" },
  };
}

export const viewport: Viewport = { themeColor: "#09090b", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render every page per request: the middleware's CSP nonce must be on its scripts, and a page
  // prerendered at build time would carry none (and be blocked).
  await connection();
  return (
    <html lang="en" className="dark">
      <body className="min-h-dvh">
        {/* No Convex client here: the live pages' own layouts add it (live-app-providers.tsx). */}
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-sky-500 focus:px-3 focus:py-2 focus:text-zinc-950"
        >
          Skip to content
        </a>
        <SiteHeader devMailbox={devMailboxEnabled(env)} />
        {/* At least a screen tall: the footer starts below the fold, so pages whose content
            arrives after the first paint (the feed, the console) do not push it across the
            screen — that move was their layout shift. */}
        <main id="main" className="mx-auto min-h-dvh w-full max-w-3xl px-4 pb-16 pt-4">
          {children}
        </main>
        <SiteFooter />
        <ServiceWorkerRegistration />
      </body>
    </html>
  );
}
