"use client";

import { useAccount } from "wagmi";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { RefundPurchaseButton } from "@/components/metapool/protect/MyPurchases";
import { TxProgress } from "@/components/tx/TxProgress";
import { BeforeAfter } from "@/components/ui/BeforeAfter";
import { useRedeemPayout } from "@/hooks/actions/protect";
import { coverTokenSymbol, formatAmount } from "@/lib/format";
import type { ClaimRecord } from "@/lib/history";
import type { CoverHolding } from "@/lib/types/positions";

/**
 * What a ruling left the connected account to collect: payouts for cover of closed epochs
 * (redeemPayout) and purchases voided before they became cover (refundPurchase).
 */
export function AfterRuling({ history }: { history: readonly ClaimRecord[] | undefined }) {
  const { position, fmt } = useMetaPoolContext();
  if (!position) return null;
  const closed = position.cover.filter((c) => c.closed && c.tokens > 0n);
  // A ruling voids a purchase, the clock never does (a due one becomes cover or waits, frozen): no clock needed.
  const voided = position.purchases.filter((p) => p.state === "voided");
  if (closed.length === 0 && voided.length === 0) return null;
  return (
    <section aria-labelledby="after-ruling-heading" className="space-y-3">
      <h3 id="after-ruling-heading" className="font-semibold">
        To collect
      </h3>
      <ul className="space-y-3">
        {closed.map((c) => (
          <RedeemRow
            key={`${c.poolId}-${c.epoch}`}
            holding={c}
            claim={history?.find((r) => r.status === "valid" && r.poolId === c.poolId && r.epoch === c.epoch)}
          />
        ))}
        {voided.map((p) => (
          <li key={p.id.toString()} className="space-y-2 rounded-md border border-border p-3 text-sm">
            <p>
              Purchase #{p.id.toString()} of {fmt(p.record.amount)} was still in its delay when a valid claim or the
              shutdown came: it never became cover and is refundable in full.
            </p>
            <RefundPurchaseButton purchase={p} amount={p.record.amount} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RedeemRow({ holding, claim }: { holding: CoverHolding; claim: ClaimRecord | undefined }) {
  const target = useMetaPoolContext();
  const { poolNames, asset, fmt } = target;
  const { address: account } = useAccount();
  const flow = useRedeemPayout(target);
  const name = poolNames[holding.poolId] ?? `pool #${holding.poolId}`;
  const symbol = coverTokenSymbol(holding.poolId, holding.epoch);
  const run = () => {
    if (account) void flow.run(holding.poolId, holding.epoch, name, holding.underlying);
  };
  return (
    <li
      className="space-y-2 rounded-md border border-green-600/40 p-3 text-sm"
      data-testid={`redeem-${holding.poolId}-${holding.epoch}`}
    >
      <p>
        {claim ? (
          <>
            Claim #{claim.claimId.toString()} on {name} was upheld: your{" "}
            {formatAmount(holding.tokens, asset.decimals, { symbol })} redeem their share of the pool&apos;s cover plus
            its payout.
          </>
        ) : (
          <>
            {name}&apos;s cover has ended (a claim was upheld or premium used it up); your{" "}
            {formatAmount(holding.tokens, asset.decimals, { symbol })} redeem their share of what is left in it.
          </>
        )}
      </p>
      {flow.status !== "confirmed" && (
        <>
          <BeforeAfter
            changes={[
              {
                label: "Cover tokens",
                before: formatAmount(holding.tokens, asset.decimals, { symbol }),
                after: formatAmount(0n, asset.decimals, { symbol }),
              },
              { label: "Paid to your wallet", before: fmt(0n), after: `+${fmt(holding.underlying)}` },
            ]}
          />
          <button type="button" className="btn-primary" disabled={!account || flow.status === "running"} onClick={run}>
            Redeem {fmt(holding.underlying)}
          </button>
          {!account && <p className="text-xs text-muted">Connect a wallet to redeem.</p>}
        </>
      )}
      <TxProgress flow={flow} onRetry={run} />
    </li>
  );
}
