import type { Address } from "viem";

import { asArray, asRecord, getIndexerJson, IndexerError, toAddress } from "./http";

/**
 * What two MetaPool names share when the create wizard calls them the same: surrounding whitespace dropped (the form
 * sends the name trimmed) and letter case ignored, as lib/forms/create/texts `nameTakenWarning` compares them. The
 * indexer's /canopy/metapools/named matches with this very function.
 */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

export interface NamedMetaPool {
  address: Address;
  name: string;
}

/** The MetaPools whose name has `name`'s key, in the factory's order (empty when the name is free). */
export async function fetchMetaPoolsNamed(base: string, name: string, signal?: AbortSignal): Promise<NamedMetaPool[]> {
  const json = await getIndexerJson(base, "/canopy/metapools/named", { name }, signal);
  return asArray(asRecord(json, "names").metaPools, "MetaPools").map((item) => {
    const row = asRecord(item, "MetaPool");
    if (typeof row.name !== "string") throw new IndexerError("The indexer sent a malformed MetaPool name");
    return { address: toAddress(row.address, "MetaPool address"), name: row.name };
  });
}
