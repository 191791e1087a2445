import type { Metadata } from "next";

import { PagePlaceholder } from "@/components/layout/PagePlaceholder";

export const metadata: Metadata = { title: "Portfolio" };

export default function PortfolioPage() {
  return (
    <PagePlaceholder title="Your portfolio">
      Your underwriting shares and withdrawal requests, your cover positions with the premium they are
      paying, and any claim payouts or refunds waiting for you to redeem.
    </PagePlaceholder>
  );
}
