import type { Metadata } from "next";

import { PortfolioView } from "@/components/portfolio/PortfolioView";

export const metadata: Metadata = { title: "Portfolio" };

export default function PortfolioPage() {
  return (
    <section className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Your portfolio</h1>
        <p className="max-w-prose text-sm text-muted">
          Everything the connected account holds across MetaPools, valued now by the chain&apos;s clock. Actions that
          need no input are one click here; the rest are on each MetaPool&apos;s page.
        </p>
      </div>
      <PortfolioView />
    </section>
  );
}
