import { checkAmount } from "@/lib/forms/amount";
import { convertToAssets } from "@/lib/protocol";

/**
 * Shares to request for an asset amount: the most shares whose value, convertToAssets(shares) =
 * floor(shares × (C + 1) / (supply + 1)), is at most the amount typed at today's price, so the
 * request locks exactly what was typed when a share unit allows it and never more.
 */
export function sharesForAssets(assets: bigint, capital: bigint, supply: bigint): bigint {
  if (supply === 0n) return assets;
  // floor(s × (C + 1) / (supply + 1)) ≤ assets  ⟺  s × (C + 1) < (assets + 1) × (supply + 1).
  return ((assets + 1n) * (supply + 1n) - 1n) / (capital + 1n);
}

export type RequestCheck = { ok: true; shares: bigint; assets: bigint; all: boolean } | { ok: false; error: string };

/**
 * A withdrawal request typed as an asset amount, checked before sending: a valid amount, at most
 * what the shares are worth, and at least one base unit of share. `all` (Max, or the whole worth
 * typed) requests the exact share balance.
 */
export function checkRequestAssets(
  text: string,
  rules: { decimals: number; symbol: string; shares: bigint; capital: bigint; supply: bigint; all: boolean },
): RequestCheck {
  const { shares: held, capital, supply } = rules;
  if (held === 0n) return { ok: false, error: "You hold no shares of this MetaPool." };
  const worth = convertToAssets(held, capital, supply);
  if (rules.all) return { ok: true, shares: held, assets: worth, all: true };
  const check = checkAmount(text, {
    decimals: rules.decimals,
    symbol: rules.symbol,
    max: [{ value: worth, reason: "what your shares are worth now" }],
  });
  if (!check.ok) return check;
  if (check.value === worth) return { ok: true, shares: held, assets: worth, all: true };
  const shares = sharesForAssets(check.value, capital, supply);
  if (shares === 0n) return { ok: false, error: "Enter a larger amount: this is less than one unit of a share." };
  return { ok: true, shares, assets: convertToAssets(shares, capital, supply), all: false };
}
