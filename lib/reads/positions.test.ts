import type { PublicClient } from "viem";
import { describe, expect, it, vi } from "vitest";

import { emptyHistory } from "../indexer/positions";
import type { MetaPoolView } from "../types/metaPool";
import type { PositionHistory, RestartLog } from "../types/positions";
import { purchaseRestart, restartLogs } from "./positionHistory";
import { positionOf, readAccountPosition, readPositionFigures } from "./positions";

vi.mock("viem/actions", async () => (await import("@/lib/reads/fakeActions")).delegatedActions);

const DAY = 86_400n;

describe("purchaseRestart", () => {
  // Purchases #4..#6 were queued when claim #2 was ruled at t = 10 days: they restart to 11 days.
  const first: RestartLog = { fromId: 4n, toId: 7n, maturesAt: 11n * DAY, claimId: 2n, order: 100n };

  it("names the ruling that restarted a purchase queued at the freeze's end", () => {
    expect(purchaseRestart(5n, 9n * DAY, DAY, [first])).toEqual({
      claimId: 2n,
      ruledAt: 10n * DAY,
      boughtMaturesAt: 9n * DAY,
      maturesAt: 11n * DAY,
    });
  });

  it("leaves purchases outside [fromId, toId) alone", () => {
    expect(purchaseRestart(3n, 9n * DAY, DAY, [first])).toBeUndefined();
    expect(purchaseRestart(7n, 9n * DAY, DAY, [first])).toBeUndefined();
  });

  it("is no restart when the ruling's restart does not move the maturity", () => {
    expect(purchaseRestart(6n, 11n * DAY, DAY, [first])).toBeUndefined();
  });

  it("takes the latest freeze when a purchase was restarted twice", () => {
    const second: RestartLog = { fromId: 5n, toId: 9n, maturesAt: 13n * DAY, claimId: 4n, order: 200n };
    expect(purchaseRestart(5n, 9n * DAY, DAY, [second, first])).toMatchObject({
      claimId: 4n,
      ruledAt: 12n * DAY,
      maturesAt: 13n * DAY,
    });
    expect(purchaseRestart(4n, 9n * DAY, DAY, [second, first])).toMatchObject({ claimId: 2n });
  });
});

describe("restartLogs", () => {
  it("pairs each restart with the claim ruled in the same transaction and orders them by block and log index", () => {
    const logs = restartLogs(
      [
        { args: { fromId: 4n, toId: 7n, maturesAt: 950_400 }, transactionHash: "0xa", blockNumber: 12n, logIndex: 3 },
        { args: { fromId: 7n, toId: 8n, maturesAt: 990_000 }, transactionHash: "0xb", blockNumber: 15n, logIndex: 0 },
        { args: { fromId: 8n, toId: 9n, maturesAt: 999_000 }, transactionHash: "0xc", blockNumber: 16n, logIndex: 0 },
      ],
      [
        { args: { claimId: 2n }, transactionHash: "0xa" },
        { args: { claimId: 5n }, transactionHash: "0xb" },
      ],
    );
    expect(logs).toEqual([
      { fromId: 4n, toId: 7n, maturesAt: 950_400n, claimId: 2n, order: 12_000_003n },
      { fromId: 7n, toId: 8n, maturesAt: 990_000n, claimId: 5n, order: 15_000_000n },
    ]);
  });
});

describe("readAccountPosition", () => {
  const M = "0x00000000000000000000000000000000000000a1";
  const ACCOUNT = "0x00000000000000000000000000000000000000ee";
  const view = {
    metaPool: M,
    pools: [],
    pendingClaims: 0n,
    config: { purchaseDelay: 86_400 },
  } as unknown as MetaPoolView;
  const history: PositionHistory = emptyHistory;
  /** A chain that answers every read, and remembers which functions were called. */
  function chain() {
    const called: string[] = [];
    const answers: Record<string, unknown> = {
      balanceOf: 0n,
      feesOwed: 0n,
      purchaseQueue: [0n, 0n, 3n],
      purchase: { status: 1, amount: 10n, accepted: 0n, maturesAt: 10, restRefunded: false },
    };
    const client = {
      readContract: ({ functionName }: { functionName: string }) => {
        called.push(functionName);
        return Promise.resolve(answers[functionName]);
      },
    } as unknown as PublicClient;
    return { client, called };
  }

  it("reads no purchase queue where the account has no purchases", async () => {
    const { client, called } = chain();
    await readAccountPosition(client, view, ACCOUNT, history, 100n);
    expect(called.sort()).toEqual(["balanceOf", "feesOwed"]);
  });

  it("judges purchases against the queue: ids below its voided mark are voided", async () => {
    const { client, called } = chain();
    const purchases = [2n, 3n].map((id) => ({ id, boughtMaturesAt: 10n }));
    const p = await readAccountPosition(client, view, ACCOUNT, { ...history, purchases }, 100n);
    expect(called).toContain("purchaseQueue");
    expect(p.purchases.map((x) => x.state)).toEqual(["voided", "maturing"]);
  });
});

describe("readPositionFigures and positionOf", () => {
  const M = "0x00000000000000000000000000000000000000a1";
  const ACCOUNT = "0x00000000000000000000000000000000000000ee";
  const OPEN = "0x00000000000000000000000000000000000000b1";
  const LATER = "0x00000000000000000000000000000000000000b2";
  const view = {
    metaPool: M,
    pools: [{ epoch: 1, token: OPEN }],
    pendingClaims: 0n,
    config: { purchaseDelay: 86_400 },
  } as unknown as MetaPoolView;
  const record = (status: number, maturesAt: number) => ({ status, amount: 10n, accepted: 0n, maturesAt });
  function chain(purchase: ReturnType<typeof record>, voidedBefore = 0n) {
    const client = {
      readContract: ({ address, functionName }: { address: string; functionName: string }) =>
        Promise.resolve(
          {
            balanceOf: address === M ? 0n : 7n,
            feesOwed: 0n,
            purchaseQueue: [0n, 0n, voidedBefore],
            purchase,
            coverUnderlying: 6n,
          }[functionName],
        ),
    } as unknown as PublicClient;
    return client;
  }
  const history: PositionHistory = {
    ...emptyHistory,
    purchases: [{ id: 3n, boughtMaturesAt: 10n }],
    coverTokens: [
      { poolId: 0, epoch: 1, token: OPEN },
      // An epoch the view has not reached (the figures were read without it): never shown as cover.
      { poolId: 0, epoch: 2, token: LATER },
    ],
  };

  it("simulates the sync only where a purchase is due: pending past its maturity and not voided", async () => {
    let simulated = 0;
    const whenDue = async () => [++simulated];
    const read = (purchase: ReturnType<typeof record>, voided = 0n) =>
      readPositionFigures(chain(purchase, voided), M, ACCOUNT, history, history.coverTokens, 100n, whenDue);
    expect((await read(record(1, 10))).due).toEqual([1]);
    expect((await read(record(1, 500))).due).toBeUndefined(); // not yet due
    expect((await read(record(2, 10))).due).toBeUndefined(); // matured
    expect((await read(record(1, 10), 4n)).due).toBeUndefined(); // voided by a claim
    expect(simulated).toBe(1);
  });

  it("keeps only the cover of epochs the view names, as a read made with the view does", async () => {
    const client = chain(record(1, 10));
    const figures = await readPositionFigures(client, M, ACCOUNT, history, history.coverTokens, 100n);
    expect(figures.held.map((t) => t.token)).toEqual([OPEN, LATER]);
    const position = positionOf(view, ACCOUNT, history, figures, 100n);
    expect(position.cover).toEqual([{ poolId: 0, epoch: 1, token: OPEN, tokens: 7n, underlying: 6n, closed: false }]);
    expect(position).toEqual(await readAccountPosition(client, view, ACCOUNT, history, 100n));
  });
});
