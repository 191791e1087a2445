import type { Address } from "viem";

import { asArray, asRecord, getIndexerJson, toAddress } from "./http";

/** The MetaPools naming `arbiter` as their arbiter, in the factory's order (the arbiter desk's list). */
export async function fetchArbiterMetaPools(base: string, arbiter: Address, signal?: AbortSignal): Promise<Address[]> {
  const json = await getIndexerJson(base, `/canopy/arbiter/${arbiter.toLowerCase()}/metapools`, {}, signal);
  return asArray(asRecord(json, "arbiter").metaPools, "MetaPools").map((a) => toAddress(a, "MetaPool address"));
}
