"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import type { Abi, Address, Hash, TransactionReceipt } from "viem";
import { useConfig } from "wagmi";
import { getAccount } from "wagmi/actions";

import type { ErrorContext } from "@/lib/errors";
import { queryKeys } from "@/lib/queryKeys";
import { MODE_NOTE, type ApprovalMode } from "@/lib/tx/approvalMode";
import { pushNotice } from "@/lib/tx/notices";

import type { ContractWrite } from "./tx/sendWrite";

export type { ContractWrite } from "./tx/sendWrite";

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

/**
 * The one write path. The approval goes the lightest way the wallet and token allow (see
 * `chooseApprovalMode`); each transaction is simulated first, so a revert is explained before the
 * wallet opens; then signed, mined (a cancelled or replaced transaction is reported as such), announced,
 * and exactly the affected reads are invalidated. The steps' code (tx/runPlan) loads on the first run.
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
      const firstSteps: TxStep[] = [
        ...(plan.approval ? [{ label: plan.approval.label, phase: "waiting" as const }] : []),
        { label: plan.label, phase: "waiting" },
      ];
      setSteps(firstSteps);
      const owner = getAccount(config).address;
      try {
        // The write path's code loads on the first submit: pages that may write do not carry it on arrival.
        const loaded = await import("./tx/runPlan").catch(() => null);
        if (!loaded) {
          const sentence = `Could not load what it takes to ${plan.errorContext.action}; check your connection and try again.`;
          setSteps(firstSteps.map((s, i) => (i === 0 ? { ...s, phase: "failed", error: sentence } : s)));
          setError(sentence);
          setStatus("failed");
          return null;
        }
        const mined = await loaded.runPlan(config, plan, { steps: firstSteps, setSteps, setMode, setError });
        if (!mined) {
          setStatus("failed");
          return null;
        }
        setReceipt(mined);
        setStatus("confirmed");
        pushNotice({ label: plan.label, hash: mined.transactionHash });
        return mined;
      } finally {
        running.current = false;
        const keys: QueryKey[] = [...plan.invalidate, queryKeys.chainTime()];
        if (owner) keys.push(queryKeys.account(owner));
        if (plan.approval) keys.push(queryKeys.token(plan.approval.token));
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
