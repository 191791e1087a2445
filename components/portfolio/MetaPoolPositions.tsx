"use client";

import Link from "next/link";

import { PortfolioRepricingAlert } from "@/components/metapool/economics/RepricingAlert";
import { CollectFees } from "@/components/portfolio/CollectFees";
import {
  CompleteRequestAction,
  ExitAction,
  RedeemAction,
  RefundAction,
  WithdrawCoverAction,
} from "@/components/portfolio/PositionActions";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { Countdown } from "@/components/ui/Countdown";
import { Stat } from "@/components/ui/Stat";
import { formatAmount } from "@/lib/format";
import { metaPoolHref } from "@/lib/portfolio/labels";
import {
  shownNetResult,
  type MetaPoolPortfolio,
  type ProtectionRow,
  type ProtectionStatus,
  type RequestRow,
  type RequestStatus,
} from "@/lib/portfolio/summary";
import type { MetaPoolView } from "@/lib/types/metaPool";

const REQUEST_BADGE: Record<RequestStatus, [string, BadgeTone]> = {
  locked: ["Locked", "neutral"],
  frozen: ["Frozen by a claim", "warn"],
  open: ["Withdrawable", "good"],
  partial: ["Partly withdrawable", "warn"],
  expired: ["Window closed", "bad"],
  shutdown: ["Payable now", "good"],
};

const PROTECTION_BADGE: Record<ProtectionStatus, [string, BadgeTone]> = {
  pending: ["Pending", "neutral"],
  maturing: ["Maturing", "neutral"],
  frozen: ["Frozen: refundable", "warn"],
  voided: ["Refundable", "warn"],
  rest: ["Rest refundable", "warn"],
  active: ["Active cover", "good"],
  "not-in-force": ["Not in force", "bad"],
  redeemable: ["Payout to redeem", "good"],
};

/** One MetaPool's positions of the connected account, with one-click actions where no input is needed. */
export function MetaPoolPositions({ m, view }: { m: MetaPoolPortfolio; view: MetaPoolView }) {
  const fmt = (v: bigint, rounding: "down" | "up" = "down") =>
    formatAmount(v, m.asset.decimals, { symbol: m.asset.symbol, rounding });
  const units = (v: bigint, unit: string) => formatAmount(v, m.asset.decimals, { symbol: unit });
  const headingId = `portfolio-${m.metaPool}`;
  const target = { address: m.metaPool, asset: m.asset };
  const hasUnderwriting = m.shares > 0n || m.requests.length > 0 || m.deposited > 0n;
  const showFees = m.feesOwed > 0n || m.bondsOwed > 0n || m.isArbiter || m.isCreator;
  const requested = m.requests.reduce((s, r) => s + r.assets, 0n);
  const net = shownNetResult(m.netResult, m.asset.decimals);
  const href = metaPoolHref(m.metaPool);

  return (
    <section aria-labelledby={headingId} className="card space-y-4" data-testid="portfolio-metapool">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          <Link href={href} className="hover:underline">
            {m.name}
          </Link>
        </h2>
        {m.shutDown && <Badge tone="bad">Shut down</Badge>}
        {m.claimPending && !m.shutDown && (
          <Badge tone="warn">Claim pending: deposits, withdrawals, purchases frozen</Badge>
        )}
        {m.isArbiter && <Badge>Arbiter</Badge>}
        {m.isCreator && <Badge>Creator</Badge>}
        <Link href={href} className="ml-auto text-sm underline">
          Open MetaPool
        </Link>
      </div>

      {hasUnderwriting && (
        <div className="space-y-3">
          <h3 className="font-medium">Underwriting</h3>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label="Shares" value={units(m.shares, "shares")} />
            <Stat
              label="Value now"
              value={fmt(m.shareValue + requested)}
              sub={requested > 0n ? `${fmt(requested)} of it in withdrawal requests` : undefined}
            />
            <Stat label="Deposited / withdrawn" value={`${fmt(m.deposited)} / ${fmt(m.withdrawn)}`} />
            <Stat
              label="Net result"
              value={
                <span
                  className={
                    net < 0n
                      ? "text-red-700 dark:text-red-400"
                      : net > 0n
                        ? "text-green-700 dark:text-green-400"
                        : undefined
                  }
                >
                  {net > 0n ? "+" : ""}
                  {fmt(net)}
                </span>
              }
              sub="value now and in requests, plus withdrawn, less deposited"
            />
          </dl>
          {m.exitNow > 0n && (
            <div className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-border p-3 text-sm">
              <p className="min-w-0">
                <span className="font-medium">Exit</span>
                <span className="block text-muted">
                  The MetaPool is shut down: your {units(m.shares, "shares")} pay {fmt(m.exitNow)} at once, with no
                  waiting.
                </span>
              </p>
              <ExitAction target={target} m={m} />
            </div>
          )}
          {m.requests.length > 0 && (
            <ul className="space-y-2">
              {m.requests.map((r) => (
                <RequestItem key={r.id.toString()} r={r} fmt={fmt} units={units}>
                  {r.completeInFull && <CompleteRequestAction target={target} r={r} />}
                </RequestItem>
              ))}
            </ul>
          )}
        </div>
      )}

      {m.protection.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-medium">Protection</h3>
          <ul className="space-y-2">
            {m.protection.map((x) => (
              <ProtectionItem
                key={`${x.kind}-${x.purchaseId ?? ""}-${x.poolId}-${x.epoch ?? ""}`}
                x={x}
                fmt={fmt}
                units={units}
              >
                {x.oneClick === "refund" && x.purchaseId !== undefined && (
                  <RefundAction target={target} x={x} id={x.purchaseId} />
                )}
                {x.oneClick === "redeem" && x.epoch !== undefined && (
                  <RedeemAction target={target} x={x} epoch={x.epoch} />
                )}
                {x.oneClick === "withdraw" && <WithdrawCoverAction target={target} x={x} />}
                {x.kind === "cover" && x.status === "active" && x.epoch !== undefined && (
                  <PortfolioRepricingAlert view={view} poolId={x.poolId} epoch={x.epoch} fmt={fmt} />
                )}
              </ProtectionItem>
            ))}
          </ul>
        </div>
      )}

      {showFees && (
        <div className="space-y-2">
          <h3 className="font-medium">
            Fees
            {m.isArbiter || m.isCreator
              ? ` (${[m.isArbiter && "arbiter", m.isCreator && "creator"].filter(Boolean).join(" and ")})`
              : " and returned bonds"}
          </h3>
          <CollectFees metaPool={m.metaPool} metaPoolName={m.name} asset={m.asset} owed={m.feesOwed + m.bondsOwed} />
        </div>
      )}
    </section>
  );
}

function RequestItem({
  r,
  fmt,
  units,
  children,
}: {
  r: RequestRow;
  fmt: (v: bigint) => string;
  units: (v: bigint, unit: string) => string;
  children?: React.ReactNode;
}) {
  const [label, tone] = REQUEST_BADGE[r.status];
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-border p-3 text-sm">
      <div className="space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium">Withdrawal request #{r.id.toString()}</span>
          <Badge tone={tone}>{label}</Badge>
        </p>
        <p className="text-muted">
          {units(r.shares, "shares")} · worth {fmt(r.assets)} · withdrawable now {fmt(r.withdrawableNow)}
        </p>
        <p className="text-muted">
          {r.status === "locked" ? (
            <>
              Unlocks <Countdown target={r.unlockAt} />
            </>
          ) : r.status === "open" || r.status === "partial" ? (
            <>
              Window closes <Countdown target={r.windowEnd} />
            </>
          ) : r.status === "frozen" ? (
            "Waits for the arbiter's ruling; the window reopens for 7 days after it."
          ) : r.status === "expired" ? (
            "Cancel it on the MetaPool page to get your shares back."
          ) : (
            "The MetaPool is shut down: it pays at once."
          )}
        </p>
        {r.status === "partial" && (
          <p className="text-muted">Free capital pays only part now: withdraw a part on the MetaPool page.</p>
        )}
      </div>
      {children}
    </li>
  );
}

function ProtectionItem({
  x,
  fmt,
  units,
  children,
}: {
  x: ProtectionRow;
  fmt: (v: bigint) => string;
  units: (v: bigint, unit: string) => string;
  children?: React.ReactNode;
}) {
  const [label, tone] = PROTECTION_BADGE[x.status];
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-border p-3 text-sm">
      <div className="space-y-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium">
            {x.poolName} · {x.kind === "purchase" ? `purchase #${x.purchaseId}` : `cover (${x.quantityUnit} tokens)`}
          </span>
          <Badge tone={tone}>{label}</Badge>
        </p>
        <p className="text-muted">
          {x.kind === "purchase" ? (
            <>
              {fmt(x.quantity)} bought
              {x.status === "pending" && x.time !== undefined && (
                <>
                  {" "}
                  · becomes cover <Countdown target={x.time} />
                </>
              )}
              {x.restartedBy !== undefined && ` · its delay restarted when claim #${x.restartedBy} was ruled`}
              {x.status === "maturing" && " · due: becomes cover with the next transaction on this MetaPool"}
              {x.claimableNow > 0n && ` · refundable ${fmt(x.claimableNow)}`}
            </>
          ) : (
            <>
              {units(x.quantity, x.quantityUnit)} · underlying {fmt(x.value)}
              {x.status === "active" && " · premium streams out of it; withdraw or file a claim on the MetaPool page"}
              {x.status === "redeemable" && " · a claim on the pool was upheld (or its cover ran out)"}
              {x.status === "not-in-force" && " · the MetaPool is shut down: take your deposit back"}
            </>
          )}
        </p>
      </div>
      {children}
    </li>
  );
}
