"use client";

import { useMemo, useState } from "react";

import { PayoutFigure } from "@/components/metapool/economics/PayoutFigure";
import { RepricingAlert } from "@/components/metapool/economics/RepricingAlert";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { WithdrawCoverForm } from "@/components/metapool/protect/WithdrawCoverForm";
import { Badge } from "@/components/ui/Badge";
import { Stat } from "@/components/ui/Stat";
import { useChainNowSelector } from "@/hooks/useChainNow";
import { coverCostRate, formatCostRate, payoutShare } from "@/lib/economics";
import { coverTokenSymbol, formatAmount, formatPercentWad } from "@/lib/format";
import { dueTokensOf } from "@/lib/protect/dueCover";
import { formatLifetime } from "@/lib/protect/lifetime";
import { liveUnderlying, stateFromView } from "@/lib/protect/viewState";
import { holdingCostPerDay, mulDivDown, poolCoverLifetime, WAD, type MetaPoolState } from "@/lib/protocol";

interface Holding {
  poolId: number;
  epoch: number;
  tokens: bigint;
  /** Of `tokens`, those a matured purchase mints with the next transaction on this MetaPool. */
  dueTokens: bigint;
}

/** The connected account's cover in force, per pool, with its underlying ticking down live, and withdraw. */
export function MyCover() {
  const { view, position } = useMetaPoolContext();
  const state = useMemo(() => stateFromView(view), [view]);
  if (!position) return null;
  // Tokens of each pool's current epoch (closed epochs redeem in the Claims panel).
  const holdings: Holding[] = position.cover
    .filter((c) => !c.closed && c.tokens > 0n && view.pools[c.poolId]?.epoch === c.epoch)
    .map((c) => ({ poolId: c.poolId, epoch: c.epoch, tokens: c.tokens, dueTokens: dueTokensOf(c) }));
  return (
    <section aria-labelledby="my-cover-heading" className="card space-y-3">
      <h3 id="my-cover-heading" className="font-semibold">
        Your protection
      </h3>
      {holdings.length === 0 ? (
        <p className="text-sm text-muted">
          You hold no cover in this MetaPool. A purchase becomes cover once its delay ends, and then shows here.
        </p>
      ) : (
        <ul className="divide-y divide-border">
          {holdings.map((h) => (
            <HoldingRow key={h.poolId} holding={h} state={state} />
          ))}
        </ul>
      )}
    </section>
  );
}

function HoldingRow({ holding, state }: { holding: Holding; state: MetaPoolState }) {
  const { view, fmt, asset } = useMetaPoolContext();
  const [open, setOpen] = useState(false);
  const pool = view.pools[holding.poolId]!;
  const symbol = coverTokenSymbol(holding.poolId, holding.epoch);
  // Ticks every second between reads: the view's K shrinking at the pool's premium speed (bigint).
  const underlying = useChainNowSelector((now) =>
    now !== undefined ? liveUnderlying(state, holding.poolId, holding.tokens, now) : undefined,
  );
  const supply = pool.coverSupply;
  const share = supply === 0n ? 0n : mulDivDown(holding.tokens, WAD, supply);
  const perDay = holdingCostPerDay(pool.premiumSpeed, holding.tokens, supply);
  // From the view's own time: a lifetime in days does not need a second's precision.
  const lifetime = useMemo(() => poolCoverLifetime(state, holding.poolId), [state, holding.poolId]);
  const myPayout = view.shutDown ? 0n : payoutShare(pool.payout, holding.tokens, supply);
  const cost = coverCostRate(pool.premiumSpeed, pool.active);
  return (
    <li className="space-y-3 py-3" data-testid={`cover-${holding.poolId}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">{pool.name}</p>
        {pool.pendingClaimId !== 0n && <Badge tone="warn">Claim #{pool.pendingClaimId.toString()} pending</Badge>}
        {view.shutDown && <Badge tone="bad">Shut down: no longer in force</Badge>}
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat
          label="Your cover now"
          value={
            <span data-testid={`cover-underlying-${holding.poolId}`}>
              {underlying !== undefined ? fmt(underlying) : "…"}
            </span>
          }
          sub={`${formatAmount(holding.tokens, asset.decimals, { symbol })} · ${formatPercentWad(share)} of the pool`}
        />
        <Stat
          label="Costs per day"
          value={fmt(perDay, { rounding: "up" })}
          sub={cost === null ? "no premium charged" : `${formatCostRate(cost)} of your cover a year, at today's rates`}
        />
        <Stat
          label="Lasts at today's rates"
          value={lifetime === null ? "no premium charged" : formatLifetime(lifetime)}
        />
        <PayoutFigure kind="mine" poolId={holding.poolId} value={fmt(myPayout)} explain />
      </dl>
      {holding.dueTokens > 0n && (
        <p className="text-xs text-muted" data-testid={`cover-due-${holding.poolId}`}>
          Includes {formatAmount(holding.dueTokens, asset.decimals, { symbol })} from your matured purchase: it is cover
          now, and its tokens reach your wallet with your next transaction on this MetaPool (a withdrawal included).
        </p>
      )}
      <RepricingAlert
        poolId={holding.poolId}
        epoch={holding.epoch}
        onWithdraw={open ? undefined : () => setOpen(true)}
      />
      <button type="button" className="btn-secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? "Close" : "Withdraw cover"}
      </button>
      {open && <WithdrawCoverForm holding={holding} symbol={symbol} />}
    </li>
  );
}
