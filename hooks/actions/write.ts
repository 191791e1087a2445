"use client";

import type { QueryKey } from "@tanstack/react-query";
import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, TransactionReceipt } from "viem";

import { useTransactionFlow, type ContractWrite, type FlowState, type TxPlan } from "@/hooks/useTransactionFlow";
import type { ErrorContext } from "@/lib/errors";
import { metaPoolWriteKeys } from "@/lib/queryKeys";

type Mutability = "nonpayable" | "payable";

/**
 * One call typed from its ABI at the call site: a wrong function name or a wrong argument does not
 * compile (the scaffold-eth-2 `useScaffoldWriteContract<"MetaPool", "deposit">` habit).
 */
export function contractWrite<const abi extends Abi, functionName extends ContractFunctionName<abi, Mutability>>(
  address: Address,
  abi: abi,
  functionName: functionName,
  args: ContractFunctionArgs<abi, Mutability, functionName>,
): ContractWrite {
  return { address, abi, functionName, args } as unknown as ContractWrite;
}

/** The MetaPool an action writes to, and its asset (the page's context or a portfolio row satisfy it). */
export interface WriteTarget {
  address: Address;
  asset: { address: Address; symbol: string; decimals: number };
  /** Names the asset, pools and clock in decoded errors; the asset alone when absent. */
  errorContext?: (action: string) => ErrorContext;
}

/** What one run of an action does: the button's label, the call, its error phrase, an approval of the asset. */
export interface ActionCall {
  label: string;
  write: ContractWrite;
  /** Verb phrase for decoded errors: "deposit", "refund purchase #3". */
  action: string;
  /** The asset amount the MetaPool pulls, approved exactly when the allowance is short. */
  approve?: { amount: bigint; label: string };
}

/** A flow whose `run` takes the action's amounts or ids rather than a plan. */
export type ActionFlow<args extends unknown[]> = FlowState & {
  run: (...args: args) => Promise<TransactionReceipt | null>;
  /** What the action's button says for these arguments: the main step's label. */
  labelFor: (...args: args) => string;
};

/** Runs `plan`'s result through the one write path; the flow's status, steps and errors come along. */
export function useActionFlow<args extends unknown[]>(plan: (...args: args) => TxPlan): ActionFlow<args> {
  const flow = useTransactionFlow();
  return { ...flow, run: (...args: args) => flow.run(plan(...args)), labelFor: (...args: args) => plan(...args).label };
}

/**
 * An action on one MetaPool: its approval is of the MetaPool's asset to the MetaPool, and it
 * invalidates exactly `metaPoolWriteKeys`.
 */
export function useMetaPoolAction<args extends unknown[]>(
  target: WriteTarget,
  describe: (...args: args) => ActionCall,
): ActionFlow<args> {
  return useActionFlow((...args: args) => metaPoolPlan(target, describe(...args)));
}

export function metaPoolPlan(target: WriteTarget, call: ActionCall, invalidate?: QueryKey[]): TxPlan {
  const { asset } = target;
  return {
    label: call.label,
    write: call.write,
    approval: call.approve && { token: asset.address, spender: target.address, ...call.approve },
    errorContext: target.errorContext?.(call.action) ?? {
      action: call.action,
      asset: { symbol: asset.symbol, decimals: asset.decimals },
    },
    invalidate: invalidate ?? [...metaPoolWriteKeys(target.address, asset.address)],
  };
}
