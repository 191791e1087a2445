import { keccak256, numberToHex, toHex, type Address, type Hex } from "viem";

import { ProviderRpcError } from "./providerErrors";
import { rpcCall } from "./rpc";

/** An EIP-5792 call batch the wallet ran: its id and the transaction receipts of its calls. */
type CallBatch = { id: Hex; chainId: Hex; receipts: unknown[]; ok: boolean };

export type BatchCall = { to: string; data?: Hex; value?: Hex };

/** The EIP-5792 batches the test wallet ran on its node, answered by `wallet_getCallsStatus`. */
export class CallBatches {
  private readonly batches = new Map<string, CallBatch>();

  constructor(private readonly rpcUrl: string) {}

  /**
   * Runs the calls one after another from `from`; any failure rolls the chain back to before the
   * first (evm_snapshot/evm_revert), so the batch is atomic as EIP-5792 `atomicRequired` asks.
   */
  async run(from: Address | string, chainId: Hex, calls: readonly BatchCall[]): Promise<{ id: Hex }> {
    const snapshot = await rpcCall<Hex>(this.rpcUrl, "evm_snapshot");
    const receipts: unknown[] = [];
    let ok = true;
    for (const call of calls) {
      const tx = { from, to: call.to, data: call.data, value: call.value ?? "0x0" };
      // A margin over the estimate, as wallets add: a MetaPool call's sync costs more a block later.
      const estimate = await rpcCall<Hex>(this.rpcUrl, "eth_estimateGas", [tx]).catch(() => null);
      const gas = estimate === null ? undefined : numberToHex((BigInt(estimate) * 13n) / 10n + 25_000n);
      const hash = await rpcCall<Hex>(this.rpcUrl, "eth_sendTransaction", [{ ...tx, gas }]).catch(() => null);
      const receipt = hash && (await this.minedReceipt(hash));
      if (!receipt || receipt.status !== "0x1") {
        ok = false;
        break;
      }
      receipts.push(receipt);
    }
    if (!ok) {
      await rpcCall(this.rpcUrl, "evm_revert", [snapshot]);
      receipts.length = 0;
    }
    const id = keccak256(toHex(`${snapshot}-${Date.now()}-${this.batches.size}`));
    this.batches.set(id, { id, chainId, receipts, ok });
    return { id };
  }

  /** `wallet_getCallsStatus` for a batch this wallet ran. */
  status(id: unknown) {
    const batch = this.batches.get(String(id));
    if (!batch) throw new ProviderRpcError(5730, `Unknown call batch ${String(id)}`);
    return {
      version: "2.0.0",
      id: batch.id,
      chainId: batch.chainId,
      atomic: true,
      status: batch.ok ? 200 : 500,
      receipts: batch.receipts,
    };
  }

  /** The receipt once the node has mined `hash` (Anvil mines on send, but not always before it answers), or null. */
  private async minedReceipt(hash: Hex): Promise<{ status: Hex } | null> {
    for (let attempt = 0; attempt < 300; attempt++) {
      const receipt = await rpcCall<{ status: Hex } | null>(this.rpcUrl, "eth_getTransactionReceipt", [hash]);
      if (receipt) return receipt;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return null;
  }
}
