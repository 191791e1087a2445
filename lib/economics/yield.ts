import { BPS, cloneState, mulDivDown, poolView, previewDeposit, WAD, type MetaPoolState } from "@/lib/protocol";

/**
 * Underwriter yield at today's premium speeds (SPEC §6).
 *
 * Convention: a simple yearly rate, not compounded. Every pool pays ρ_i = r(u_i) × P_i a year; after the
 * arbiter's and the creator's fees the rest goes to C. Premiums added to C do raise later payouts (and so
 * later premiums) in an uncapped MetaPool, but whether they do depends on what others buy and withdraw,
 * so the figure does not assume it: APY = Σ ρ_i × (1 − fees) / C, per year. Premium beyond a pool's
 * remaining cover is forgiven, so a pool about to lapse earns less than this says.
 *
 * Every division rounds down: the figure never promises more than the speeds pay.
 */

/** What the yield needs from a `metaPoolView()` (a `MetaPoolView` fits it). */
export interface YieldSource {
  capital: bigint;
  config: { arbiterFeeBps: number | bigint; creatorFeeBps: number | bigint };
  pools: readonly { premiumSpeed: bigint }[];
}

/** 10 000 − arbiter fee − creator fee: the basis points of each premium that go to C. */
export function capitalShareBps(config: YieldSource["config"]): bigint {
  return BPS - BigInt(config.arbiterFeeBps) - BigInt(config.creatorFeeBps);
}

/** Σ ρ_i net of fees, in asset base units per year, rounded down. */
export function netPremiumPerYear(source: YieldSource): bigint {
  const gross = source.pools.reduce((sum, p) => sum + p.premiumSpeed, 0n);
  return mulDivDown(gross, capitalShareBps(source.config), BPS * WAD);
}

/** The shares' current APY (WAD per year, simple): net premium per year / C; null when there is no capital. */
export function currentApy(source: YieldSource): bigint | null {
  if (source.capital === 0n) return null;
  const gross = source.pools.reduce((sum, p) => sum + p.premiumSpeed, 0n);
  // ρ is asset × WAD per year, so ρ / C is already a WAD rate.
  return mulDivDown(gross, capitalShareBps(source.config), BPS * source.capital);
}

/** The speeds of a mirror state as the view would show them (SPEC §6 step 1). */
export function yieldSourceOf(state: MetaPoolState): YieldSource {
  return {
    capital: state.capital,
    config: { arbiterFeeBps: state.params.arbiterFeeBps, creatorFeeBps: state.params.creatorFeeBps },
    pools: state.pools.map((_, i) => ({ premiumSpeed: poolView(state, i).premiumSpeed })),
  };
}

export interface DepositEarnings {
  /** Shares the deposit would mint (`previewDeposit`). */
  shares: bigint;
  /** The MetaPool's APY once the deposit is in C (an uncapped payout grows with free capital, and so do premiums). */
  apyAfter: bigint | null;
  /** What the deposit would earn in a year at the speeds after it: its share of the net premium, rounded down. */
  perYear: bigint;
}

/**
 * "You would earn ≈ X a year at today's rates": the mirror's state with `assets` added to C, its speeds
 * re-fixed (so an uncapped MetaPool's bigger payouts count), and the deposit's shares of the net premium.
 */
export function depositEarnings(state: MetaPoolState, assets: bigint): DepositEarnings {
  const after = cloneState(state);
  const shares = previewDeposit(assets, after.capital, after.shareSupply);
  after.capital += assets;
  after.shareSupply += shares;
  const source = yieldSourceOf(after);
  const net = netPremiumPerYear(source);
  return {
    shares,
    apyAfter: currentApy(source),
    perYear: after.shareSupply === 0n ? 0n : mulDivDown(net, shares, after.shareSupply),
  };
}
