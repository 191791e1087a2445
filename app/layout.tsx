import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { preload } from "react-dom";

import "./globals.css";

import { Footer } from "@/components/layout/Footer";
import { Header } from "@/components/layout/Header";
import { IndexerStatus } from "@/components/layout/IndexerStatus";
import { WrongNetworkBanner } from "@/components/layout/WrongNetworkBanner";
import { Providers } from "@/components/providers";
import { TxToasts } from "@/components/tx/TxToasts";
import { indexerUrl } from "@/lib/indexer/config";
import { indexerStatusUrl } from "@/lib/indexer/status";

const description = "Immutable MetaPools for on-chain cover.";

export const metadata: Metadata = {
  // Where absolute Open Graph URLs point; a deployment sets its own origin.
  metadataBase: new URL(process.env.NEXT_PUBLIC_SITE_URL ?? "http://localhost:3000"),
  title: { default: "Canopy", template: "%s · Canopy" },
  description,
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  openGraph: {
    type: "website",
    siteName: "Canopy",
    title: "Canopy",
    description,
    images: [{ url: "/og.png", width: 1200, height: 630, alt: "Canopy: on-chain cover from immutable MetaPools" }],
  },
  twitter: { card: "summary_large_image", title: "Canopy", description, images: ["/og.png"] },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8faf8" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1411" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  // Every list waits for the indexer's status (hooks/useIndexerStatus) before it asks the indexer: asked while the
  // scripts load (a `<link rel="preload">`), the first poll takes that answer instead of starting after hydration.
  if (indexerUrl) preload(indexerStatusUrl(indexerUrl), { as: "fetch", crossOrigin: "anonymous" });
  return (
    <html lang="en">
      <body className="antialiased">
        <Providers>
          <div className="flex min-h-screen flex-col">
            <Header />
            <WrongNetworkBanner />
            <IndexerStatus />
            <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">{children}</main>
            <Footer />
          </div>
          <TxToasts />
        </Providers>
      </body>
    </html>
  );
}
