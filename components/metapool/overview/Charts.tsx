"use client";

import dynamic from "next/dynamic";

import { Skeleton } from "@/components/ui/States";

// Charts are the heaviest code on the page: loaded after it, never on the server.
export const LineChart = dynamic(() => import("@/components/charts/LineChart"), {
  ssr: false,
  loading: () => <Skeleton className="h-48 w-full" />,
});

export const FundingCurveChart = dynamic(() => import("@/components/charts/FundingCurveChart"), {
  ssr: false,
  loading: () => <Skeleton className="h-56 w-full" />,
});
