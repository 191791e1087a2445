"use client";

import dynamic from "next/dynamic";

import { AfterIdle } from "@/components/metapool/AfterIdle";
import { CoveragePools } from "@/components/metapool/overview/CoveragePools";
import { Figures } from "@/components/metapool/overview/Figures";
import { FundingCurveSection } from "@/components/metapool/overview/FundingCurveSection";
import { Parameters, ProtectionStatement } from "@/components/metapool/overview/Parameters";
import { LoadingRows } from "@/components/ui/States";

const historyLoading = <LoadingRows rows={3} label="Loading the MetaPool's history" />;

// The history (its event reads, the replay and three charts) is the page's heaviest work and sits at the bottom:
// its code loads, and its reads start, once the browser is idle after the figures above are on screen.
const HistorySection = dynamic(
  () => import("@/components/metapool/overview/HistorySection").then((m) => m.HistorySection),
  { ssr: false, loading: () => historyLoading },
);

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
      <AfterIdle fallback={historyLoading}>
        <HistorySection />
      </AfterIdle>
    </div>
  );
}
