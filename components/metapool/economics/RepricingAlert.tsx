"use client";

import Link from "next/link";
import { useAccount } from "wagmi";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { useRepricing } from "@/hooks/useRepricing";
import { useSeenCoverCost } from "@/hooks/useSeenCoverCost";
import { coverCostRate, formatCostRate, formatMultiple, type RepricingReason } from "@/lib/economics";
import { riseSinceSeen } from "@/lib/economics/lastSeen";
import { formatDateTime } from "@/lib/format";
import type { MetaPoolView } from "@/lib/types/metaPool";

/**
 * Flags the connected account's cover in pool `poolId` when its yearly cost more than doubled since it became
 * cover or since the account last saw it, says why (a valid claim elsewhere, deposits, withdrawals, more cover bought) and offers to withdraw.
 */
function RepricingNotice({
  view,
  fmt,
  poolId,
  epoch,
  action,
}: {
  view: MetaPoolView;
  fmt: (amount: bigint) => string;
  poolId: number;
  epoch: number;
  action: React.ReactNode;
}) {
  const { address: account } = useAccount();
  const pool = view.pools[poolId];
  const costNow = pool && !view.shutDown ? coverCostRate(pool.premiumSpeed, pool.active) : null;
  // Since the account last looked (kept in localStorage): flagged even when the rise since the cover started is not.
  const seen = useSeenCoverCost(view.metaPool, poolId, costNow);
  const sinceSeen = riseSinceSeen(seen, costNow);
  const { alert, seenReasons } = useRepricing(view, { account, poolId, epoch }, costNow, sinceSeen?.since);
  if (!alert && !sinceSeen) return null;
  const reason = (r: RepricingReason) => {
    switch (r.kind) {
      case "claim":
        return `a valid claim on ${view.pools[r.poolId]?.name ?? `pool ${r.poolId}`} took ${fmt(r.amount)} of capital`;
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
    <div
      role="note"
      className="w-full space-y-2 rounded-md border border-amber-500/50 bg-amber-500/10 p-3 text-sm"
      data-testid={`repricing-${poolId}`}
    >
      {alert ? (
        <p>
          <strong>Your cover now costs {formatMultiple(alert.factor)} what it did</strong> when it became cover (
          {formatDateTime(BigInt(alert.since))}): {formatCostRate(alert.costThen)} → {formatCostRate(alert.costNow)} of
          your cover a year.{" "}
          {alert.reasons.length > 0 ? (
            <>Since then {alert.reasons.map(reason).join("; ")}.</>
          ) : (
            "Others' purchases and withdrawals moved the rate."
          )}
          {sinceSeen && <> It is {formatMultiple(sinceSeen.factor)} what it was when you last looked.</>}
        </p>
      ) : (
        sinceSeen && (
          <p data-testid={`repricing-since-seen-${poolId}`}>
            <strong>Your cover now costs {formatMultiple(sinceSeen.factor)} what it did when you last looked</strong> (
            {formatDateTime(BigInt(sinceSeen.since))}): {formatCostRate(sinceSeen.costThen)} →{" "}
            {formatCostRate(sinceSeen.costNow)} of your cover a year.{" "}
            {seenReasons.length > 0 ? (
              <>Since then {seenReasons.map(reason).join("; ")}.</>
            ) : (
              "Others' purchases and withdrawals moved the rate."
            )}
          </p>
        )
      )}
      {action}
    </div>
  );
}

/** On the Protect tab: the notice for one holding, with a button that opens its withdraw form. */
export function RepricingAlert({
  poolId,
  epoch,
  onWithdraw,
}: {
  poolId: number;
  epoch: number;
  onWithdraw?: () => void;
}) {
  const { view, fmt } = useMetaPoolContext();
  const action = onWithdraw ? (
    <button type="button" className="btn-secondary" onClick={onWithdraw}>
      Withdraw this cover
    </button>
  ) : null;
  return <RepricingNotice view={view} fmt={(v) => fmt(v)} poolId={poolId} epoch={epoch} action={action} />;
}

/** On Portfolio: the same notice for cover in any MetaPool (`fmt` names its asset), linking to its Protect tab to withdraw. */
export function PortfolioRepricingAlert({
  view,
  poolId,
  epoch,
  fmt,
}: {
  /** The MetaPool's live view, as the portfolio read it (its creation texts are not needed here). */
  view: MetaPoolView;
  poolId: number;
  epoch: number;
  fmt: (v: bigint) => string;
}) {
  return (
    <RepricingNotice
      view={view}
      fmt={fmt}
      poolId={poolId}
      epoch={epoch}
      action={
        <Link href={`/metapool/${view.metaPool}#protect`} className="btn-secondary inline-block">
          Withdraw on the MetaPool page
        </Link>
      }
    />
  );
}
