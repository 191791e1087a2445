"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Address } from "viem";

import type { TokenMeta } from "@/hooks/useTokens";
import type { ErrorContext } from "@/lib/errors";
import { metaPoolErrorContext } from "@/lib/errors/context";
import { formatAmount } from "@/lib/format";
import type { MetaPoolDetails, MetaPoolView } from "@/lib/types/metaPool";
import type { AccountPosition } from "@/lib/types/positions";

export interface MetaPoolContextValue {
  address: Address;
  details: MetaPoolDetails;
  view: MetaPoolView;
  asset: TokenMeta;
  poolNames: string[];
  /** The connected account's position (undefined while disconnected or loading). */
  position: AccountPosition | undefined;
  /** The chain's clock (unix seconds); undefined until the first block arrives. */
  now: bigint | undefined;
  /** `amount` of the asset as "1,250.00 dUSD". */
  fmt: (amount: bigint, options?: { compact?: boolean; rounding?: "down" | "up" }) => string;
  /** Error context naming this MetaPool's asset and pools, for the write path. */
  errorContext: (action: string) => ErrorContext;
}

const MetaPoolContext = createContext<MetaPoolContextValue | null>(null);

export function MetaPoolProvider({
  details,
  asset,
  position,
  now,
  children,
}: {
  details: MetaPoolDetails;
  asset: TokenMeta;
  position: AccountPosition | undefined;
  now: bigint | undefined;
  children: ReactNode;
}) {
  const value = useMemo<MetaPoolContextValue>(() => {
    const view = details.view;
    const poolNames = view.pools.map((p) => p.name);
    return {
      address: view.metaPool,
      details,
      view,
      asset,
      poolNames,
      position,
      now,
      fmt: (amount, options) => formatAmount(amount, asset.decimals, { symbol: asset.symbol, ...options }),
      errorContext: metaPoolErrorContext(asset, poolNames, now),
    };
  }, [details, asset, position, now]);
  return <MetaPoolContext.Provider value={value}>{children}</MetaPoolContext.Provider>;
}

/** Everything a panel of the MetaPool page needs; only inside `MetaPoolProvider`. */
export function useMetaPoolContext(): MetaPoolContextValue {
  const value = useContext(MetaPoolContext);
  if (!value) throw new Error("useMetaPoolContext outside MetaPoolProvider");
  return value;
}
