"use client";

import type { ReactNode } from "react";

import { TermLink } from "@/components/howItWorks/TermLink";
import { PayoutFigure } from "@/components/metapool/economics/PayoutFigure";
import type { MetaPoolContextValue } from "@/components/metapool/MetaPoolContext";
import { Countdown } from "@/components/ui/Countdown";
import { formatCostRate, formatMultiple, type PurchaseEconomics } from "@/lib/economics";
import { formatDateTime, formatDuration, formatRateApr } from "@/lib/format";
import type { AcceptanceEstimate } from "@/lib/forms/protect";
import { formatLifetime } from "@/lib/protect/lifetime";

/**
 * The quote, leading with what the buyer pays: the cost a year as a share of the deposit and what the payout is
 * per unit deposited, then the daily cost and how long the deposit lasts; the curve's rate comes after, with its
 * definition (it is charged on the pool's payout, not on the deposit).
 */
export function QuoteBlock(props: {
  fmt: MetaPoolContextValue["fmt"];
  typed: bigint;
  poolId: number;
  payoutNow: bigint;
  rateNow: bigint;
  rateAfter: bigint | undefined;
  economics: PurchaseEconomics | undefined;
  quoteLoading: boolean;
  quoteError?: () => void;
  delay: bigint;
  effectiveAt: bigint | undefined;
  capacity: bigint;
  pendingAhead: bigint;
  acceptance: AcceptanceEstimate;
}) {
  const { fmt, typed, acceptance } = props;
  const e = props.economics;
  const bought = e !== undefined && e.tokens > 0n;
  const at = props.effectiveAt !== undefined ? formatDateTime(props.effectiveAt) : `in ${formatDuration(props.delay)}`;
  return (
    <div
      className="space-y-3 rounded-md border border-border p-3 text-sm"
      aria-live="polite"
      data-testid="protect-quote"
    >
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <QuoteLine
          label="Costs you a year"
          value={
            bought ? (
              <span data-testid="quote-cost-year">{formatCostRate(e.perYearOfDeposit)} of your deposit</span>
            ) : (
              "—"
            )
          }
          sub="at today's rates: daily cost × 365 ÷ your deposit"
        />
        <QuoteLine
          label="Pays if a claim is upheld"
          value={
            bought ? <span data-testid="quote-multiple">≈ {formatMultiple(e.payoutMultiple)} your deposit</span> : "—"
          }
          sub="the pool payout per unit of cover, on top of your cover back"
        />
        <QuoteLine
          label="Your deposit pays per day"
          value={bought ? <span data-testid="quote-cost-day">{fmt(e.perDay, { rounding: "up" })}</span> : "—"}
          sub="your share of the pool's premium at today's rate"
        />
        <QuoteLine
          label="Your deposit lasts, at today's rates"
          value={!bought ? "—" : e.lifetime === null ? "indefinitely (no premium charged)" : formatLifetime(e.lifetime)}
          sub={bought ? `left after 30 days: ${fmt(e.after30)} · after 90 days: ${fmt(e.after90)}` : undefined}
        />
        <PayoutFigure kind="pool" poolId={props.poolId} value={fmt(props.payoutNow)} explain />
        <PayoutFigure kind="mineAfter" poolId={props.poolId} value={bought ? `≈ ${fmt(e.myPayoutAfter)}` : "—"} />
        <QuoteLine
          label="Funding rate now → after your purchase"
          value={
            <span className="font-normal">
              {formatRateApr(props.rateNow)} → {props.rateAfter !== undefined ? formatRateApr(props.rateAfter) : "…"}
            </span>
          }
          sub={
            <>
              the curve&apos;s rate, charged on the pool payout (not on your deposit) and shared by its cover holders:
              cost a year = rate × payout ÷ cover
            </>
          }
        />
        <QuoteLine
          label="Capacity now"
          value={fmt(props.capacity)}
          sub={
            <>
              capital not backing cover (<TermLink term="free-capital">free capital</TermLink>): what could become cover
              if your purchase matured now
            </>
          }
          testId="quote-capacity"
        />
        <QuoteLine
          label="Pending ahead of you"
          value={fmt(props.pendingAhead)}
          sub="purchases already waiting in this MetaPool, all pools: they mature before yours and take capital first"
          testId="quote-pending-ahead"
        />
        <QuoteLine
          label="Matures, and acceptance is decided"
          value={props.effectiveAt !== undefined ? formatDateTime(props.effectiveAt) : "…"}
          sub={
            props.effectiveAt !== undefined ? (
              <>
                <Countdown target={props.effectiveAt} /> (<TermLink term="purchase-delay">purchase delay</TermLink>{" "}
                {formatDuration(props.delay)})
              </>
            ) : undefined
          }
        />
      </dl>
      <p data-testid="quote-acceptance">
        Nothing is reserved for you meanwhile: acceptance is decided at maturity ({at}). Your deposit then becomes cover
        up to the capital free at that moment, after the {fmt(props.pendingAhead)} queued ahead of you; if capital is
        short then, the rest is refunded to you.
      </p>
      {typed > 0n && acceptance.refundable > 0n && (
        <p className="text-amber-800 dark:text-amber-200" data-testid="quote-shortfall">
          If everything queued ahead of you matures first and nothing else changes, only {fmt(acceptance.accepted)} of
          your {fmt(typed)} would become cover and {fmt(acceptance.refundable)} would be refundable.
        </p>
      )}
      <p className="text-muted">
        A purchase cannot be cancelled: your deposit is held in escrow for the purchase delay (
        {formatDuration(props.delay)}) and is not cover before then. If a valid claim or a shutdown comes first, it is
        refunded in full; if a claim is filed and rejected, the delay restarts from the ruling. Figures assume rates
        stay as they are; they change as others buy, withdraw and underwrite.
      </p>
      {props.quoteLoading && <p className="text-xs text-muted">Updating the quote…</p>}
      {props.quoteError && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          The contract&apos;s quote could not be read.{" "}
          <button type="button" className="underline" onClick={props.quoteError}>
            Retry
          </button>
        </p>
      )}
    </div>
  );
}

function QuoteLine({
  label,
  value,
  sub,
  testId,
}: {
  label: string;
  value: ReactNode;
  sub?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="min-w-0" data-testid={testId}>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="font-semibold tabular-nums">{value}</dd>
      {sub && <dd className="text-xs text-muted">{sub}</dd>}
    </div>
  );
}
