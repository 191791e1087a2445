"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Address } from "viem";

import { indexedRepricingQuery } from "@/hooks/indexerQueries";
import type { FetchedLogs } from "@/hooks/queries";
import { useMetaPoolHistory, useMetaPoolLogs, usePastSource } from "@/hooks/useMetaPoolHistory";
import { deployment } from "@/lib/deployment";
import { repricing, repricingReasons, repricingSince, type Repricing, type RepricingReason } from "@/lib/economics";
import { lastFetchFailed } from "@/lib/queryState";
import type { MetaPoolView } from "@/lib/types/metaPool";

const allLogs = ({ logs }: FetchedLogs) => logs;
const NO_REASONS: RepricingReason[] = [];

/**
 * The repricing notice's figures for `account`'s cover in pool `poolId` (epoch `epoch`): the alert when its yearly
 * cost more than doubled since it became cover, and what moved the price since `seenSince` (when the account last
 * looked, if the cost rose since). With the indexer, when the cover started and the reasons come from it (a small
 * answer each); without it, or when its last answer failed, from the MetaPool's events.
 */
export function useRepricing(
  view: MetaPoolView,
  holding: { account: Address | undefined; poolId: number; epoch: number },
  costNow: bigint | null,
  seenSince: number | undefined,
): { alert: Repricing | null; seenReasons: RepricingReason[] } {
  const { account, poolId, epoch } = holding;
  const fromBlock = deployment?.startBlock ?? 0n;
  const past = usePastSource(view.metaPool);
  const history = useMetaPoolHistory(view.metaPool, view.config.curve, fromBlock);
  const base = past.fromIndexer ? past.base : null;
  const cover = useQuery(indexedRepricingQuery(base, view.metaPool, poolId, account ? { account, epoch } : undefined));
  const seen = useQuery(
    indexedRepricingQuery(base, view.metaPool, poolId, seenSince !== undefined ? { since: seenSince } : undefined),
  );
  const indexed = past.fromIndexer && !lastFetchFailed(cover) && !lastFetchFailed(seen);
  const logs = useMetaPoolLogs(view.metaPool, fromBlock, !indexed, allLogs).data;

  const series = history.data?.series;
  const { curve, payoutMultiple } = view.config;
  const coverAnswer = cover.data;
  const alert = useMemo(() => {
    if (!series || !account) return null;
    const params = { curve, payoutMultiple: BigInt(payoutMultiple) };
    if (indexed) {
      if (!coverAnswer) return null;
      return repricingSince(coverAnswer.since, series, poolId, params, costNow, () => coverAnswer.reasons);
    }
    return logs ? repricing(logs, series, { account, poolId, epoch }, params, costNow) : null;
  }, [series, account, indexed, coverAnswer, logs, poolId, epoch, curve, payoutMultiple, costNow]);

  const seenAnswer = seen.data;
  const seenReasons = useMemo(() => {
    if (seenSince === undefined) return NO_REASONS;
    if (indexed) return seenAnswer?.reasons ?? NO_REASONS;
    return logs ? repricingReasons(logs, seenSince, poolId) : NO_REASONS;
  }, [seenSince, indexed, seenAnswer, logs, poolId]);

  return { alert, seenReasons };
}
