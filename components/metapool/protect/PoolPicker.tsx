"use client";

import { useId } from "react";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { Badge } from "@/components/ui/Badge";
import { formatRateApr } from "@/lib/format";

/**
 * The coverage pools as radio cards (arrow keys move between them), each with what a buyer
 * compares: the funding rate, the payout a valid claim would bring now, active and pending cover.
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
                  {pool.pendingClaimId !== 0n && <Badge tone="warn">Claim #{pool.pendingClaimId.toString()} pending</Badge>}
                </span>
                {descriptions[poolId]?.description && (
                  <span className="block text-xs text-muted">{descriptions[poolId]!.description}</span>
                )}
                <span className="block text-xs tabular-nums text-muted">
                  {formatRateApr(pool.rate)} · pays {fmt(pool.payout, { compact: true })} if a claim is approved · active{" "}
                  {fmt(pool.active, { compact: true })}
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
