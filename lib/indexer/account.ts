import type { Address } from "viem";

import { asArray, asRecord, getIndexerJson, toAddress } from "./http";

/** Every MetaPool `account` touched (shares, requests, purchases, cover, claims, fees), in the factory's order. */
export async function fetchAccountMetaPools(base: string, account: Address, signal?: AbortSignal): Promise<Address[]> {
  const json = await getIndexerJson(base, `/canopy/account/${account.toLowerCase()}/metapools`, {}, signal);
  return asArray(asRecord(json, "account").metaPools, "MetaPools").map((a) => toAddress(a, "MetaPool address"));
}
