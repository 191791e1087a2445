import type { Metadata } from "next";

import { HowItWorksGuide } from "@/components/howItWorks/HowItWorksGuide";

export const metadata: Metadata = {
  title: "How it works",
  description:
    "How a Canopy MetaPool works: shared capital, the funding rate, delays, claims, payouts and the arbiter.",
};

export default function HowItWorksPage() {
  return <HowItWorksGuide />;
}
