import { describe, expect, it } from "vitest";

import { hasAnything, metaPoolPortfolio, shownNetResult, totalsByAsset } from "./summary";
import { ARBITER, ASSET, ME, position, purchaseRecord, quote, view } from "./testkit";

const D = 1_000_000n; // one dUSD
const build = (v = view(), p = position(), now = 2_000n, account = ME) =>
  metaPoolPortfolio({ view: v, position: p, asset: ASSET, account, now });

describe("underwriting", () => {
  it("nets value now, requests and withdrawals against deposits", () => {
    const m = build(
      view(),
      position({
        shares: 900n * D,
        shareValue: 930n * D,
        deposited: 1_000n * D,
        withdrawn: 50n * D,
        requests: [{ id: 1n, quote: quote({ assets: 40n * D }) }],
      }),
    );
    expect(m.netResult).toBe(930n * D + 40n * D + 50n * D - 1_000n * D);
  });
  it("reports a loss as a negative net result", () => {
    expect(build(view(), position({ shares: D, shareValue: 200n * D, deposited: 1_000n * D })).netResult).toBe(
      -800n * D,
    );
  });
});

describe("withdrawal requests", () => {
  const at = (q: Parameters<typeof quote>[0], v = view(), now = 2_000n) =>
    build(v, position({ requests: [{ id: 7n, quote: quote(q) }] }), now).requests[0]!;

  it("is locked before unlockAt", () => {
    expect(at({ unlockAt: 3_000 })).toMatchObject({ status: "locked", completeInFull: false, unlockAt: 3_000n });
  });
  it("is withdrawable in full inside the window when free capital covers it: one click", () => {
    expect(at({ withdrawableNow: 100_000_000n })).toMatchObject({ status: "open", completeInFull: true });
  });
  it("is partial when free capital pays only part: no one-click", () => {
    expect(at({ withdrawableNow: 60_000_000n })).toMatchObject({ status: "partial", completeInFull: false });
  });
  it("is frozen while a claim is pending", () => {
    expect(at({}, view({ pendingClaims: 1n }))).toMatchObject({ status: "frozen", completeInFull: false });
  });
  it("is expired after the window", () => {
    expect(at({ windowEnd: 1_500 })).toMatchObject({ status: "expired", completeInFull: false });
  });
  it("pays at once after a shutdown, before unlock too", () => {
    expect(at({ unlockAt: 9_000, withdrawableNow: 100_000_000n }, view({ shutDown: true }))).toMatchObject({
      status: "shutdown",
      completeInFull: true,
    });
  });
});

describe("protection", () => {
  const purchase = (
    state: "pending" | "maturing" | "frozen" | "voided" | "matured" | "refunded",
    refundable: bigint,
    rec = {},
  ) => ({
    id: 3n,
    record: purchaseRecord(rec),
    state,
    refundable,
  });

  it("shows a pending purchase with its maturity time and no action", () => {
    const [row] = build(view(), position({ purchases: [purchase("pending", 0n)] })).protection;
    expect(row).toMatchObject({
      kind: "purchase",
      status: "pending",
      time: 5_000n,
      value: 50n * D,
      oneClick: null,
      poolName: "Aave v3",
    });
    expect(row!.restartedBy).toBeUndefined();
  });

  it("names the claim whose ruling restarted a pending purchase's delay", () => {
    const restart = { claimId: 3n, ruledAt: 1_400n, boughtMaturesAt: 4_000n, maturesAt: 5_000n };
    const [row] = build(view(), position({ purchases: [{ ...purchase("pending", 0n), restart }] })).protection;
    expect(row).toMatchObject({ status: "pending", time: 5_000n, restartedBy: 3n });
  });
  it("offers a refund of frozen, voided and partly accepted purchases", () => {
    const rows = build(
      view(),
      position({
        purchases: [
          purchase("frozen", 50n * D),
          purchase("voided", 50n * D),
          purchase("matured", 20n * D, { status: 2, accepted: 30n * D }),
        ],
      }),
    ).protection;
    expect(rows.map((r) => [r.status, r.claimableNow, r.oneClick])).toEqual([
      ["frozen", 50n * D, "refund"],
      ["voided", 50n * D, "refund"],
      ["rest", 20n * D, "refund"],
    ]);
  });
  it("hides refunded and fully accepted purchases (the cover tokens carry on)", () => {
    const rows = build(
      view(),
      position({ purchases: [purchase("refunded", 0n), purchase("matured", 0n, { status: 2 })] }),
    ).protection;
    expect(rows).toEqual([]);
  });
  it("values cover tokens at their underlying and offers redemption of a closed epoch", () => {
    const rows = build(
      view(),
      position({
        cover: [
          { poolId: 0, epoch: 1, token: ASSET.address, tokens: 100n * D, underlying: 99n * D, closed: false },
          { poolId: 1, epoch: 0, token: ASSET.address, tokens: 10n * D, underlying: 90n * D, closed: true },
        ],
      }),
    ).protection;
    expect(rows[0]).toMatchObject({
      status: "active",
      quantityUnit: "cnpy-0-e1",
      value: 99n * D,
      claimableNow: 0n,
      oneClick: null,
    });
    expect(rows[1]).toMatchObject({
      status: "redeemable",
      quantityUnit: "cnpy-1-e0",
      claimableNow: 90n * D,
      oneClick: "redeem",
    });
  });
  it("offers to withdraw every cover token once the MetaPool is shut down", () => {
    const [row] = build(
      view({ shutDown: true }),
      position({
        cover: [{ poolId: 0, epoch: 0, token: ASSET.address, tokens: 5n * D, underlying: 5n * D, closed: false }],
      }),
    ).protection;
    expect(row).toMatchObject({ status: "not-in-force", claimableNow: 5n * D, oneClick: "withdraw" });
  });
});

describe("roles and presence", () => {
  it("recognises the arbiter and creator whatever the case", () => {
    const m = build(view(), position(), 2_000n, ARBITER.toUpperCase().replace("0X", "0x") as `0x${string}`);
    expect(m.isArbiter && m.isCreator).toBe(true);
  });
  it("has nothing for an account with no position and no role", () => {
    expect(hasAnything(build())).toBe(false);
    expect(hasAnything(build(view(), position({ feesOwed: 1n })))).toBe(true);
  });
});

describe("totalsByAsset", () => {
  it("adds per asset only and counts everything takeable now", () => {
    const a = build(
      view(),
      position({
        shareValue: 100n * D,
        deposited: 90n * D,
        feesOwed: 2n * D,
        requests: [{ id: 1n, quote: quote({ assets: 10n * D, withdrawableNow: 10n * D }) }],
        cover: [{ poolId: 0, epoch: 0, token: ASSET.address, tokens: 5n * D, underlying: 5n * D, closed: false }],
        purchases: [{ id: 2n, record: purchaseRecord(), state: "voided", refundable: 50n * D }],
      }),
    );
    const other = {
      ...a,
      asset: { ...ASSET, address: "0x00000000000000000000000000000000000000f6" as `0x${string}`, symbol: "dDAI" },
    };
    const totals = totalsByAsset([a, a, other]);
    expect(totals).toHaveLength(2);
    expect(totals[0]).toMatchObject({
      underwriting: 2n * 110n * D,
      netResult: 2n * 20n * D,
      protection: 2n * 5n * D,
      claimableNow: 2n * (10n + 50n + 2n) * D,
      // The account has no role here: what it is owed is returned claim bonds, not fees.
      feesOwed: 0n,
      bondsOwed: 4n * D,
    });
    expect(totals[1]!.asset.symbol).toBe("dDAI");
  });

  it("counts a shut-down MetaPool's exit as takeable now", () => {
    const shut = build(view({ shutDown: true }), position({ shares: 100n * D, shareValue: 105n * D }));
    expect(shut.exitNow).toBe(105n * D);
    expect(totalsByAsset([shut])[0]).toMatchObject({ claimableNow: 105n * D });
    expect(build(view(), position({ shares: 100n * D, shareValue: 105n * D })).exitNow).toBe(0n);
  });
});

describe("shownNetResult", () => {
  it("shows rounding dust under 0.0001 of the asset as 0, either way", () => {
    expect(shownNetResult(-2n, 6)).toBe(0n);
    expect(shownNetResult(99n, 6)).toBe(0n);
    expect(shownNetResult(-100n, 6)).toBe(-100n);
    expect(shownNetResult(-(10n ** 14n) + 1n, 18)).toBe(0n);
    expect(shownNetResult(5n * 10n ** 6n, 6)).toBe(5n * 10n ** 6n);
  });
});
