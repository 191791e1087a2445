"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type { Address } from "viem";
import { useAccount, useClient } from "wagmi";

import { accountPositionHistoriesQuery } from "@/hooks/indexerQueries";
import { accountFiguresQuery, accountPositionsQuery } from "@/hooks/positionQueries";
import { readChainNow, useChainNowSelector } from "@/hooks/useChainNow";
import { useIndexerStatus } from "@/hooks/useIndexerStatus";
import { appChain } from "@/lib/chain";
import type { MetaPoolView } from "@/lib/types/metaPool";

/**
 * The connected account's position in each of `views`, with its due purchases shown as the cover
 * they already are (hooks/positionQueries.ts): every transaction on a MetaPool first runs the sync
 * that mints them, so the next action (withdrawing this cover included) settles them without a
 * separate step. Keyed under both the account and the MetaPool, so a write to either refreshes it.
 */
export function useAccountPositions(views: readonly MetaPoolView[] | undefined) {
  const { address: account } = useAccount();
  const client = useClient({ chainId: appChain.id });
  // Whether the clock has started: the read itself takes the clock at the instant it runs.
  const clockStarted = useChainNowSelector((now) => now !== undefined);
  const { listsFrom } = useIndexerStatus();
  const positions = useQuery(
    accountPositionsQuery(client, account, views, clockStarted ? readChainNow : undefined, listsFrom),
  );
  // A pending purchase falls due by the chain's clock, with or without a new block: read again when it does.
  const nextMaturity = useMemo(() => {
    const pending = (positions.data ?? []).flatMap((p) =>
      p.purchases.filter((x) => x.state === "pending").map((x) => BigInt(x.record.maturesAt)),
    );
    return pending.length === 0 ? undefined : pending.reduce((a, b) => (b < a ? b : a));
  }, [positions.data]);
  // Re-renders when the clock reaches the next maturity, not at every second.
  const fallenDue = useChainNowSelector(
    (now) => nextMaturity !== undefined && now !== undefined && now >= nextMaturity,
  );
  const { refetch } = positions;
  useEffect(() => {
    if (fallenDue) void refetch();
  }, [fallenDue, nextMaturity, refetch]);
  return positions;
}

/**
 * The Portfolio's positions (`views`: every MetaPool the account touched). Their first read starts as soon as the
 * indexer's answer names the MetaPools with every history, alongside the views' read rather than after it
 * (hooks/positionQueries' accountFiguresQuery): at 246 MetaPools the positions took three more round trips after
 * the views. Later reads (a new block, a write) are the usual one.
 */
export function usePortfolioPositions(views: readonly MetaPoolView[] | undefined) {
  const { address: account } = useAccount();
  const client = useClient({ chainId: appChain.id });
  const clockStarted = useChainNowSelector((now) => now !== undefined);
  const { listsFrom } = useIndexerStatus();
  // The same query as the Portfolio's list (hooks/usePortfolioMetaPools): no request of its own.
  const known = useQuery(accountPositionHistoriesQuery(listsFrom, account, listsFrom !== null)).data;
  const positions = useAccountPositions(account ? views : undefined);
  const first = positions.data === undefined;
  const queries = useQueryClient();
  useEffect(() => {
    if (!first || !known || !clockStarted) return;
    void queries.prefetchQuery(accountFiguresQuery(client, account, known, readChainNow));
  }, [first, known, clockStarted, queries, client, account]);
  return positions;
}

/** The connected account's position in one MetaPool. */
export function useAccountPosition(view: MetaPoolView | undefined) {
  const result = useAccountPositions(view ? [view] : undefined);
  return { ...result, data: result.data?.[0] };
}

export type { AccountPosition } from "@/lib/types/positions";
export type MetaPoolAddress = Address;
