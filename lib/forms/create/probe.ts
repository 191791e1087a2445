import { BaseError, erc20Abi, HttpRequestError, TimeoutError, type Address, type Client } from "viem";
import { getCode, readContract } from "viem/actions";

import { checkAssetProbe, type AssetInfo } from "./addresses";
import type { Check } from "./check";

/**
 * Reads what the factory will check at `address` (code, `decimals()`), the symbol the app shows and the total
 * supply (no purchase can exceed it), and returns the verdict. A call that reverts means "not a token"; a transport
 * failure throws instead, so the caller can say the network failed and offer a retry.
 */
export async function readAssetVerdict(client: Client, token: Address): Promise<Check<AssetInfo>> {
  const code = await getCode(client, { address: token });
  if (!code || code === "0x") return checkAssetProbe(token, { hasCode: false });
  const [decimals, symbol, totalSupply] = await Promise.allSettled([
    readContract(client, { address: token, abi: erc20Abi, functionName: "decimals" }),
    readContract(client, { address: token, abi: erc20Abi, functionName: "symbol" }),
    readContract(client, { address: token, abi: erc20Abi, functionName: "totalSupply" }),
  ]);
  for (const result of [decimals, symbol, totalSupply]) {
    if (result.status === "rejected" && isTransportFailure(result.reason)) throw result.reason;
  }
  return checkAssetProbe(token, {
    hasCode: true,
    decimals: decimals.status === "fulfilled" ? Number(decimals.value) : undefined,
    symbol: symbol.status === "fulfilled" ? symbol.value : undefined,
    totalSupply: totalSupply.status === "fulfilled" ? totalSupply.value : undefined,
  });
}

function isTransportFailure(cause: unknown): boolean {
  if (!(cause instanceof BaseError)) return false;
  return Boolean(cause.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError));
}
