import {
  encodeFunctionData,
  type Abi,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type ContractFunctionParameters,
  type Hash,
  type ReplacementReason,
  type TransactionReceipt,
} from "viem";
import { estimateGas, simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";

import { appChain } from "@/lib/chain";
import { replacementFailure, SentenceError } from "@/lib/tx/outcome";
import { wagmiConfig } from "@/lib/wagmi";

type Mutability = "nonpayable" | "payable";

/** One contract call, typed from its ABI: a wrong function name or argument does not compile. */
export type ContractWrite<
  abi extends Abi = Abi,
  functionName extends ContractFunctionName<abi, Mutability> = ContractFunctionName<abi, Mutability>,
  args extends ContractFunctionArgs<abi, Mutability, functionName> = ContractFunctionArgs<
    abi,
    Mutability,
    functionName
  >,
> = ContractFunctionParameters<abi, Mutability, functionName, args>;

export type SendPhase = "checking" | "signing" | "pending";

/**
 * Every MetaPool action syncs first, and what a sync costs moves with the clock (premium accrued in
 * one more second can turn a zero slot non-zero). A limit estimated a block earlier can then fall a
 * few thousand gas short and revert without a reason, so the limit carries a margin, as wallets' own
 * estimates do. Unused gas is not charged.
 */
export function withGasMargin(estimate: bigint): bigint {
  return (estimate * 13n) / 10n + 25_000n;
}

/**
 * Simulate (so a revert is explained before the wallet opens) → estimate → sign → wait for the
 * receipt. A transaction the wallet cancels or replaces is a failure; a speed-up is the same action.
 */
export async function sendWrite(
  config: typeof wagmiConfig,
  account: `0x${string}`,
  write: ContractWrite,
  action: string,
  onPhase: (phase: SendPhase, hash?: Hash) => void,
): Promise<TransactionReceipt> {
  onPhase("checking");
  const { request } = await simulateContract(config, {
    ...write,
    account,
    chainId: appChain.id,
  } as Parameters<typeof simulateContract>[1]);
  const gas = await estimateGas(config, {
    account,
    to: write.address,
    data: encodeFunctionData(write as Parameters<typeof encodeFunctionData>[0]),
    chainId: appChain.id,
  });
  onPhase("signing");
  const hash = await writeContract(config, {
    ...(request as Parameters<typeof writeContract>[1]),
    gas: withGasMargin(gas),
  });
  onPhase("pending", hash);
  let replaced: ReplacementReason | undefined;
  const mined = await waitForTransactionReceipt(config, {
    hash,
    chainId: appChain.id,
    onReplaced: ({ reason }) => {
      replaced = reason;
    },
  });
  const replacement = replaced && replacementFailure(replaced, action);
  if (replacement) throw replacement;
  if (mined.status !== "success")
    throw new SentenceError(`The transaction was mined but reverted, so ${action} did not happen.`);
  return mined;
}
