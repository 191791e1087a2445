import { keccak256, toBytes, type Client } from "viem";
import { describe, expect, it, vi } from "vitest";

import { evidenceMatches, readPendingClaims } from "./claims";

// The read calls viem's standalone actions; each one here asks the fake client's method of the same name.
vi.mock("viem/actions", async () => (await import("@/lib/reads/fakeActions")).delegatedActions);

const META_POOL = "0x0000000000000000000000000000000000000abc";

/** A client that answers `claimQueue()` and `claim(id)` from a table, and records what was read. */
function fakeClient(queue: readonly [bigint, bigint, bigint], statuses: Record<string, number>) {
  const reads: string[] = [];
  const client = {
    readContract: async ({ functionName, args }: { functionName: string; args?: readonly bigint[] }) => {
      reads.push(args ? `${functionName}(${args.join(",")})` : functionName);
      if (functionName === "claimQueue") return queue;
      const id = args![0]!;
      return { poolId: Number(id), status: statuses[id.toString()]!, evidenceHash: "0x" };
    },
  } as unknown as Client;
  return { client, reads };
}

describe("readPendingClaims", () => {
  it("reads every id from the first pending to the next and keeps those still pending, in filing order", async () => {
    const { client, reads } = fakeClient([3n, 6n, 2n], { "3": 1, "4": 2, "5": 1 });
    const queue = await readPendingClaims(client, META_POOL);
    expect(queue.firstPending).toBe(3n);
    expect(queue.claims.map((c) => c.id)).toEqual([3n, 5n]);
    expect(reads).toEqual(["claimQueue", "claim(3)", "claim(4)", "claim(5)"]);
  });

  it("reads no claim when none is pending", async () => {
    const { client, reads } = fakeClient([4n, 4n, 0n], {});
    expect(await readPendingClaims(client, META_POOL)).toEqual({ firstPending: 4n, claims: [] });
    expect(reads).toEqual(["claimQueue"]);
  });
});

describe("evidenceMatches", () => {
  it("compares the text hash with the stored one whatever the letter case", () => {
    const hash = keccak256(toBytes("exploit tx 0x12"));
    expect(evidenceMatches("exploit tx 0x12", hash)).toBe(true);
    expect(evidenceMatches("exploit tx 0x12", hash.toUpperCase().replace("0X", "0x") as `0x${string}`)).toBe(true);
    expect(evidenceMatches("something else", hash)).toBe(false);
  });
});
