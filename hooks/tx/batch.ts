import type { Address, Hex, TransactionReceipt } from "viem";
import { getCapabilities, getTransactionReceipt, sendCalls, waitForCallsStatus } from "wagmi/actions";

import { appChain } from "@/lib/chain";
import { SentenceError } from "@/lib/tx/outcome";
import type { wagmiConfig } from "@/lib/wagmi";

/** Whether the connected wallet runs call batches atomically on the app's chain (EIP-5792). */
export async function supportsAtomicBatch(config: typeof wagmiConfig, account: Address): Promise<boolean> {
  try {
    const capabilities = await getCapabilities(config, { account, chainId: appChain.id });
    const status = capabilities?.atomic?.status;
    return status === "supported" || status === "ready";
  } catch {
    // Wallets without EIP-5792 answer "method not supported": they take the other paths.
    return false;
  }
}

/**
 * Sends `calls` as one atomic batch and waits for it. Resolves with the last call's receipt (the
 * action's), so the rest of the flow reads its events as for a single transaction.
 */
export async function sendAtomicBatch(
  config: typeof wagmiConfig,
  account: Address,
  calls: readonly { to: Address; data: Hex }[],
  action: string,
  onSent: () => void,
): Promise<TransactionReceipt> {
  const { id } = await sendCalls(config, { account, chainId: appChain.id, calls, forceAtomic: true });
  onSent();
  const result = await waitForCallsStatus(config, { id, throwOnFailure: false });
  const last = result.receipts?.at(-1);
  if (result.status !== "success" || !last) {
    throw new SentenceError(`Your wallet reported the batch as failed, so ${action} did not happen.`);
  }
  return getTransactionReceipt(config, { hash: last.transactionHash, chainId: appChain.id });
}
