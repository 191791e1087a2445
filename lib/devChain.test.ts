import { createTestClient, custom } from "viem";
import { anvil } from "viem/chains";
import { describe, expect, test } from "vitest";

import { advanceChainTime } from "./devChain";

type Call = { method: string; params?: unknown };

/** A fake EIP-1193 node behind viem's real test client: records every call, answers like Anvil. */
function fakeNode(answer: (call: Call) => unknown = () => null) {
  const calls: Call[] = [];
  const client = createTestClient({
    mode: "anvil",
    chain: anvil,
    transport: custom({
      async request(call: Call) {
        calls.push({ method: call.method, params: call.params });
        return answer(call);
      },
    }),
  });
  return { client, calls };
}

describe("advanceChainTime", () => {
  test("increases the time, then mines one block so reads see it", async () => {
    const { client, calls } = fakeNode((call) => (call.method === "evm_increaseTime" ? "0x15180" : null));
    await advanceChainTime(client, 86_400);
    expect(calls).toEqual([
      { method: "evm_increaseTime", params: ["0x15180"] },
      { method: "anvil_mine", params: ["0x1", "0x0"] },
    ]);
  });

  test("takes bigint seconds", async () => {
    const { client, calls } = fakeNode();
    await advanceChainTime(client, 604_800n);
    expect(calls[0]).toEqual({ method: "evm_increaseTime", params: ["0x93a80"] });
  });

  test("a node without time travel fails before anything is mined", async () => {
    const { client, calls } = fakeNode((call) => {
      if (call.method === "evm_increaseTime") throw Object.assign(new Error("Method not found"), { code: -32601 });
      return null;
    });
    await expect(advanceChainTime(client, 3_600)).rejects.toThrow();
    expect(calls.map((c) => c.method)).not.toContain("anvil_mine");
  });

  test("refuses zero and negative jumps without calling the node", async () => {
    const { client, calls } = fakeNode();
    await expect(advanceChainTime(client, 0)).rejects.toThrow(RangeError);
    await expect(advanceChainTime(client, -60n)).rejects.toThrow(RangeError);
    expect(calls).toEqual([]);
  });
});
