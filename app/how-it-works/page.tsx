import type { Metadata } from "next";

import { PagePlaceholder } from "@/components/layout/PagePlaceholder";

export const metadata: Metadata = { title: "How it works" };

export default function HowItWorksPage() {
  return (
    <PagePlaceholder title="How Canopy works">
      How underwriters, seekers, creators and arbiters meet in an immutable MetaPool: how premiums are
      priced from utilisation, what a valid claim pays, and how long each step waits.
    </PagePlaceholder>
  );
}
