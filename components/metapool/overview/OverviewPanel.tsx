"use client";

import { CoveragePools } from "@/components/metapool/overview/CoveragePools";
import { Figures } from "@/components/metapool/overview/Figures";
import { FundingCurveSection } from "@/components/metapool/overview/FundingCurveSection";
import { HistorySection } from "@/components/metapool/overview/HistorySection";
import { Parameters, ProtectionStatement } from "@/components/metapool/overview/Parameters";

/** Overview tab: the MetaPool now, its coverage pools, its fixed rules and its past. */
export function OverviewPanel() {
  return (
    <div className="space-y-8">
      <Figures />
      <CoveragePools />
      <ProtectionStatement />
      <div className="grid gap-6 lg:grid-cols-2">
        <Parameters />
        <FundingCurveSection />
      </div>
      <HistorySection />
    </div>
  );
}
