"use client";

import { useMemo } from "react";
import type { Address } from "viem";

import type { FetchedLogs } from "@/hooks/queries";
import { useMetaPoolLogs, usePastSource } from "@/hooks/useMetaPoolHistory";
import { sharePriceHistory, type SharePricePoint } from "@/lib/economics";
import { sharePricesFromSnapshots } from "@/lib/indexer/history";

const fromLogs = ({ logs }: FetchedLogs) => sharePriceHistory(logs);

/**
 * The MetaPool's share price over time (lib/economics): from the indexer's snapshots, or, without it, replayed from
 * the MetaPool's events from `fromBlock`.
 */
export function useSharePriceHistory(
  metaPool: Address,
  fromBlock: bigint,
): { data: SharePricePoint[] | undefined; isPending: boolean } {
  const past = usePastSource(metaPool);
  const logs = useMetaPoolLogs(metaPool, fromBlock, !past.fromIndexer, fromLogs);
  const snapshots = past.snapshots.data;
  const indexed = useMemo(() => (snapshots ? sharePricesFromSnapshots(snapshots) : undefined), [snapshots]);
  if (!past.fromIndexer) return { data: logs.data, isPending: logs.isPending };
  return { data: indexed, isPending: indexed === undefined };
}
