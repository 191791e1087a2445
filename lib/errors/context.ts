import { appChain } from "@/lib/chain";
import {
  formatAmount,
  formatBps,
  formatDateTime,
  formatDuration,
  formatPercentWad,
  formatRateApr,
  shortAddress,
  type Rounding,
} from "@/lib/format";

export interface ErrorContext {
  /** Verb phrase for the action, e.g. "deposit 100.00 dUSD" or "buy protection". */
  action: string;
  /** The MetaPool's asset, to format amounts in errors. */
  asset?: { symbol: string; decimals: number };
  /** Coverage pool names by id, to name pools in errors. */
  poolNames?: readonly string[];
  /** Unix seconds to count "in 2 d 3 h" from; the clock's time when absent. */
  now?: bigint;
}

/** Error contexts for one MetaPool's actions: its asset, its pool names and the clock, per action phrase. */
export function metaPoolErrorContext(
  asset: { symbol: string; decimals: number },
  poolNames: readonly string[],
  now?: bigint,
): (action: string) => ErrorContext {
  return (action) => ({ action, asset: { symbol: asset.symbol, decimals: asset.decimals }, poolNames, now });
}

/** The numbers of one error rendered for a person: units, names, dates. */
export interface Phrases {
  action: string;
  /** An amount of the asset ("420.00 dUSD"); base units when the asset is unknown. */
  assets(value: bigint, rounding?: Rounding): string;
  /** MetaPool shares, which carry the asset's decimals. */
  shares(value: bigint, rounding?: Rounding): string;
  /** Cover tokens, which carry the asset's decimals. */
  coverTokens(value: bigint, rounding?: Rounding): string;
  /** A whole number with thousands separators. */
  count(value: bigint | number): string;
  /** "the “Aave v3” pool", or "coverage pool #2" without a name. */
  pool(poolId: bigint): string;
  /** "25 Nov 2025, 13:05 UTC (in 2 d 3 h)" or "(…, 5 min ago)". */
  when(unixSeconds: bigint): string;
  /** "25 Nov 2025, 13:05 UTC". */
  date(unixSeconds: bigint): string;
  duration(seconds: bigint): string;
  percentWad(wad: bigint): string;
  rateApr(wad: bigint): string;
  bps(bps: bigint): string;
  address(address: string): string;
  /** The chain's native currency ("0.50 ETH"). */
  nativeAmount(wei: bigint): string;
}

function nowSeconds(ctx: ErrorContext): bigint {
  return ctx.now ?? BigInt(Math.floor(Date.now() / 1000));
}

export function phrasesFor(ctx: ErrorContext): Phrases {
  const { asset } = ctx;
  const count = (value: bigint | number) => formatAmount(BigInt(value), 0, { maxDecimals: 0 });
  // Shares and cover tokens carry the asset's decimals; without the asset only base units are honest.
  const inUnits =
    (unit: string | undefined) =>
    (value: bigint, rounding: Rounding = "down") =>
      asset
        ? formatAmount(value, asset.decimals, { symbol: unit, rounding })
        : `${count(value)} base units${unit ? ` of ${unit}` : ""}`;
  return {
    action: ctx.action,
    assets: inUnits(asset?.symbol),
    shares: inUnits("shares"),
    coverTokens: inUnits("cover tokens"),
    count,
    pool(poolId) {
      const name = ctx.poolNames?.[Number(poolId)];
      return name ? `the “${name}” pool` : `coverage pool #${poolId}`;
    },
    when(unixSeconds) {
      const now = nowSeconds(ctx);
      const relative =
        unixSeconds >= now ? `in ${formatDuration(unixSeconds - now)}` : `${formatDuration(now - unixSeconds)} ago`;
      return `${formatDateTime(unixSeconds)} (${relative})`;
    },
    date: (unixSeconds) => formatDateTime(unixSeconds),
    duration: (seconds) => formatDuration(seconds),
    percentWad: (wad) => formatPercentWad(wad),
    rateApr: (wad) => formatRateApr(wad),
    bps: (bps) => formatBps(bps),
    address: shortAddress,
    nativeAmount: (wei) =>
      formatAmount(wei, appChain.nativeCurrency.decimals, { symbol: appChain.nativeCurrency.symbol }),
  };
}
