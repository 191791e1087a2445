"use client";

import { useMemo } from "react";
import { useAccount } from "wagmi";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { useMetaPoolHistory } from "@/hooks/useMetaPoolHistory";
import { deployment } from "@/lib/deployment";
import { coverCostRate, formatCostRate, formatMultiple, repricing, type RepricingReason } from "@/lib/economics";
import { formatDateTime } from "@/lib/format";

/**
 * Flags the connected account's cover in pool `poolId` when its yearly cost more than doubled since it became
 * cover, says why (a valid claim elsewhere, deposits, withdrawals, more cover bought) and offers to withdraw.
 */
export function RepricingAlert({ poolId, epoch, onWithdraw }: { poolId: number; epoch: number; onWithdraw?: () => void }) {
  const { address, view, fmt, poolNames } = useMetaPoolContext();
  const { address: account } = useAccount();
  const history = useMetaPoolHistory(address, view.config.curve, deployment?.startBlock ?? 0n);
  const pool = view.pools[poolId];
  const costNow = pool && !view.shutDown ? coverCostRate(pool.premiumSpeed, pool.active) : null;
  const data = history.data;
  const alert = useMemo(
    () =>
      data?.series && account
        ? repricing(data.logs, data.series, { account, poolId, epoch }, { curve: view.config.curve, payoutMultiple: BigInt(view.config.payoutMultiple) }, costNow)
        : null,
    [data, account, poolId, epoch, view.config.curve, view.config.payoutMultiple, costNow],
  );
  if (!alert) return null;
  const reason = (r: RepricingReason) => {
    switch (r.kind) {
      case "claim":
        return `a valid claim on ${poolNames[r.poolId] ?? `pool ${r.poolId}`} took ${fmt(r.amount)} of capital`;
      case "deposits":
        return view.config.payoutMultiple === 0
          ? `underwriters deposited ${fmt(r.amount)}, which widens this uncapped payout`
          : `underwriters deposited ${fmt(r.amount)}`;
      case "withdrawals":
        return `underwriters withdrew ${fmt(r.amount)}, leaving less free capital`;
      case "cover":
        return `${fmt(r.amount)} more cover in this pool raised its utilisation`;
    }
  };
  return (
    <div role="note" className="space-y-2 rounded-md border border-amber-500/50 bg-amber-500/10 p-3 text-sm" data-testid={`repricing-${poolId}`}>
      <p>
        <strong>Your cover now costs {formatMultiple(alert.factor)} what it did</strong> when it became cover ({formatDateTime(BigInt(alert.since))}):{" "}
        {formatCostRate(alert.costThen)} → {formatCostRate(alert.costNow)} of your cover a year.{" "}
        {alert.reasons.length > 0 ? <>Since then {alert.reasons.map(reason).join("; ")}.</> : "Others' purchases and withdrawals moved the rate."}
      </p>
      {onWithdraw && (
        <button type="button" className="btn-secondary" onClick={onWithdraw}>
          Withdraw this cover
        </button>
      )}
    </div>
  );
}
