"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useClient } from "wagmi";

import { metaPoolQuery, tokenMetasQuery, type TokenMeta } from "@/hooks/queries";
import { appChain } from "@/lib/chain";
import type { MetaPoolDetails } from "@/lib/types/metaPool";

/** What the server read for the MetaPool page (hooks/metaPoolPrefetch.ts), and when: the page's first data. */
export interface MetaPoolSnapshot {
  details: MetaPoolDetails;
  asset: TokenMeta;
  /** `Date.now()` on the server when it was read. */
  readAt: number;
}

/**
 * One MetaPool projected to now, with its creation parameters (full texts from the factory event). A `snapshot` the
 * server read is the first answer (stale at once: the browser reads it again on mount and on every new block).
 */
export function useMetaPool(address: Address | undefined, snapshot?: MetaPoolSnapshot) {
  const client = useClient({ chainId: appChain.id });
  const seed = snapshot && address && sameAddress(snapshot.details.view.metaPool, address) ? snapshot : undefined;
  return useQuery({
    ...metaPoolQuery(client, address),
    initialData: seed?.details,
    initialDataUpdatedAt: seed?.readAt,
  });
}

/** The symbol and decimals of a MetaPool's asset, from the server's snapshot when it has them (they never change). */
export function useMetaPoolAsset(asset: Address | undefined, snapshot?: MetaPoolSnapshot) {
  const client = useClient({ chainId: appChain.id });
  const seed = snapshot && asset && sameAddress(snapshot.asset.address, asset) ? snapshot.asset : undefined;
  return useQuery({
    ...tokenMetasQuery(client, asset ? [asset] : []),
    initialData: seed && { [seed.address.toLowerCase()]: seed },
    initialDataUpdatedAt: snapshot?.readAt,
  });
}

const sameAddress = (a: Address, b: Address) => a.toLowerCase() === b.toLowerCase();
