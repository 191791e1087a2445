import { getAddress } from "viem";
import { describe, expect, it } from "vitest";

import { deriveClaims } from "@/lib/history/claims";
import { syntheticLog } from "@/lib/history/testkit";

import { parseClaims } from "./claims";

const FILER = getAddress("0x9e9ab0c3f1d8e0c9a5fb2d3c4e5f60718293a4b5");
const HASH = `0x${"ab".repeat(32)}` as const;
const tx = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;

function filed(claimId: bigint, poolId: number, block: bigint) {
  return syntheticLog(
    "ClaimFiled",
    { claimId, poolId, epoch: 2, filer: FILER, incidentTime: 900, bond: 10n ** 18n, evidenceHash: HASH, evidence: "x" },
    { block, time: block * 10n },
  );
}

/** A claim row as /canopy/metapool/:address/claims sends it (lowercase addresses, decimal strings, nulls). */
function row(claimId: number, poolId: number, filedBlock: number, decided?: Record<string, unknown>) {
  return {
    claimId: String(claimId),
    poolId: String(poolId),
    epoch: "2",
    filer: FILER.toLowerCase(),
    incidentTime: "900",
    bond: String(10n ** 18n),
    evidence: "x",
    evidenceHash: HASH,
    status: "pending",
    filedAt: String(filedBlock * 10),
    filedTx: tx(filedBlock),
    decidedAt: null,
    decidedTx: null,
    payout: null,
    redeemable: null,
    debtCharged: null,
    ...decided,
  };
}

describe("parseClaims", () => {
  it("reads the indexer's rows as the log replay builds them: pending, valid, invalid and voided", () => {
    const logs = [
      filed(1n, 0, 1n),
      filed(2n, 1, 2n),
      syntheticLog(
        "ClaimResolved",
        { claimId: 1n, poolId: 0, valid: true, payout: 800n, redeemable: 900n, debtCharged: 3n, capital: 200n },
        { block: 3n, time: 30n },
      ),
      filed(3n, 2, 4n),
      syntheticLog(
        "ClaimResolved",
        { claimId: 2n, poolId: 1, valid: false, payout: 0n, redeemable: 0n, debtCharged: 4n, capital: 201n },
        { block: 5n, time: 50n },
      ),
      filed(4n, 0, 6n),
      syntheticLog("ClaimVoided", { claimId: 3n, poolId: 2, debtCharged: 5n }, { block: 7n, time: 70n }),
    ];
    const answer = {
      claims: [
        row(1, 0, 1, {
          status: "valid",
          decidedAt: "30",
          decidedTx: tx(3),
          payout: "800",
          redeemable: "900",
          debtCharged: "3",
        }),
        row(2, 1, 2, {
          status: "invalid",
          decidedAt: "50",
          decidedTx: tx(5),
          payout: "0",
          redeemable: "0",
          debtCharged: "4",
        }),
        row(3, 2, 4, { status: "voided", decidedAt: "70", decidedTx: tx(7), debtCharged: "5" }),
        row(4, 0, 6),
      ],
    };
    const parsed = parseClaims(answer);
    expect(parsed).toEqual(deriveClaims(logs));
    expect(parsed[0]!.filer).toBe(FILER); // checksummed, as viem decodes it
    expect(FILER).not.toBe(FILER.toLowerCase());
    expect(Object.keys(parsed[3]!)).not.toContain("decidedAt");
  });

  it("refuses a malformed answer instead of showing wrong claims", () => {
    expect(() => parseClaims({ claims: [row(1, 0, 1, { status: "won" })] })).toThrow("claim status");
    expect(() => parseClaims({ claims: [row(1, 0, 1, { bond: 1.5 })] })).toThrow("bond");
    expect(() => parseClaims({ claims: [row(1, 0, 1, { evidence: null })] })).toThrow("evidence");
    expect(() => parseClaims({})).toThrow("claims");
  });
});
