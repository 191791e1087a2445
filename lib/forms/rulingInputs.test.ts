import { describe, expect, it } from "vitest";

import { example1 } from "@/lib/protect/testkit";
import type { PendingClaim } from "@/lib/reads/arbiterDesk";

import { rulingInputsOf } from "./arbiter";

const OTHER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as const;
const E18 = 10n ** 18n;

describe("rulingInputsOf", () => {
  it("reads the claimed pool's figures, not another pool's, and the MetaPool's fees and delay", () => {
    const view = example1({ pendingClaimOn: 1, debt: 7n * E18 });
    const pools = view.pools.map((p, i) => ({ ...p, active: BigInt(i + 1) * 100n * E18, coverSupply: BigInt(i + 1) }));
    const claim: PendingClaim = {
      id: 1n,
      claim: {
        filer: OTHER,
        poolId: 1,
        status: 1,
        filedAt: 0,
        incidentTime: 0,
        epoch: 0,
        resolvedAt: 0,
        bond: 10n * E18,
        evidenceHash: `0x${"1".repeat(64)}`,
      },
      evidence: "e",
      evidenceVerified: true,
      filedTx: undefined,
      payout: 123n,
      redeemable: 45n,
      holders: 2,
    };
    expect(rulingInputsOf({ ...view, pools, pendingClaims: 1n }, claim)).toEqual({
      capital: view.capital,
      active: 200n * E18,
      coverSupply: 2n,
      debt: 7n * E18,
      payout: 123n,
      redeemable: 45n,
      bond: 10n * E18,
      totalPending: view.totalPending,
      purchaseDelay: 86_400n,
      arbiterFeeBps: 500n,
      creatorFeeBps: 500n,
      pendingClaims: 1n,
      shareSupply: view.shareSupply,
    });
  });
});
