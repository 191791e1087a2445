import { describe, expect, it } from "vitest";

import { deriveClaims } from "./claims";
import { syntheticLog } from "./testkit";

const FILER = "0x00000000000000000000000000000000000000f1" as const;
const HASH = `0x${"ab".repeat(32)}` as const;

function filed(claimId: bigint, poolId: number, block: bigint, evidence = `incident ${claimId}`) {
  return syntheticLog(
    "ClaimFiled",
    { claimId, poolId, epoch: 1, filer: FILER, incidentTime: 900, bond: 10n ** 18n, evidenceHash: HASH, evidence },
    { block, time: block * 10n },
  );
}

describe("deriveClaims", () => {
  it("joins each filing with its ruling or void, in filing order", () => {
    const logs = [
      filed(1n, 0, 1n, "https://example.org/post-mortem"),
      filed(2n, 1, 2n),
      syntheticLog(
        "ClaimResolved",
        { claimId: 1n, poolId: 0, valid: true, payout: 800n, redeemable: 900n, debtCharged: 0n, capital: 200n },
        { block: 3n, time: 30n },
      ),
      filed(3n, 2, 4n),
      syntheticLog(
        "ClaimResolved",
        { claimId: 2n, poolId: 1, valid: false, payout: 0n, redeemable: 0n, debtCharged: 4n, capital: 201n },
        { block: 5n, time: 50n },
      ),
      syntheticLog("ClaimVoided", { claimId: 3n, poolId: 2, debtCharged: 2n }, { block: 6n, time: 60n }),
      filed(4n, 0, 7n),
    ];
    const claims = deriveClaims(logs);

    expect(claims.map((c) => [c.claimId, c.status])).toEqual([
      [1n, "valid"],
      [2n, "invalid"],
      [3n, "voided"],
      [4n, "pending"],
    ]);
    expect(claims[0]).toMatchObject({
      poolId: 0,
      epoch: 1,
      filer: FILER,
      incidentTime: 900n,
      bond: 10n ** 18n,
      evidence: "https://example.org/post-mortem",
      evidenceHash: HASH,
      filedAt: 10n,
      decidedAt: 30n,
      payout: 800n,
      redeemable: 900n,
      debtCharged: 0n,
    });
    expect(claims[1]).toMatchObject({ decidedAt: 50n, payout: 0n, debtCharged: 4n });
    expect(claims[2]).toMatchObject({ decidedAt: 60n, debtCharged: 2n });
    expect(claims[2]!.payout).toBeUndefined();
    expect(claims[3]!.decidedAt).toBeUndefined();
  });

  it("ignores rulings of claims filed before the history starts", () => {
    const ruling = syntheticLog("ClaimVoided", { claimId: 9n, poolId: 0, debtCharged: 0n }, { block: 1n, time: 1n });
    expect(deriveClaims([ruling])).toEqual([]);
  });
});
