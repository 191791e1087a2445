import { encodeAbiParameters, encodeEventTopics, type Log } from "viem";
import { describe, expect, it } from "vitest";

import { metaPoolExtensionAbi } from "@/abis";
import { ME, METAPOOL, pool, position, purchaseRecord, view } from "@/lib/portfolio/testkit";

import { dueMaturities, dueTokensOf, settleDuePurchases, type DueMaturity } from "./dueCover";

const OTHER = "0x00000000000000000000000000000000000000f6" as const;
const token = "0x00000000000000000000000000000000000000e5" as const;

// The view already counts the due purchase: K 300 (200 held + 100 due), supply 290 tokens (190 held + 100 due).
const projected = view({
  pools: [pool({ active: 300_000_000n, coverSupply: 290_000_000n, epoch: 2 }), pool({ name: "Compound" })],
});
const due = (id: bigint, receiver = ME) => ({
  id,
  state: "maturing" as const,
  refundable: 0n,
  record: purchaseRecord({ amount: 100_000_000n, receiver }),
});
const maturity = (over: Partial<DueMaturity> = {}): DueMaturity => ({
  purchaseId: 7n,
  poolId: 0,
  epoch: 2,
  accepted: 100_000_000n,
  tokens: 100_000_000n,
  ...over,
});

describe("settleDuePurchases", () => {
  it("adds a due purchase's tokens to the account's cover and values the whole holding on the view", () => {
    const held = { poolId: 0, epoch: 2, token, tokens: 190_000_000n, underlying: 196_551_724n, closed: false };
    const settled = settleDuePurchases(position({ purchases: [due(7n)], cover: [held] }), projected, [maturity()]);
    const cover = settled.cover[0]!;
    expect(cover.tokens).toBe(290_000_000n);
    expect(dueTokensOf(cover)).toBe(100_000_000n);
    // floor(290 × 300 / 290): the whole pool.
    expect(cover.underlying).toBe(300_000_000n);
    expect(settled.purchases[0]).toMatchObject({
      state: "matured",
      refundable: 0n,
      record: { accepted: 100_000_000n },
    });
  });

  it("opens a holding when the account held none, and leaves the unaccepted rest refundable", () => {
    const settled = settleDuePurchases(position({ purchases: [due(7n)] }), projected, [
      maturity({ accepted: 60_000_000n, tokens: 58_000_000n }),
    ]);
    expect(settled.cover).toEqual([
      {
        poolId: 0,
        epoch: 2,
        token,
        tokens: 58_000_000n,
        dueTokens: 58_000_000n,
        underlying: 60_000_000n,
        closed: false,
      },
    ]);
    expect(settled.purchases[0]).toMatchObject({ state: "matured", refundable: 40_000_000n });
  });

  it("leaves a purchase whose cover goes to another address, or that the simulation did not settle, as it was", () => {
    const start = position({ purchases: [due(7n, OTHER), due(8n)] });
    const settled = settleDuePurchases(start, projected, [maturity()]);
    expect(settled).toBe(start);
    expect(settled.cover).toEqual([]);
  });

  it("does not count tokens of an epoch the view has moved past as cover", () => {
    const settled = settleDuePurchases(position({ purchases: [due(7n)] }), projected, [maturity({ epoch: 1 })]);
    expect(settled.cover).toEqual([]);
    expect(settled.purchases[0]!.state).toBe("matured");
  });
});

describe("dueMaturities", () => {
  it("reads the PurchaseMatured events of a simulated sync", () => {
    const topics = encodeEventTopics({
      abi: metaPoolExtensionAbi,
      eventName: "PurchaseMatured",
      args: { purchaseId: 7n, poolId: 1 },
    });
    const data = encodeAbiParameters(
      [
        { type: "uint32" },
        { type: "uint256" },
        { type: "uint256" },
        { type: "uint40" },
        { type: "uint256" },
        { type: "uint256" },
      ],
      [3, 5n, 4n, 1_000, 9n, 8n],
    );
    const log = { address: METAPOOL, topics, data } as unknown as Log;
    expect(dueMaturities([log])).toEqual([{ purchaseId: 7n, poolId: 1, epoch: 3, accepted: 5n, tokens: 4n }]);
  });
});
