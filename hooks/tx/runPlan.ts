import { encodeFunctionData, erc20Abi, type Address, type Hash, type Hex, type TransactionReceipt } from "viem";
import { getAccount, readContract, simulateContract, switchChain } from "wagmi/actions";

import { metaPoolExtensionAbi } from "@/abis";
import type { ApprovalNeed, TxPlan, TxStep } from "@/hooks/useTransactionFlow";
import { appChain } from "@/lib/chain";
import { describeError, type ErrorContext } from "@/lib/errors";
import { chooseApprovalMode, needsAllowanceReset, type ApprovalMode } from "@/lib/tx/approvalMode";
import { SentenceError } from "@/lib/tx/outcome";
import type { wagmiConfig } from "@/lib/wagmi";

import { sendAtomicBatch, supportsAtomicBatch } from "./batch";
import { readPermitSupport, signSelfPermit } from "./permit";
import { sendWrite, type ContractWrite, type SendPhase } from "./sendWrite";

// The write path's work, loaded when a person first submits an action (useTransactionFlow imports it then): the
// wallet actions, batching, permits and the error sentences stay out of the pages' first load.

/** What a run reports as it goes: the progress rows, the approval mode once chosen, the failure sentence. */
export interface PlanProgress {
  /** The rows shown before the run started (the approval, if any, then the action). */
  steps: TxStep[];
  setSteps: (steps: TxStep[]) => void;
  setMode: (mode: ApprovalMode) => void;
  setError: (sentence: string) => void;
}

class StepFailed extends Error {}

/** `approve` with no declared output: USDT-style tokens return nothing, and nothing here reads the bool. */
const approveAbi = [
  {
    type: "function",
    name: "approve",
    stateMutability: "nonpayable",
    inputs: [
      { name: "spender", type: "address" },
      { name: "amount", type: "uint256" },
    ],
    outputs: [],
  },
] as const;

const approveCall = (token: Address, spender: Address, amount: bigint): ContractWrite =>
  ({ address: token, abi: approveAbi, functionName: "approve", args: [spender, amount] }) as ContractWrite;

const calldataOf = (write: ContractWrite): Hex => encodeFunctionData(write as Parameters<typeof encodeFunctionData>[0]);

/**
 * Runs `plan`: the approval goes the lightest way the wallet and token allow (see `chooseApprovalMode`); each
 * transaction is simulated first, so a revert is explained before the wallet opens; then signed and mined (a
 * cancelled or replaced transaction is reported as such). Resolves with the action's receipt, or null once the
 * failure's sentence was reported.
 */
export async function runPlan(
  config: typeof wagmiConfig,
  plan: TxPlan,
  progress: PlanProgress,
): Promise<TransactionReceipt | null> {
  let current = progress.steps;
  const publish = (next: TxStep[]) => {
    current = next;
    progress.setSteps(next);
  };
  const update = (index: number, patch: Partial<TxStep>) =>
    publish(current.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const fail = (index: number, cause: unknown, context: ErrorContext): never => {
    const sentence = cause instanceof SentenceError ? cause.message : describeError(cause, context);
    update(index, { phase: "failed", error: sentence });
    progress.setError(sentence);
    throw new StepFailed(sentence);
  };
  /** Runs one step, marking it as it goes; any failure is decoded into the step's sentence. */
  const step = async <T>(
    index: number,
    context: ErrorContext,
    work: (phase: (p: SendPhase, hash?: Hash) => void) => Promise<T>,
  ) => {
    try {
      const result = await work((phase, hash) => update(index, hash ? { phase, hash } : { phase }));
      update(index, { phase: "confirmed" });
      return result;
    } catch (cause) {
      if (cause instanceof StepFailed) throw cause;
      return fail(index, cause, context);
    }
  };

  const account = getAccount(config);
  const approval = plan.approval;
  const owner = account.address;
  const approveContext = approval ? { ...plan.errorContext, action: lowerFirst(approval.label) } : plan.errorContext;
  try {
    if (!owner) fail(0, new Error("connect a wallet first"), plan.errorContext);
    if (account.chainId !== appChain.id) {
      try {
        await switchChain(config, { chainId: appChain.id });
      } catch (cause) {
        // A refused switch is its own step: it is not the approval (or the action) that failed.
        publish([{ label: `Switch your wallet to ${appChain.name}`, phase: "waiting" }]);
        fail(0, cause, { ...plan.errorContext, action: `switch to ${appChain.name}` });
      }
    }
    const send = (index: number, write: ContractWrite, context: ErrorContext) =>
      step(index, context, (phase) => sendWrite(config, owner!, write, context.action, phase));

    if (!approval) return await send(0, plan.write, plan.errorContext);

    update(0, { phase: "checking" });
    const facts = await step(0, approveContext, async () => {
      const allowance = await readContract(config, {
        address: approval.token,
        abi: erc20Abi,
        functionName: "allowance",
        args: [owner!, approval.spender],
        chainId: appChain.id,
      });
      const spenderIsTarget = approval.spender.toLowerCase() === plan.write.address.toLowerCase();
      const [atomicBatch, permit] =
        allowance >= approval.amount
          ? [false, null]
          : await Promise.all([
              supportsAtomicBatch(config, owner!),
              spenderIsTarget ? readPermitSupport(config, approval.token, owner!) : Promise.resolve(null),
            ]);
      return { allowance, atomicBatch, permit, spenderIsTarget };
    });
    const chosen = chooseApprovalMode({ ...facts, amount: approval.amount, permit: facts.permit !== null });
    progress.setMode(chosen);
    if (chosen === "none") {
      // Enough allowance already: the approval step drops out rather than asking twice.
      publish(current.slice(1));
      return await send(0, plan.write, plan.errorContext);
    }
    if (chosen === "permit") {
      publish([
        {
          label: `Sign a permit: ${approval.label.replace(/^Approve/, "allow")} (a signature, no transaction)`,
          phase: "waiting",
        },
        { label: `${plan.label}, with the permit, in one transaction`, phase: "waiting" },
      ]);
      const selfPermit = await step(0, approveContext, async (phase) => {
        phase("signing");
        return signSelfPermit(config, {
          token: approval.token,
          owner: owner!,
          spender: approval.spender,
          value: approval.amount,
          support: facts.permit!,
        });
      });
      const multicall = {
        address: plan.write.address,
        abi: metaPoolExtensionAbi,
        functionName: "multicall",
        args: [[selfPermit, calldataOf(plan.write)]],
      } as ContractWrite;
      return await send(1, multicall, plan.errorContext);
    }
    const reset = await resetNeeded(config, owner!, approval, facts.allowance);
    const approveCalls = [
      ...(reset ? [approveCall(approval.token, approval.spender, 0n)] : []),
      approveCall(approval.token, approval.spender, approval.amount),
    ];
    if (chosen === "batched") {
      publish([{ label: `${approval.label} and ${lowerFirst(plan.label)}, in one confirmation`, phase: "waiting" }]);
      const calls = [...approveCalls, plan.write].map((w) => ({ to: w.address, data: calldataOf(w) }));
      return await step(0, plan.errorContext, async (phase) => {
        phase("signing");
        return sendAtomicBatch(config, owner!, calls, plan.errorContext.action, () => phase("pending"));
      });
    }
    publish([
      ...(reset
        ? [
            {
              label: `Reset the ${tokenWord(approval)} allowance to 0 (this token requires it first)`,
              phase: "waiting" as const,
            },
          ]
        : []),
      { label: approval.label, phase: "waiting" },
      { label: plan.label, phase: "waiting" },
    ]);
    for (const [i, write] of approveCalls.entries()) await send(i, write, approveContext);
    return await send(approveCalls.length, plan.write, plan.errorContext);
  } catch (cause) {
    if (!(cause instanceof StepFailed)) progress.setError(describeError(cause, plan.errorContext));
    return null;
  }
}

/** USDT-style tokens revert `approve(amount)` over a non-zero allowance: simulate it to find out. */
async function resetNeeded(
  config: typeof wagmiConfig,
  owner: Address,
  approval: ApprovalNeed,
  allowance: bigint,
): Promise<boolean> {
  if (allowance === 0n) return false;
  try {
    await simulateContract(config, {
      account: owner,
      address: approval.token,
      abi: approveAbi,
      functionName: "approve",
      args: [approval.spender, approval.amount],
      chainId: appChain.id,
    });
    return needsAllowanceReset(allowance, false);
  } catch {
    return needsAllowanceReset(allowance, true);
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const tokenWord = (approval: ApprovalNeed) => approval.label.split(" ").at(-1) ?? "token";
