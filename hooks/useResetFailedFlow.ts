"use client";

import { useEffect, useRef } from "react";

import type { TransactionFlow } from "@/hooks/useTransactionFlow";

/**
 * Clears a failed flow once the person changes what they typed or chose: the error was about the
 * old input, and the form's own check now speaks for the new one. A flow still running, or one
 * that succeeded, is left alone.
 */
export function useResetFailedFlow(flow: Pick<TransactionFlow, "status" | "reset">, inputs: readonly unknown[]): void {
  const key = JSON.stringify(inputs, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  const last = useRef(key);
  const { status, reset } = flow;
  useEffect(() => {
    if (last.current === key) return;
    last.current = key;
    if (status === "failed") reset();
  }, [key, status, reset]);
}
