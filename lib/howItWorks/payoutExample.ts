import {
  buyProtection,
  deposit,
  fileClaim,
  newMetaPool,
  poolView,
  resolveClaim,
  sync,
  unwrap,
  WAD,
  type FundingCurve,
} from "@/lib/protocol";
import { exampleParams, ONE } from "@/lib/protocol/specExample";

const PARAMS = exampleParams();

export interface PayoutExample {
  decimals: number;
  symbol: string;
  curve: FundingCurve;
  pools: readonly string[];
  /** C before the claim. */
  capital: bigint;
  /** K of each pool. */
  active: readonly bigint[];
  /** F = C − Σ K. */
  free: bigint;
  /** P of pool A. */
  payout: bigint;
  /** u and r(u) of each pool (all equal here). */
  utilisation: bigint;
  rate: bigint;
  /** r × P: what each pool's seekers pay in a year at this rate. */
  yearlyPremium: bigint;
  /** C after the valid claim on A. */
  capitalAfter: bigint;
  /** What A's cover holders redeem together: K_A + P_A. */
  redeemable: bigint;
}

/**
 * SPEC §9 example 1, played through the protocol mirror rather than typed in: 1 000 of capital,
 * three pools with 100 of cover each, then a valid claim on pool A in the same second.
 */
export function payoutExample(): PayoutExample {
  const created = 1_735_689_600n; // any time; nothing accrues in the example
  const bought = created + 3_600n;
  const live = bought + PARAMS.purchaseDelay;

  let s = newMetaPool(PARAMS, 3, created);
  s = unwrap(deposit(s, 1_000n * ONE, bought)).state;
  for (const poolId of [0, 1, 2]) s = unwrap(buyProtection(s, poolId, 100n * ONE, bought)).state;
  s = unwrap(sync(s, live)).state;

  const views = [0, 1, 2].map((i) => poolView(s, i));
  const a = views[0]!;
  const before = { capital: s.capital, active: s.pools.map((p) => p.active) };

  const filed = unwrap(fileClaim(s, { poolId: 0, incidentTime: live, filerTokens: ONE, now: live }));
  const ruled = unwrap(resolveClaim(filed.state, { claimId: filed.claim.id, valid: true, now: live }));

  return {
    decimals: PARAMS.decimals,
    symbol: "DAI",
    curve: PARAMS.curve,
    pools: ["A", "B", "C"],
    capital: before.capital,
    active: before.active,
    free: a.free,
    payout: ruled.ruling.payout,
    utilisation: a.utilisation,
    rate: a.rate,
    yearlyPremium: a.premiumSpeed / WAD,
    capitalAfter: ruled.state.capital,
    redeemable: ruled.ruling.closedEpoch?.remaining ?? 0n,
  };
}
