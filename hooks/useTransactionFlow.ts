"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import {
  encodeFunctionData,
  erc20Abi,
  type Abi,
  type Address,
  type Hash,
  type Hex,
  type TransactionReceipt,
} from "viem";
import { useConfig } from "wagmi";
import { getAccount, readContract, simulateContract, switchChain } from "wagmi/actions";

import { metaPoolExtensionAbi } from "@/abis";
import { appChain } from "@/lib/chain";
import { describeError, type ErrorContext } from "@/lib/errors";
import { queryKeys } from "@/lib/queryKeys";
import { chooseApprovalMode, MODE_NOTE, needsAllowanceReset, type ApprovalMode } from "@/lib/tx/approvalMode";
import { pushNotice } from "@/lib/tx/notices";
import { SentenceError } from "@/lib/tx/outcome";

import { sendAtomicBatch, supportsAtomicBatch } from "./tx/batch";
import { readPermitSupport, signSelfPermit } from "./tx/permit";
import { sendWrite, type ContractWrite, type SendPhase } from "./tx/sendWrite";

export { withGasMargin, type ContractWrite } from "./tx/sendWrite";

/** An ERC-20 approval the action needs first; exact amount, asked only when the allowance is short. */
export interface ApprovalNeed {
  token: Address;
  spender: Address;
  amount: bigint;
  /** "Approve 100.00 dUSD". */
  label: string;
}

export interface TxPlan<abi extends Abi = Abi> {
  /** What the main step does, as a button would say it: "Deposit 100.00 dUSD". */
  label: string;
  write: ContractWrite<abi>;
  approval?: ApprovalNeed;
  /** Names amounts, pools and the action in decoded errors. */
  errorContext: ErrorContext;
  /** Queries this action can change; the connected account's and the approved token's are added. */
  invalidate: QueryKey[];
}

export type StepPhase = "waiting" | "checking" | "signing" | "pending" | "confirmed" | "failed";

export interface TxStep {
  label: string;
  phase: StepPhase;
  hash?: Hash;
  error?: string;
}

export type FlowStatus = "idle" | "running" | "confirmed" | "failed";

export interface TransactionFlow {
  status: FlowStatus;
  steps: TxStep[];
  /** How the approval goes, once known: one batched confirmation, a permit signature, or two transactions. */
  mode?: ApprovalMode;
  modeNote?: string;
  /** The failure sentence of the step that failed. */
  error?: string;
  receipt?: TransactionReceipt;
  /** Runs the plan: approve if needed, then the action. Resolves with the receipt, or null on failure. */
  run: <abi extends Abi>(plan: TxPlan<abi>) => Promise<TransactionReceipt | null>;
  reset: () => void;
}

/** What a progress display reads of a flow: everything but how to run it. */
export type FlowState = Omit<TransactionFlow, "run">;

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
 * The one write path. The approval goes the lightest way the wallet and token allow (see
 * `chooseApprovalMode`); each transaction is simulated first, so a revert is explained before the
 * wallet opens; then signed, mined (a cancelled or replaced transaction is reported as such), announced,
 * and exactly the affected reads are invalidated.
 */
export function useTransactionFlow(): TransactionFlow {
  const config = useConfig();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<FlowStatus>("idle");
  const [steps, setSteps] = useState<TxStep[]>([]);
  const [mode, setMode] = useState<ApprovalMode>();
  const [error, setError] = useState<string>();
  const [receipt, setReceipt] = useState<TransactionReceipt>();
  const running = useRef(false);

  const reset = useCallback(() => {
    if (running.current) return;
    setStatus("idle");
    setSteps([]);
    setMode(undefined);
    setError(undefined);
    setReceipt(undefined);
  }, []);

  const run = useCallback(
    async <abi extends Abi>(typedPlan: TxPlan<abi>): Promise<TransactionReceipt | null> => {
      const plan = typedPlan as unknown as TxPlan;
      if (running.current) return null;
      running.current = true;
      setStatus("running");
      setMode(undefined);
      setError(undefined);
      setReceipt(undefined);
      let current: TxStep[] = [];
      const publish = (next: TxStep[]) => {
        current = next;
        setSteps(next);
      };
      const update = (index: number, patch: Partial<TxStep>) =>
        publish(current.map((s, i) => (i === index ? { ...s, ...patch } : s)));
      const fail = (index: number, cause: unknown, context: ErrorContext): never => {
        const sentence = cause instanceof SentenceError ? cause.message : describeError(cause, context);
        update(index, { phase: "failed", error: sentence });
        setError(sentence);
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
      const approveContext = approval
        ? { ...plan.errorContext, action: lowerFirst(approval.label) }
        : plan.errorContext;
      publish([
        ...(approval ? [{ label: approval.label, phase: "waiting" as const }] : []),
        { label: plan.label, phase: "waiting" },
      ]);
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

        let mined: TransactionReceipt;
        if (!approval) {
          mined = await send(0, plan.write, plan.errorContext);
        } else {
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
          setMode(chosen);
          if (chosen === "none") {
            // Enough allowance already: the approval step drops out rather than asking twice.
            publish(current.slice(1));
            mined = await send(0, plan.write, plan.errorContext);
          } else if (chosen === "permit") {
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
            mined = await send(1, multicall, plan.errorContext);
          } else {
            const reset = await resetNeeded(config, owner!, approval, facts.allowance);
            const approveCalls = [
              ...(reset ? [approveCall(approval.token, approval.spender, 0n)] : []),
              approveCall(approval.token, approval.spender, approval.amount),
            ];
            if (chosen === "batched") {
              publish([
                { label: `${approval.label} and ${lowerFirst(plan.label)}, in one confirmation`, phase: "waiting" },
              ]);
              const calls = [...approveCalls, plan.write].map((w) => ({ to: w.address, data: calldataOf(w) }));
              mined = await step(0, plan.errorContext, async (phase) => {
                phase("signing");
                return sendAtomicBatch(config, owner!, calls, plan.errorContext.action, () => phase("pending"));
              });
            } else {
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
              mined = await send(approveCalls.length, plan.write, plan.errorContext);
            }
          }
        }
        setReceipt(mined);
        setStatus("confirmed");
        pushNotice({ label: plan.label, hash: mined.transactionHash });
        return mined;
      } catch (cause) {
        if (!(cause instanceof StepFailed)) setError(describeError(cause, plan.errorContext));
        setStatus("failed");
        return null;
      } finally {
        running.current = false;
        const keys: QueryKey[] = [...plan.invalidate, queryKeys.chainTime()];
        if (owner) keys.push(queryKeys.account(owner));
        if (approval) keys.push(queryKeys.token(approval.token));
        await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      }
    },
    [config, queryClient],
  );

  return {
    status,
    steps,
    mode,
    modeNote: mode && mode !== "none" ? MODE_NOTE[mode] : undefined,
    error,
    receipt,
    run,
    reset,
  };
}

/** USDT-style tokens revert `approve(amount)` over a non-zero allowance: simulate it to find out. */
async function resetNeeded(
  config: ReturnType<typeof useConfig>,
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
