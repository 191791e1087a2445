"use client";

import { demoTokenAbi } from "@/abis";
import { deployment } from "@/lib/deployment";
import { formatAmount, sameAddress } from "@/lib/format";
import { queryKeys } from "@/lib/queryKeys";

import { contractWrite, useActionFlow } from "./write";

/** Test tokens per click: enough for a real deposit, well under the token's faucet limit. */
const FAUCET_UNITS = 10_000n;

/** Whether `token` is one of the deployment's demo tokens (local chains), which hand out test tokens. */
export const isDemoToken = (token: `0x${string}`) => deployment?.demoTokens.some((t) => sameAddress(t, token)) ?? false;

/** "Get 10,000.00 dUSD (test tokens)": only the token's balances change. */
export function useFaucet(asset: { address: `0x${string}`; symbol: string; decimals: number }) {
  const amount = FAUCET_UNITS * 10n ** BigInt(asset.decimals);
  return useActionFlow(() => ({
    label: `Get ${formatAmount(amount, asset.decimals, { symbol: asset.symbol })} (test tokens)`,
    write: contractWrite(asset.address, demoTokenAbi, "faucet", [amount]),
    errorContext: { action: "get test tokens", asset: { symbol: asset.symbol, decimals: asset.decimals } },
    invalidate: [queryKeys.token(asset.address)],
  }));
}
