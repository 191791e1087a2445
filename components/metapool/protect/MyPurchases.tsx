"use client";

import { useAccount } from "wagmi";

import { TermLink } from "@/components/howItWorks/TermLink";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { TxProgress } from "@/components/tx/TxProgress";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { BeforeAfter } from "@/components/ui/BeforeAfter";
import { Countdown } from "@/components/ui/Countdown";
import { useMintDueCover, useRefundPurchase } from "@/hooks/actions/protect";
import { useChainNowSelector } from "@/hooks/useChainNow";
import { formatDateTime, formatDuration, sameAddress } from "@/lib/format";
import { livePurchase, openPurchases } from "@/lib/protect/purchases";
import { clockPhase } from "@/lib/time/clockPhase";
import type { PurchasePosition, PurchaseRestart, PurchaseState } from "@/lib/types/positions";

const STATE_BADGE: Record<PurchaseState, { tone: BadgeTone; text: string }> = {
  pending: { tone: "neutral", text: "In purchase delay" },
  maturing: { tone: "good", text: "Cover now: minted with your next transaction on this MetaPool" },
  frozen: { tone: "warn", text: "Frozen by a pending claim" },
  voided: { tone: "bad", text: "Voided: refundable" },
  matured: { tone: "good", text: "Matured" },
  refunded: { tone: "neutral", text: "Refunded" },
};

/** The connected account's purchases that are not settled yet: countdowns to maturity and refunds. */
export function MyPurchases() {
  const { position } = useMetaPoolContext();
  if (!position) return null;
  const open = openPurchases(position.purchases);
  return (
    <section aria-labelledby="my-purchases-heading" className="card space-y-3">
      <h3 id="my-purchases-heading" className="font-semibold">
        Your purchases
      </h3>
      {open.length === 0 ? (
        <p className="text-sm text-muted">
          No purchase in progress. A purchase shows here during its delay and while anything of it is refundable.
        </p>
      ) : (
        <ul className="divide-y divide-border">
          {open.map((p) => (
            <PurchaseRow key={p.id.toString()} purchase={p} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PurchaseRow({ purchase }: { purchase: PurchasePosition }) {
  const { view, poolNames, fmt } = useMetaPoolContext();
  const { address: account } = useAccount();
  const r = purchase.record;
  const maturesAt = BigInt(r.maturesAt);
  // Its state compares the clock with its maturity only: the row re-renders when it falls due; the countdown ticks.
  const now = useChainNowSelector((clock) => clockPhase(clock, [maturesAt]));
  const live = livePurchase(purchase, now, view.pendingClaims > 0n);
  const delay = BigInt(view.config.purchaseDelay);
  // A restart matters while the purchase still waits for it (pending, or due and not yet minted).
  const restart = live.state === "pending" || live.state === "maturing" ? purchase.restart : undefined;
  const badge = restart && live.state === "pending" ? RESTARTED_BADGE : STATE_BADGE[live.state];
  const receiverIsOther = account !== undefined && r.receiver.toLowerCase() !== account.toLowerCase();
  return (
    <li className="space-y-2 py-3 text-sm" data-testid={`purchase-${purchase.id}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p>
          <span className="font-medium">{fmt(r.amount)}</span> in {poolNames[r.poolId] ?? `pool #${r.poolId}`}{" "}
          <span className="text-muted">· purchase #{purchase.id.toString()}</span>
        </p>
        <Badge tone={badge.tone}>{badge.text}</Badge>
      </div>
      <p className="text-muted">
        {live.state === "pending" && (
          <>
            Becomes cover <Countdown target={maturesAt} showDate={false} /> ({formatDateTime(maturesAt)}). It cannot be
            cancelled meanwhile; a valid claim or a shutdown before then refunds it in full.
          </>
        )}
        {live.state === "maturing" && (
          <>
            Its delay ended {formatDateTime(maturesAt)}: it is cover, up to the capital that was free then. Its cover
            tokens are minted by the next transaction anyone sends to this MetaPool (buying, withdrawing or any other),
            so there is nothing you need to do; the button below mints them on its own.
          </>
        )}
        {live.state === "frozen" && (
          <>
            It came due while a claim is pending. If the claim is rejected its delay restarts: it becomes cover{" "}
            {formatDuration(delay)} after the ruling. If the claim is upheld it is refunded in full. You may also take
            it back now.
          </>
        )}
        {live.state === "voided" && (
          <>A valid claim or the shutdown ended it before it became cover: the whole deposit is yours to take back.</>
        )}
        {live.state === "matured" && (
          <>
            {fmt(r.accepted)} became cover; {fmt(live.refundable)} could not be covered (capital was short at maturity)
            and is yours to take back.
          </>
        )}
        {receiverIsOther && <> The cover goes to {r.receiver}.</>}
      </p>
      {restart && <RestartReason restart={restart} delay={delay} purchaseId={purchase.id} />}
      {live.refundable > 0n && <RefundPurchaseButton purchase={purchase} amount={live.refundable} />}
      {live.state === "maturing" && <MatureNowButton purchase={purchase} />}
    </li>
  );
}

const RESTARTED_BADGE = { tone: "warn", text: "Delay restarted after a claim" } as const satisfies {
  tone: BadgeTone;
  text: string;
};

/** Why a purchase frozen by a claim matures later than it was bought to (SPEC §5, revision 4). */
function RestartReason({
  restart,
  delay,
  purchaseId,
}: {
  restart: PurchaseRestart;
  delay: bigint;
  purchaseId: bigint;
}) {
  return (
    <p
      className="rounded-md border border-amber-500/50 bg-amber-500/10 p-2"
      data-testid={`purchase-restart-${purchaseId}`}
    >
      <span className="font-medium">
        New maturity {formatDateTime(restart.maturesAt)} (<Countdown target={restart.maturesAt} showDate={false} />
        ), was {formatDateTime(restart.boughtMaturesAt)}.
      </span>{" "}
      A claim froze this purchase, so its {formatDuration(delay)}{" "}
      <TermLink term="purchase-delay">purchase delay</TermLink> restarted when claim #{restart.claimId.toString()} was
      ruled on {formatDateTime(restart.ruledAt)}: cover bought around an incident cannot slip in between a rejected
      claim and the next one.
    </p>
  );
}

/** `poke(16)`: anyone may run the sync that turns due purchases into cover tokens. */
function MatureNowButton({ purchase }: { purchase: PurchasePosition }) {
  const target = useMetaPoolContext();
  const { address: account } = useAccount();
  const flow = useMintDueCover(target);
  const pool = target.poolNames[purchase.record.poolId] ?? `pool #${purchase.record.poolId}`;
  const mint = () => void flow.run(purchase.id, pool);
  if (flow.status === "confirmed") return <TxProgress flow={flow} />;
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={!account || flow.status === "running"}
        onClick={mint}
        data-testid={`mature-purchase-${purchase.id}`}
      >
        Mint my cover tokens now (optional)
      </button>
      <TxProgress flow={flow} onRetry={mint} />
    </div>
  );
}

/** `refundPurchase(id)`: pays what is refundable back to the buyer, with its before → after. */
export function RefundPurchaseButton({ purchase, amount }: { purchase: PurchasePosition; amount: bigint }) {
  const target = useMetaPoolContext();
  const { fmt } = target;
  const { address: account } = useAccount();
  const flow = useRefundPurchase(target);
  const pool = target.poolNames[purchase.record.poolId] ?? `pool #${purchase.record.poolId}`;
  const isBuyer = sameAddress(purchase.record.buyer, account);
  const refund = () => void flow.run(purchase.id, pool, amount);
  const reason = !account
    ? "Connect a wallet to take the refund."
    : !isBuyer
      ? "Only the buyer receives the refund."
      : null;
  if (flow.status === "confirmed") return <TxProgress flow={flow} />;
  return (
    <div className="space-y-2">
      <BeforeAfter
        changes={[
          { label: "Purchase refundable", before: fmt(amount), after: fmt(0n) },
          { label: "Paid to the buyer", before: fmt(0n), after: `+${fmt(amount)}` },
        ]}
      />
      <button
        type="button"
        className="btn-secondary"
        disabled={Boolean(reason) || flow.status === "running"}
        onClick={refund}
        data-testid={`refund-purchase-${purchase.id}`}
      >
        Refund {fmt(amount)}
      </button>
      {reason && <p className="text-xs text-muted">{reason}</p>}
      <TxProgress flow={flow} onRetry={refund} />
    </div>
  );
}
