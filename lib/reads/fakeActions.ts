/**
 * For unit tests of reads that call viem's standalone actions (`readContract(client, …)` from viem/actions): with
 * `vi.mock("viem/actions", async () => (await import("@/lib/reads/fakeActions")).delegatedActions)` each action calls
 * the method of the same name on the client it was given, so a test's fake client answers `readContract`, `getLogs`,
 * … as plain methods and records what the read asked for. The chain tests run viem's real actions against Anvil.
 */
const ACTIONS = [
  "getBlock",
  "getBlockNumber",
  "getChainId",
  "getCode",
  "getContractEvents",
  "getEnsName",
  "getLogs",
  "multicall",
  "readContract",
] as const;

function delegate(name: string) {
  return (client: Record<string, unknown>, params: unknown) => {
    const method = client[name];
    if (typeof method !== "function") throw new Error(`the fake client has no ${name}(): the read called it`);
    return (method as (p: unknown) => unknown).call(client, params);
  };
}

export const delegatedActions = Object.fromEntries(ACTIONS.map((name) => [name, delegate(name)]));
