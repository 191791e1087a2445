"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useClient } from "wagmi";

import { arbiterRecordQuery } from "@/hooks/queries";
import { useIndexerStatus } from "@/hooks/useIndexerStatus";
import { statementIn } from "@/lib/arbiter";
import { appChain } from "@/lib/chain";

export type { ArbiterRecord } from "@/lib/arbiter";

/**
 * An arbiter's track record across every MetaPool naming it: from the indexer when lists come from it, else from
 * the chain's events (read once; any MetaPool write reads it again).
 */
export function useArbiterRecord(arbiter: Address | undefined) {
  const client = useClient({ chainId: appChain.id });
  const { listsFrom } = useIndexerStatus();
  return useQuery(arbiterRecordQuery(client, arbiter, listsFrom));
}

/**
 * The creation text of `metaPool` when its arbiter's record is already cached (a row opened, a MetaPool page seen);
 * never asks anything itself, so a list can name arbiters without a request per row.
 */
export function useKnownArbiterStatement(arbiter: Address, metaPool: Address): string | null {
  const client = useClient({ chainId: appChain.id });
  const { listsFrom } = useIndexerStatus();
  const cached = useQuery({ ...arbiterRecordQuery(client, arbiter, listsFrom), enabled: false });
  return statementIn(cached.data?.history, metaPool);
}
