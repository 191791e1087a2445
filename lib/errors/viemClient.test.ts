import {
  createPublicClient,
  createWalletClient,
  custom,
  encodeErrorResult,
  http,
  parseEther,
  type EIP1193RequestFn,
} from "viem";
import { anvil } from "viem/chains";
import { describe, expect, test } from "vitest";

import { metaPoolAbi, metaPoolExtensionAbi } from "@/abis";
import { appChain } from "@/lib/chain";

import { describeError } from "./index";
import { isNotAMetaPool } from "./notAMetaPool";

/**
 * Errors as viem itself builds them: a real client over a node or wallet that answers a method
 * with an EIP-1193 error object, so the chain of viem errors is the one the app receives.
 */
const POOL = "0x9876543210987654321098765432109876543210";
const USER = "0x1234567890123456789012345678901234567890";
const ctx = { action: "deposit", asset: { symbol: "dUSD", decimals: 6 } };

function answering(failing: string | readonly string[], error: { code: number; message: string; data?: unknown }) {
  const request = (async ({ method }: { method: string }) => {
    if ([failing].flat().includes(method)) throw error;
    if (method === "eth_call") return "0x"; // no code at the address
    if (method === "eth_chainId") return "0x7a69";
    if (method === "eth_accounts" || method === "eth_requestAccounts") return [USER];
    if (method === "eth_getBlockByNumber") return { baseFeePerGas: "0x1", number: "0x1", timestamp: "0x1" };
    if (method === "eth_estimateGas") return "0x5208";
    if (method === "eth_maxPriorityFeePerGas" || method === "eth_gasPrice") return "0x1";
    if (method === "eth_getTransactionCount") return "0x0";
    return null;
  }) as EIP1193RequestFn;
  return custom({ request }, { retryCount: 0 });
}

// viem retries a refused eth_sendTransaction as wallet_sendTransaction.
const SEND = ["eth_sendTransaction", "wallet_sendTransaction"];

const deposit = {
  address: POOL,
  abi: metaPoolAbi,
  functionName: "deposit",
  args: [1_000_000n, USER],
  account: USER,
} as const;

describe("describeError on errors from a real viem client", () => {
  test("a custom error in the node answer of a simulation", async () => {
    const data = encodeErrorResult({ abi: metaPoolAbi, errorName: "CapacityExceeded", args: [420_000_000n] });
    const client = createPublicClient({
      chain: anvil,
      transport: answering("eth_call", { code: 3, message: "execution reverted", data }),
    });
    const error = await client.simulateContract(deposit).catch((e: unknown) => e);
    expect(describeError(error, ctx)).toBe("Only 420.00 dUSD of capacity is left in this MetaPool.");
  });

  test("the wallet says no (4001) to a write", async () => {
    const wallet = createWalletClient({
      account: USER,
      chain: anvil,
      transport: answering(SEND, { code: 4001, message: "User denied transaction signature." }),
    });
    const error = await wallet.writeContract(deposit).catch((e: unknown) => e);
    expect(describeError(error, ctx)).toBe("You rejected the request to deposit in your wallet.");
  });

  test("a wallet on another chain than the transaction", async () => {
    const wallet = createWalletClient({
      account: USER,
      chain: anvil,
      transport: answering("none", { code: 0, message: "" }),
    });
    const error = await wallet
      .sendTransaction({ to: POOL, value: 1n, chain: { ...anvil, id: 1 } })
      .catch((e: unknown) => e);
    expect(describeError(error, ctx)).toBe(
      `Your wallet is on another network; switch it to ${appChain.name} to deposit.`,
    );
  });

  test("the node finds no money for gas", async () => {
    const wallet = createWalletClient({
      account: USER,
      chain: anvil,
      transport: answering(SEND, {
        code: -32000,
        message: "insufficient funds for gas * price + value: have 0 want 21000",
      }),
    });
    const error = await wallet.sendTransaction({ to: POOL, value: parseEther("1") }).catch((e: unknown) => e);
    expect(describeError(error, ctx)).toBe(
      `Your wallet does not hold enough ${appChain.nativeCurrency.symbol} to pay the gas to deposit; add some and try again.`,
    );
  });

  test("a nonce out of step", async () => {
    const wallet = createWalletClient({
      account: USER,
      chain: anvil,
      transport: answering(SEND, { code: -32000, message: "nonce too low: next nonce 5, tx nonce 4" }),
    });
    const error = await wallet.sendTransaction({ to: POOL, value: 1n }).catch((e: unknown) => e);
    expect(describeError(error, ctx)).toMatch(/^Your wallet's transaction count is out of step with the chain/);
  });

  test("an unreachable RPC (HttpRequestError) names its url", async () => {
    const url = "http://127.0.0.1:9";
    const client = createPublicClient({ chain: anvil, transport: http(url, { retryCount: 0, timeout: 5_000 }) });
    const error = await client.getBlockNumber().catch((e: unknown) => e);
    expect(describeError(error, ctx)).toBe(
      `Canopy cannot reach the chain's RPC at ${url}, so it could not deposit; check that the node is up and try again.`,
    );
  });

  test("an unknown node error shows no node text", async () => {
    const client = createPublicClient({
      chain: anvil,
      transport: answering("eth_blockNumber", { code: -32099, message: "backend shard 7 exploded\nat line 3" }),
    });
    const error = await client.getBlockNumber().catch((e: unknown) => e);
    const sentence = describeError(error, ctx);
    expect(sentence).toMatch(/^Could not deposit \(\w+\); try again\.$/);
    expect(sentence).not.toMatch(/shard|exploded|line 3/);
  });

  test('no code at the address is "not a MetaPool"; a revert with a custom error is not', async () => {
    const empty = createPublicClient({ chain: anvil, transport: answering("none", { code: 0, message: "" }) });
    const noCode = await empty
      .readContract({ address: POOL, abi: metaPoolExtensionAbi, functionName: "metaPoolView" })
      .catch((e: unknown) => e);
    expect(isNotAMetaPool(noCode)).toBe(true);
    const data = encodeErrorResult({ abi: metaPoolAbi, errorName: "CapacityExceeded", args: [1n] });
    const reverting = createPublicClient({
      chain: anvil,
      transport: answering("eth_call", { code: 3, message: "execution reverted", data }),
    });
    const revert = await reverting.simulateContract(deposit).catch((e: unknown) => e);
    expect(isNotAMetaPool(revert)).toBe(false);
    const bare = createPublicClient({
      chain: anvil,
      transport: answering("eth_call", { code: 3, message: "execution reverted" }),
    });
    expect(isNotAMetaPool(await bare.simulateContract(deposit).catch((e: unknown) => e))).toBe(true);
  });
});
