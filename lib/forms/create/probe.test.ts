import { BaseError, HttpRequestError, type Client } from "viem";
import { describe, expect, it, vi } from "vitest";

import { readAssetVerdict } from "./probe";

// The read calls viem's standalone actions; each one here asks the fake client's method of the same name.
vi.mock("viem/actions", async () => (await import("@/lib/reads/fakeActions")).delegatedActions);

const TOKEN = "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9";

/** A client whose getCode and each ERC-20 call answer as given (a function throws). */
function client(code: string, calls: Record<string, unknown | (() => never)>): Client {
  return {
    getCode: async () => code,
    readContract: async ({ functionName }: { functionName: string }) => {
      const answer = calls[functionName];
      if (typeof answer === "function") return (answer as () => never)();
      return answer;
    },
  } as unknown as Client;
}
const revert = () => {
  throw new BaseError("execution reverted");
};

describe("readAssetVerdict", () => {
  it("accepts a token with code, decimals and symbol", async () => {
    const verdict = await readAssetVerdict(client("0x60", { decimals: 6, symbol: "dUSD", totalSupply: 5n }), TOKEN);
    expect(verdict).toEqual({ ok: true, value: { address: TOKEN, symbol: "dUSD", decimals: 6, totalSupply: 5n } });
  });

  it("refuses an address without code, and a contract whose decimals() reverts", async () => {
    expect(await readAssetVerdict(client("0x", {}), TOKEN)).toMatchObject({ ok: false, error: /No contract/ });
    const noDecimals = client("0x60", { decimals: revert, symbol: "X", totalSupply: 1n });
    expect(await readAssetVerdict(noDecimals, TOKEN)).toMatchObject({ ok: false });
  });

  it("throws when the network failed, so the page offers a retry instead of a verdict", async () => {
    const down = () => {
      throw new HttpRequestError({ url: "http://127.0.0.1:8545" });
    };
    await expect(readAssetVerdict(client("0x60", { decimals: down, symbol: "X" }), TOKEN)).rejects.toThrow();
  });
});
