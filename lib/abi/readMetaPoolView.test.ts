import { encodeFunctionResult, toFunctionSelector, type Client } from "viem";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { metaPoolExtensionAbi } from "@/abis";
import type { MetaPoolView } from "@/lib/types/metaPool";

import { readMetaPoolView } from "./metaPoolView";

const answers = vi.hoisted(() => ({ call: vi.fn(), readContract: vi.fn() }));
vi.mock("viem/actions", () => answers);

const M = "0x00000000000000000000000000000000000000A1";
const view = {
  metaPool: M,
  config: {
    asset: M,
    decimals: 6,
    arbiter: M,
    creator: M,
    name: "Lending",
    protectionStatementHash: `0x${"00".repeat(32)}`,
    arbiterFeeBps: 1,
    creatorFeeBps: 2,
    curve: { baseRate: 1n, slope1: 2n, kink: 3n, slope2: 4n },
    payoutMultiple: 1,
    withdrawalPeriod: 2,
    purchaseDelay: 3,
    claimBond: 4n,
    minPurchase: 5n,
    poolCount: 0,
  },
  capital: 1n,
  freeCapital: 2n,
  totalActive: 3n,
  totalPending: 4n,
  shareSupply: 5n,
  shareEpoch: 6,
  shutDown: false,
  pendingClaims: 7n,
  firstPendingClaimId: 8n,
  queueLength: 9n,
  dueUnprocessed: 10n,
  feesOwedTotal: 11n,
  lastSyncAt: 12,
  lastRulingAt: 13,
  freezeEndedAt: 14,
  pools: [],
} as unknown as MetaPoolView;
const client = {} as Client;

describe("readMetaPoolView", () => {
  beforeEach(() => {
    answers.call.mockReset();
    answers.readContract.mockReset().mockResolvedValue("viem's read");
  });

  it("decodes the eth_call's answer itself, with no second read", async () => {
    const data = encodeFunctionResult({ abi: metaPoolExtensionAbi, functionName: "metaPoolView", result: view });
    answers.call.mockResolvedValue({ data });
    expect(await readMetaPoolView(client, M)).toStrictEqual(view);
    expect(answers.call).toHaveBeenCalledWith(client, { to: M, data: toFunctionSelector("metaPoolView()") });
    expect(answers.readContract).not.toHaveBeenCalled();
  });

  it("leaves a revert, an empty or a malformed answer to viem's read, whose error names the reason", async () => {
    for (const outcome of [Promise.reject(new Error("reverted")), { data: "0x" }, { data: "0x1234" }]) {
      answers.call.mockReturnValueOnce(outcome instanceof Promise ? outcome : Promise.resolve(outcome));
      expect(await readMetaPoolView(client, M)).toBe("viem's read");
    }
    expect(answers.readContract).toHaveBeenCalledTimes(3);
  });
});
