import { WAD } from "./constants";
import { mulDivUp } from "./math";
import type { FundingCurve } from "./state";

/**
 * r(u), the yearly funding rate (WAD) at utilisation u (WAD), SPEC §6. Each division rounds up:
 * the premium is the pool's income.
 */
export function fundingRate(curve: FundingCurve, utilisation: bigint): bigint {
  const { baseRate, slope1, kink, slope2 } = curve;
  if (utilisation <= kink) return baseRate + mulDivUp(slope1, utilisation, kink);
  return baseRate + slope1 + mulDivUp(slope2, utilisation - kink, WAD - kink);
}
