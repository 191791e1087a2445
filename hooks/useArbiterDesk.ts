"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Address } from "viem";
import { useClient } from "wagmi";

import { arbiterMetaPoolsQuery } from "@/hooks/indexerQueries";
import { arbiterDeskQuery } from "@/hooks/queries";
import { useIndexerStatus } from "@/hooks/useIndexerStatus";
import { useListedMetaPools } from "@/hooks/useListedMetaPools";
import { appChain } from "@/lib/chain";
import { sameAddress } from "@/lib/format";
import type { MetaPoolView } from "@/lib/types/metaPool";

export type { ArbiterDesk, PendingClaim } from "@/lib/reads/arbiterDesk";

/**
 * The MetaPools whose arbiter is `arbiter`, each with its live view: listed by the indexer, else every MetaPool of
 * the factory filtered here (hooks/useListedMetaPools).
 */
export function useArbiterMetaPools(arbiter: Address | undefined) {
  const keep = useCallback((view: MetaPoolView) => sameAddress(view.config.arbiter, arbiter), [arbiter]);
  return useListedMetaPools(arbiterMetaPoolsQuery, arbiter, keep);
}

/**
 * The arbiter desk's reads for one MetaPool, keyed under the MetaPool so a ruling, a shutdown
 * or a fee collection there refreshes them.
 */
export function useArbiterDesk(view: MetaPoolView, account: Address | undefined) {
  const client = useClient({ chainId: appChain.id });
  const { listsFrom } = useIndexerStatus();
  return useQuery(arbiterDeskQuery(client, view, account, listsFrom));
}
