"use client";

import type { FlowState, TxStep } from "@/hooks/useTransactionFlow";

import { HashLink } from "./HashLink";

const PHASE_TEXT: Record<TxStep["phase"], string> = {
  waiting: "waiting",
  checking: "checking it would succeed…",
  signing: "waiting for your signature in the wallet…",
  pending: "pending on chain…",
  confirmed: "confirmed",
  failed: "failed",
};

const PHASE_MARK: Record<TxStep["phase"], string> = {
  waiting: "○",
  checking: "◌",
  signing: "✎",
  pending: "◌",
  confirmed: "✓",
  failed: "✕",
};

/**
 * The lifecycle of a write, step by step (approve → act): waiting for signature, pending with
 * its hash, confirmed, or failed with the decoded reason. Announced to screen readers as it changes.
 */
export function TxProgress({ flow, onRetry }: { flow: FlowState; onRetry?: () => void }) {
  if (flow.status === "idle" || flow.steps.length === 0) return null;
  return (
    <div className="space-y-2 rounded-md border border-border p-3 text-sm">
      {flow.modeNote && <p className="text-muted">How: {flow.modeNote}.</p>}
      {/* The steps are a polite status; a failure is an alert of its own, not nested in it. */}
      <div role="status" aria-live="polite">
        <ol className="space-y-1">
          {flow.steps.map((step, i) => (
            <li key={i} data-phase={step.phase} className="flex flex-wrap items-baseline gap-x-2">
              <span
                aria-hidden="true"
                className={
                  step.phase === "confirmed"
                    ? "text-green-600"
                    : step.phase === "failed"
                      ? "text-red-600"
                      : "text-muted"
                }
              >
                {PHASE_MARK[step.phase]}
              </span>
              <span className="font-medium">{step.label}</span>
              <span className="text-muted">— {PHASE_TEXT[step.phase]}</span>
              {step.hash && <HashLink hash={step.hash} />}
            </li>
          ))}
        </ol>
      </div>
      {flow.status === "failed" && flow.error && (
        <p role="alert" className="font-medium text-red-700 dark:text-red-400">
          {flow.error}
        </p>
      )}
      {flow.status === "failed" && onRetry && (
        <button type="button" onClick={onRetry} className="btn-secondary">
          Try again
        </button>
      )}
    </div>
  );
}
