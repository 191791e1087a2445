import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import "./globals.css";

import { Footer } from "@/components/layout/Footer";
import { Header } from "@/components/layout/Header";
import { WrongNetworkBanner } from "@/components/layout/WrongNetworkBanner";
import { Providers } from "@/components/providers";
import { TxToasts } from "@/components/tx/TxToasts";

export const metadata: Metadata = {
  title: { default: "Canopy", template: "%s · Canopy" },
  description: "Immutable MetaPools for on-chain cover.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8faf8" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1411" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="antialiased">
        <Providers>
          {/* Inside the providers: RainbowKit wraps its children in a div of its own. */}
          <div className="flex min-h-screen flex-col">
            <Header />
            <WrongNetworkBanner />
            <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">{children}</main>
            <Footer />
          </div>
          <TxToasts />
        </Providers>
      </body>
    </html>
  );
}
