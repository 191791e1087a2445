import type { Metadata } from "next";

import { ArbiterDesk } from "@/components/arbiter/ArbiterDesk";
import { TermLink } from "@/components/howItWorks/TermLink";

export const metadata: Metadata = { title: "Arbiter" };

export default function ArbiterPage() {
  return (
    <section className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Arbiter desk</h1>
        <p className="max-w-prose text-sm text-muted">
          The <TermLink term="arbiter" /> decides alone whether a claim is valid, judged against the MetaPool&apos;s
          protection statement, and rules claims in filing order. While a claim is pending, deposits, withdrawals and
          purchases are frozen; if a claim waits 30 days, anyone may shut the MetaPool down and void it.
        </p>
      </div>
      <ArbiterDesk />
    </section>
  );
}
