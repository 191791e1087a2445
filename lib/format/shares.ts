import { formatAmount } from "@/lib/format";
import { SHARE_UNIT } from "@/lib/forms/underwrite";

/** Shares (an ERC-20 with the asset's decimals) as "1,250.00 shares". */
export function formatShares(shares: bigint, decimals: number): string {
  return formatAmount(shares, decimals, { symbol: SHARE_UNIT });
}

/** Shares as the text a form field holds (exact, no float). */
export { formatUnits as sharesToText } from "viem";
