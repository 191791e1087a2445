"use client";

import { useId, useMemo } from "react";

import { PayoutFigure } from "@/components/metapool/economics/PayoutFigure";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { Badge } from "@/components/ui/Badge";
import { formatCostRate, formatMultiple, poolPrice } from "@/lib/economics";
import { formatRateApr } from "@/lib/format";
import { stateFromView } from "@/lib/protect/viewState";

/**
 * The coverage pools as radio cards (arrow keys move between them), each with what a buyer
 * compares: what cover costs a year as a share of the deposit, the payout per unit deposited, the pool
 * payout now, the curve's rate, active and pending cover.
 */
export function PoolPicker({
  legend,
  value,
  onChange,
  error,
  disabled,
}: {
  legend: string;
  value: number | null;
  onChange: (poolId: number) => void;
  error?: string | null;
  disabled?: boolean;
}) {
  const { view, details, fmt } = useMetaPoolContext();
  const id = useId();
  const descriptions = details.params.pools;
  const state = useMemo(() => stateFromView(view), [view]);
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} aria-invalid={Boolean(error)} disabled={disabled}>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {view.pools.map((pool, poolId) => {
          const checked = value === poolId;
          return (
            <label
              key={poolId}
              className={`flex cursor-pointer gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-green-600 ${
                checked ? "border-green-600 bg-green-600/5" : "border-border"
              } ${disabled ? "cursor-not-allowed opacity-60" : ""}`}
            >
              <input
                type="radio"
                name={`${id}-pool`}
                className="mt-1"
                checked={checked}
                onChange={() => onChange(poolId)}
                data-testid={`protect-pool-${poolId}`}
              />
              <span className="min-w-0 flex-1 space-y-1">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{pool.name}</span>
                  {pool.pendingClaimId !== 0n && (
                    <Badge tone="warn">Claim #{pool.pendingClaimId.toString()} pending</Badge>
                  )}
                </span>
                {descriptions[poolId]?.description && (
                  <span className="block text-xs text-muted">{descriptions[poolId]!.description}</span>
                )}
                <PoolPriceLine state={state} poolId={poolId} />
                <span className="block text-xs">
                  <PayoutFigure kind="pool" poolId={poolId} value={fmt(pool.payout)} inline />
                </span>
                <span className="block text-xs tabular-nums text-muted">
                  curve rate {formatRateApr(pool.rate)} on the payout · active {fmt(pool.active, { compact: true })}
                  {pool.pending > 0n && <> · pending {fmt(pool.pending, { compact: true })}</>}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** "Costs ≈ 26 % of the deposit a year · pays ≈ 8× it": the pool's holders' price, or a first buyer's. */
function PoolPriceLine({ state, poolId }: { state: ReturnType<typeof stateFromView>; poolId: number }) {
  const price = poolPrice(state, poolId);
  if (price.costRate === null) return null;
  return (
    <span className="block text-xs font-medium tabular-nums" data-testid={`pool-price-${poolId}`}>
      costs ≈ {formatCostRate(price.costRate)} of the deposit a year · pays ≈ {formatMultiple(price.payoutMultiple)} the
      deposit
      {price.forMinimumPurchase && <span className="font-normal text-muted"> (for a minimum purchase)</span>}
    </span>
  );
}
