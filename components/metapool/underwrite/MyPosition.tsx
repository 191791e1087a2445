"use client";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { Stat } from "@/components/ui/Stat";
import { formatShares } from "@/lib/format/shares";
import { claimLoss, netResult } from "@/lib/forms/underwrite";
import type { AccountPosition } from "@/lib/types/positions";

/** Shares held and requested, together, with what they are worth (requests under the min rule). */
export function underwriterHoldings(position: AccountPosition) {
  const requestedShares = position.requests.reduce((t, r) => t + r.quote.shares, 0n);
  const requestedValue = position.requests.reduce((t, r) => t + r.quote.assets, 0n);
  return {
    requestedShares,
    shares: position.shares + requestedShares,
    value: position.shareValue + requestedValue,
  };
}

/** The underwriter's shares, their value, the net result so far, and what a claim on each pool would cost now. */
export function MyPosition({ position }: { position: AccountPosition }) {
  const { view, asset, fmt } = useMetaPoolContext();
  const held = underwriterHoldings(position);
  const net = netResult({ value: held.value, withdrawn: position.withdrawn, deposited: position.deposited });
  const shares = (v: bigint) => formatShares(v, asset.decimals);
  const sign = net > 0n ? "+" : net < 0n ? "−" : "";

  return (
    <section aria-labelledby="position-heading" className="card space-y-4">
      <h3 id="position-heading" className="text-base font-semibold">
        My underwriting
      </h3>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat
          label="My shares"
          value={shares(position.shares)}
          sub={held.requestedShares > 0n ? `+ ${shares(held.requestedShares)} requested` : undefined}
        />
        <Stat label="Their value" value={fmt(held.value)} sub="held and requested" />
        <Stat
          label="Net result so far"
          value={
            <span className={net < 0n ? "text-red-700 dark:text-red-400" : undefined} data-testid="net-result">
              {sign}
              {fmt(net < 0n ? -net : net)}
            </span>
          }
          sub="premiums earned less claim losses"
        />
        <Stat
          label="Deposited / withdrawn"
          value={`${fmt(position.deposited, { compact: true })} / ${fmt(position.withdrawn, { compact: true })}`}
        />
      </dl>
      <p className="text-xs text-muted">
        Net result = value + withdrawn − deposited, counting deposits made to you and withdrawals and exits you took;
        shares moved by transfer are not counted.
      </p>
      {held.shares > 0n && !view.shutDown && (
        <div className="space-y-2">
          <h4 className="text-sm font-medium">What I lose if a pool pays a claim now</h4>
          <ul className="space-y-1 text-sm" aria-label="Claim exposure per coverage pool">
            {view.pools.map((pool, i) => {
              const loss = claimLoss(pool.payout, held.shares, view.shareSupply, held.value);
              return (
                <li key={i} className="flex flex-wrap justify-between gap-x-3" data-testid={`exposure-${i}`}>
                  <span className="min-w-0 truncate">{pool.name}</span>
                  <span className="tabular-nums">
                    {loss === 0n ? (
                      <span className="text-muted">nothing (no cover sold)</span>
                    ) : (
                      <>
                        up to <strong>{fmt(loss, { rounding: "up" })}</strong>{" "}
                        <span className="text-muted">of its pool payout now, {fmt(pool.payout)}</span>
                      </>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="text-xs text-muted">
            Your share of the pool&apos;s payout: payout × your shares ÷ all shares, rounded up. Requested shares bear
            losses too.
          </p>
        </div>
      )}
    </section>
  );
}
