import type { Address } from "viem";

import { metaOf, type TokenMeta } from "@/hooks/useTokens";
import { shortAddress } from "@/lib/format";

/** The asset's symbol, or its short address until (or unless) the token answers. */
export function assetSymbol(metas: Record<string, TokenMeta> | undefined, asset: Address): string {
  return metaOf(metas, asset)?.symbol ?? shortAddress(asset);
}
