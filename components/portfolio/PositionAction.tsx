"use client";

import { TxProgress } from "@/components/tx/TxProgress";
import { useTransactionFlow, type TxPlan } from "@/hooks/useTransactionFlow";

/**
 * A one-click action on a position that needs no input (complete a request in full, refund,
 * redeem): the button says exactly what it pays, and its progress shows beneath it.
 */
export function PositionAction({ plan, testId }: { plan: TxPlan; testId?: string }) {
  const flow = useTransactionFlow();
  const run = () => flow.run(plan);
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={flow.status === "running"}
        onClick={run}
        data-testid={testId}
      >
        {plan.label}
      </button>
      <TxProgress flow={flow} onRetry={run} />
    </div>
  );
}
