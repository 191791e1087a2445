/** SPEC §9's parameters, shared by the protocol tests and the /how-it-works picture. */
import { DAY } from "./constants";
import type { FundingCurve, MetaPoolParams } from "./state";

/** One unit of the examples' 18-decimal asset. */
export const ONE = 10n ** 18n;

/** SPEC §9: base 2 %, slope1 8 %, kink 80 %, slope2 100 % (WAD per year). */
export const EXAMPLE_CURVE: FundingCurve = {
  baseRate: 2n * 10n ** 16n,
  slope1: 8n * 10n ** 16n,
  kink: 8n * 10n ** 17n,
  slope2: 10n ** 18n,
};

/** SPEC §9 parameters: fees 5 % + 5 %, uncapped payout, 1-day purchase delay. */
export function exampleParams(overrides: Partial<MetaPoolParams> = {}): MetaPoolParams {
  return {
    decimals: 18,
    curve: EXAMPLE_CURVE,
    arbiterFeeBps: 500n,
    creatorFeeBps: 500n,
    payoutMultiple: 0n,
    withdrawalPeriod: 7n * DAY,
    purchaseDelay: DAY,
    claimBond: ONE,
    minPurchase: ONE / 100n,
    ...overrides,
  };
}
