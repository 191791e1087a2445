"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { encodeFunctionData, erc20Abi, type Abi, type Address, type Hash, type TransactionReceipt } from "viem";
import { useConfig } from "wagmi";
import {
  estimateGas,
  getAccount,
  readContract,
  simulateContract,
  switchChain,
  waitForTransactionReceipt,
  writeContract,
} from "wagmi/actions";

import { appChain } from "@/lib/chain";
import { describeError, type ErrorContext } from "@/lib/errors";
import { queryKeys } from "@/lib/queryKeys";
import { pushNotice } from "@/lib/tx/notices";

/** One contract call, as typed by the caller (`abi` from `@/abis`). */
export interface ContractWrite {
  address: Address;
  abi: Abi | readonly unknown[];
  functionName: string;
  args?: readonly unknown[];
}

/** An ERC-20 approval the action needs first; exact amount, asked only when the allowance is short. */
export interface ApprovalNeed {
  token: Address;
  spender: Address;
  amount: bigint;
  /** "Approve 100.00 dUSD". */
  label: string;
}

export interface TxPlan {
  /** What the main step does, as a button would say it: "Deposit 100.00 dUSD". */
  label: string;
  write: ContractWrite;
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
  /** The failure sentence of the step that failed. */
  error?: string;
  receipt?: TransactionReceipt;
  /** Runs the plan: approve if needed, then the action. Resolves with the receipt, or null on failure. */
  run: (plan: TxPlan) => Promise<TransactionReceipt | null>;
  reset: () => void;
}

class StepFailed extends Error {}

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
 * The one write path: for each step simulate (so a revert is caught and explained before the
 * wallet opens) → sign → wait for the receipt → report → invalidate exactly the affected reads.
 */
export function useTransactionFlow(): TransactionFlow {
  const config = useConfig();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<FlowStatus>("idle");
  const [steps, setSteps] = useState<TxStep[]>([]);
  const [error, setError] = useState<string>();
  const [receipt, setReceipt] = useState<TransactionReceipt>();
  const running = useRef(false);

  const reset = useCallback(() => {
    if (running.current) return;
    setStatus("idle");
    setSteps([]);
    setError(undefined);
    setReceipt(undefined);
  }, []);

  const run = useCallback(
    async (plan: TxPlan): Promise<TransactionReceipt | null> => {
      if (running.current) return null;
      running.current = true;
      setStatus("running");
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
        const sentence = describeError(cause, context);
        update(index, { phase: "failed", error: sentence });
        setError(sentence);
        throw new StepFailed(sentence);
      };

      const send = async (index: number, write: ContractWrite, context: ErrorContext) => {
        const account = getAccount(config).address!;
        update(index, { phase: "checking" });
        let request;
        try {
          ({ request } = await simulateContract(config, {
            ...write,
            account,
            chainId: appChain.id,
          } as Parameters<typeof simulateContract>[1]));
        } catch (cause) {
          fail(index, cause, context);
        }
        let gas: bigint;
        try {
          gas = await estimateGas(config, {
            account,
            to: write.address,
            data: encodeFunctionData(write as Parameters<typeof encodeFunctionData>[0]),
            chainId: appChain.id,
          });
        } catch (cause) {
          return fail(index, cause, context);
        }
        update(index, { phase: "signing" });
        let hash: Hash;
        try {
          hash = await writeContract(config, {
            ...(request as Parameters<typeof writeContract>[1]),
            gas: withGasMargin(gas),
          });
        } catch (cause) {
          return fail(index, cause, context);
        }
        update(index, { phase: "pending", hash });
        try {
          const mined = await waitForTransactionReceipt(config, { hash, chainId: appChain.id });
          if (mined.status !== "success") {
            return fail(index, new Error("the transaction was mined but reverted"), context);
          }
          update(index, { phase: "confirmed" });
          return mined;
        } catch (cause) {
          if (cause instanceof StepFailed) throw cause;
          return fail(index, cause, context);
        }
      };

      const account = getAccount(config);
      const approval = plan.approval;
      publish([
        ...(approval ? [{ label: approval.label, phase: "waiting" as const }] : []),
        { label: plan.label, phase: "waiting" },
      ]);
      try {
        if (!account.address) fail(0, new Error("connect a wallet first"), plan.errorContext);
        if (account.chainId !== appChain.id) {
          try {
            await switchChain(config, { chainId: appChain.id });
          } catch (cause) {
            fail(0, cause, { ...plan.errorContext, action: `switch to ${appChain.name}` });
          }
        }
        let mainIndex = 0;
        if (approval) {
          mainIndex = 1;
          update(0, { phase: "checking" });
          let allowance: bigint;
          try {
            allowance = await readContract(config, {
              address: approval.token,
              abi: erc20Abi,
              functionName: "allowance",
              args: [account.address!, approval.spender],
              chainId: appChain.id,
            });
          } catch (cause) {
            return fail(0, cause, { ...plan.errorContext, action: approval.label.toLowerCase() });
          }
          if (allowance >= approval.amount) {
            // Enough allowance already: the approval step drops out rather than asking twice.
            publish(current.slice(1));
            mainIndex = 0;
          } else {
            await send(
              0,
              {
                address: approval.token,
                abi: erc20Abi,
                functionName: "approve",
                args: [approval.spender, approval.amount],
              },
              { ...plan.errorContext, action: approval.label.toLowerCase() },
            );
          }
        }
        const mined = await send(mainIndex, plan.write, plan.errorContext);
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
        if (account.address) keys.push(queryKeys.account(account.address));
        if (approval) keys.push(queryKeys.token(approval.token));
        await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      }
    },
    [config, queryClient],
  );

  return { status, steps, error, receipt, run, reset };
}
