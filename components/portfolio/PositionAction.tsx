"use client";

import { TxProgress } from "@/components/tx/TxProgress";
import type { ActionFlow } from "@/hooks/actions/write";

/**
 * A one-click action on a position that needs no input (complete a request in full, refund,
 * redeem): the button says exactly what it pays, and its progress shows beneath it.
 */
export function PositionAction<args extends unknown[]>({
  flow,
  args,
  testId,
}: {
  flow: ActionFlow<args>;
  args: args;
  testId?: string;
}) {
  const run = () => flow.run(...args);
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={flow.status === "running"}
        onClick={run}
        data-testid={testId}
      >
        {flow.labelFor(...args)}
      </button>
      <TxProgress flow={flow} onRetry={run} />
    </div>
  );
}
