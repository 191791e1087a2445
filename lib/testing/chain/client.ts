/**
 * Helpers for the chain suites: viem clients on the test Anvil, its unlocked default accounts, time control, and
 * `send`, which mines one transaction and returns the function's result (read back from the transaction's call
 * trace, so the result is exactly what the mined call returned at its block time).
 */
import {
  createPublicClient,
  createWalletClient,
  decodeFunctionResult,
  defineChain,
  encodeFunctionData,
  http,
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type ContractFunctionReturnType,
  type Hex,
  type HttpTransportConfig,
  type PublicClient,
  type TransactionReceipt,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { inject } from "vitest";

import { demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi, metaPoolFactoryAbi } from "@/abis";
import { anvilTestClient } from "@/lib/devChain";

import "./context";

/** Anvil's default mnemonic (public, well known; local chains only). */
const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

/** Both facets of a MetaPool clone at one address. */
export const metaPoolCloneAbi = [...metaPoolAbi, ...metaPoolExtensionAbi] as const;

export function chainContext() {
  return inject("chain");
}

export function testChain(rpcUrl: string) {
  return defineChain({
    id: 31_337,
    name: "Anvil (chain tests)",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/** Anvil's ten unlocked accounts (Anvil signs for them: no nonce or fee look-ups on our side). */
export const accounts: Address[] = Array.from(
  { length: 10 },
  (_, addressIndex) => mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex }).address,
);

export function publicClient(rpcUrl: string, transport: HttpTransportConfig = {}): PublicClient {
  return createPublicClient({
    chain: testChain(rpcUrl),
    transport: http(rpcUrl, transport),
    pollingInterval: 10,
  }) as PublicClient;
}

let rpcId = 0;
/** A raw JSON-RPC call (methods viem's clients do not offer: debug_traceTransaction). */
export async function rpc<T = unknown>(rpcUrl: string, method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string; data?: unknown } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

export class Reverted extends Error {
  constructor(
    readonly functionName: string,
    readonly data: Hex | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** A chain to drive: one wallet client over Anvil's unlocked accounts. */
export function chainDriver(rpcUrl: string) {
  const chain = testChain(rpcUrl);
  const client = publicClient(rpcUrl);
  const wallet = createWalletClient({ chain, transport: http(rpcUrl) });
  const control = anvilTestClient(chain, rpcUrl);
  const snapshotBlocks = new Map<Hex, Hex>();

  /**
   * Mines one transaction of `from` calling `functionName` and returns its result. A revert throws `Reverted`
   * with the revert data (the block is still mined, so time moves as it would on a real chain).
   */
  async function send<
    const abi extends Abi,
    name extends ContractFunctionName<abi, "nonpayable" | "payable">,
    const args extends ContractFunctionArgs<abi, "nonpayable" | "payable", name>,
  >(
    from: Address,
    address: Address,
    abi: abi,
    functionName: name,
    args: args,
  ): Promise<{
    result: ContractFunctionReturnType<abi, "nonpayable" | "payable", name, args>;
    receipt: TransactionReceipt;
  }> {
    const data = encodeFunctionData({ abi, functionName, args } as never);
    const hash = await rpc<Hex>(rpcUrl, "eth_sendTransaction", [{ from, to: address, data, gas: "0xf42400" }]);
    // The chain suites run Anvil without automine (globalSetup): each transaction is mined by an explicit
    // mine, at the timestamp set for it if any. Automine now and then left a transaction queued for ever.
    await control.mine({ blocks: 1 });
    const receipt = await client.getTransactionReceipt({ hash }).catch(async (e: unknown) => {
      const pool = await control.inspectTxpool().catch(() => "unavailable");
      throw new Error(`${functionName} (${hash}) not mined: ${String(e)}; txpool ${JSON.stringify(pool)}`);
    });
    const [trace] = await Promise.all([
      // The default tracer with every per-step record off: just the call's return (or revert) data.
      rpc<{ failed: boolean; returnValue: string }>(rpcUrl, "debug_traceTransaction", [
        hash,
        { disableStack: true, disableMemory: true, disableStorage: true, enableReturnData: false },
      ]),
    ]);
    const output = (trace.returnValue.startsWith("0x") ? trace.returnValue : `0x${trace.returnValue}`) as Hex;
    if (receipt.status !== "success") throw new Reverted(functionName, output, `${functionName} reverted: ${output}`);
    const result = decodeFunctionResult({ abi, functionName, data: output } as never) as ContractFunctionReturnType<
      abi,
      "nonpayable" | "payable",
      name,
      args
    >;
    return { result, receipt };
  }

  return {
    rpcUrl,
    client,
    wallet,
    send,
    snapshot: async () => {
      const id = await control.snapshot();
      snapshotBlocks.set(id, (await client.getBlock({ blockTag: "latest" })).hash);
      return id;
    },
    /** Back to a snapshot; checked by the block it lands on, since viem's revert drops Anvil's yes/no. */
    revert: async (id: Hex) => {
      await control.revert({ id });
      const latest = await client.getBlock({ blockTag: "latest" });
      if (latest.hash !== snapshotBlocks.get(id))
        throw new Error(`revert to snapshot ${id} failed: the chain is at block ${latest.number}`);
      snapshotBlocks.delete(id);
    },
    /** The next block is mined at exactly `timestamp`. */
    setNextTimestamp: (timestamp: bigint) => control.setNextBlockTimestamp({ timestamp }),
    /** Mines an empty block at exactly `timestamp`; returns its number. */
    mineAt: async (timestamp: bigint) => {
      await control.setNextBlockTimestamp({ timestamp });
      await control.mine({ blocks: 1 });
      return client.getBlockNumber({ cacheTime: 0 });
    },
    latestBlock: () => client.getBlock({ blockTag: "latest" }),
  };
}

export type ChainDriver = ReturnType<typeof chainDriver>;

export const abis = { metaPool: metaPoolCloneAbi, factory: metaPoolFactoryAbi, token: demoTokenAbi } as const;
