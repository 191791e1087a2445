import { checkAmount } from "@/lib/forms/amount";
import { maxWithdrawableShares, requestPayment, type RequestQuote, type RequestStatus } from "@/lib/forms/underwrite";
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

export type RequestWithdrawCheck =
  | { ok: true; shares: bigint; assets: bigint; all: boolean }
  | { ok: false; error: string };

/**
 * A withdrawal from an open request typed as an asset amount, checked before sending. The shares sent are the most
 * whose payment under the min rule (`requestPayment`) is at most the amount typed: `maxWithdrawableShares` already
 * finds exactly that for the free capital, so it converts the typed amount too. `all` (Max, or the whole withdrawable
 * amount typed) sends the most shares payable now: the whole request when nothing is held back.
 */
export function checkRequestWithdrawAssets(
  text: string,
  rules: {
    decimals: number;
    symbol: string;
    quote: RequestQuote;
    status: RequestStatus;
    capital: bigint;
    supply: bigint;
    all: boolean;
  },
): RequestWithdrawCheck {
  const { quote, status, capital, supply } = rules;
  if (status.withdrawable === 0n) return { ok: false, error: status.reason ?? "Nothing is withdrawable now." };
  const most = mostWithdrawable(quote, status, capital, supply);
  if (rules.all) return { ok: true, shares: most.shares, assets: most.assets, all: true };
  const check = checkAmount(text, {
    decimals: rules.decimals,
    symbol: rules.symbol,
    max: [
      {
        value: most.assets,
        reason: most.shares === quote.shares ? "what this request pays now" : "what the free capital can pay now",
      },
    ],
  });
  if (!check.ok) return check;
  if (check.value === most.assets) return { ok: true, shares: most.shares, assets: most.assets, all: true };
  const shares = maxWithdrawableShares(quote, capital, supply, check.value);
  if (shares === 0n) return { ok: false, error: "Enter a larger amount: this is less than one unit of a share." };
  return { ok: true, shares, assets: requestPayment(shares, quote, capital, supply), all: false };
}

/** The most shares of a request payable now and what they pay: all of them after a shutdown (SPEC §8). */
export function mostWithdrawable(
  quote: RequestQuote,
  status: RequestStatus,
  capital: bigint,
  supply: bigint,
): { shares: bigint; assets: bigint } {
  const shares =
    status.withdrawable === 0n
      ? 0n
      : status.state === "shutdown"
        ? quote.shares
        : maxWithdrawableShares(quote, capital, supply, status.withdrawable);
  return { shares, assets: requestPayment(shares, quote, capital, supply) };
}
