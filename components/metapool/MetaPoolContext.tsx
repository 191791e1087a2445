"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Address } from "viem";

import { readChainNow } from "@/hooks/useChainNow";
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
  /** `amount` of the asset as "1,250.00 dUSD". */
  fmt: (amount: bigint, options?: { compact?: boolean; rounding?: "down" | "up" }) => string;
  /** Error context naming this MetaPool's asset and pools, and the chain's clock when the error is phrased. */
  errorContext: (action: string) => ErrorContext;
}

const MetaPoolContext = createContext<MetaPoolContextValue | null>(null);

export function MetaPoolProvider({
  details,
  asset,
  position,
  children,
}: {
  details: MetaPoolDetails;
  asset: TokenMeta;
  position: AccountPosition | undefined;
  children: ReactNode;
}) {
  // No clock in here: a value that changed every second re-rendered every panel of the page every second. Readers
  // of the time subscribe to the chain clock themselves (hooks/useChainNow.ts), each to what it shows.
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
      fmt: (amount, options) => formatAmount(amount, asset.decimals, { symbol: asset.symbol, ...options }),
      errorContext: (action) => metaPoolErrorContext(asset, poolNames, readChainNow())(action),
    };
  }, [details, asset, position]);
  return <MetaPoolContext.Provider value={value}>{children}</MetaPoolContext.Provider>;
}

/** Everything a panel of the MetaPool page needs; only inside `MetaPoolProvider`. */
export function useMetaPoolContext(): MetaPoolContextValue {
  const value = useContext(MetaPoolContext);
  if (!value) throw new Error("useMetaPoolContext outside MetaPoolProvider");
  return value;
}
