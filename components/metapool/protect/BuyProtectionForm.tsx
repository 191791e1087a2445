"use client";

import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { useAccount } from "wagmi";

import { TermLink } from "@/components/howItWorks/TermLink";
import { useMetaPoolContext, type MetaPoolContextValue } from "@/components/metapool/MetaPoolContext";
import { TxProgress } from "@/components/tx/TxProgress";
import { AmountField } from "@/components/ui/AmountField";
import { BeforeAfter, type Change } from "@/components/ui/BeforeAfter";
import { Countdown } from "@/components/ui/Countdown";
import { useBuyQuote, useDebounced } from "@/hooks/useLiveQuote";
import { useTokenBalance } from "@/hooks/useTokens";
import { useBuyProtection } from "@/hooks/actions/protect";
import { formatDateTime, formatDuration, formatPercentWad, formatRateApr, parseAmount } from "@/lib/format";
import { acceptanceAtMaturity, checkPurchase, purchaseCapacity, saleRefusal, type AcceptanceEstimate } from "@/lib/forms/protect";

import { formatLifetime } from "@/lib/protect/lifetime";
import { PoolPicker } from "./PoolPicker";
import { liveUnderlying, projectPurchase, stateFromView } from "@/lib/protect/viewState";

/**
 * Buy protection: choose a coverage pool and an amount, see the quote (payout, my share, rate
 * now → after, daily cost, how long the deposit lasts, when it takes effect), then
 * approve → buyProtection(poolId, amount, me).
 */
export function BuyProtectionForm() {
  const target = useMetaPoolContext();
  const { address: metaPool, view, asset, poolNames, position, now, fmt } = target;
  const { address: account } = useAccount();
  const balance = useTokenBalance(account ? asset.address : undefined);
  const flow = useBuyProtection(target);

  const [poolId, setPoolId] = useState<number | null>(null);
  const [text, setText] = useState("");
  const [submitted, setSubmitted] = useState(false);

  const refusal = saleRefusal(view);
  const parsed = parseAmount(text, asset.decimals);
  const typed = parsed.ok ? parsed.value : 0n;
  const quoteAmount = useDebounced(typed);
  const quote = useBuyQuote(metaPool, poolId, quoteAmount);
  // The contract's figures once quoted; the view's C − ΣK and ΣR until then (the same formulas).
  const capacity = quote.data?.capacity ?? purchaseCapacity(view);
  const pendingAhead = quote.data?.pendingAhead ?? view.totalPending;

  const check = checkPurchase(poolId, text, {
    decimals: asset.decimals,
    symbol: asset.symbol,
    poolCount: view.pools.length,
    minPurchase: view.config.minPurchase,
    capacity,
    balance: balance.data,
    refusal,
  });

  const state = useMemo(() => stateFromView(view), [view]);
  const projection = useMemo(
    () => (poolId !== null && typed > 0n ? projectPurchase(state, poolId, typed) : undefined),
    [state, poolId, typed],
  );

  const pool = poolId !== null ? view.pools[poolId] : undefined;
  const delay = BigInt(view.config.purchaseDelay);
  const effectiveAt = quote.data && quoteAmount === typed ? BigInt(quote.data.maturesAt) : now !== undefined ? now + delay : undefined;
  const acceptance = acceptanceAtMaturity(typed, capacity, pendingAhead);
  const myTokens =
    poolId === null || !pool
      ? 0n
      : (position?.cover ?? [])
          .filter((c) => c.poolId === poolId && !c.closed && c.epoch === pool.epoch)
          .reduce((sum, c) => sum + c.tokens, 0n);
  const myCoverNow = poolId !== null && now !== undefined && myTokens > 0n ? liveUnderlying(state, poolId, myTokens, now) : 0n;

  const showErrors = submitted || text !== "";
  const amountError = showErrors && !check.ok && check.field === "amount" ? check.error : null;
  const poolError = showErrors && !check.ok && check.field === "pool" ? check.error : null;

  const disabledReason = !account
    ? "Connect a wallet to buy protection."
    : refusal
      ? refusal
      : flow.status === "running"
        ? "Waiting for the current transaction…"
        : !check.ok
          ? check.error
          : null;

  const buy = () => (check.ok && account ? flow.run(check.poolId, poolNames[check.poolId]!, check.amount) : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const receipt = await buy();
    if (receipt) {
      setText("");
      setSubmitted(false);
    }
  };

  const changes: Change[] = [];
  if (pool && projection && check.ok) {
    changes.push(
      { label: `${pool.name}: pending deposits`, before: fmt(pool.pending), after: fmt(pool.pending + check.amount) },
      { label: `${pool.name}: active cover at maturity`, before: fmt(pool.active), after: fmt(projection.activeAfter) },
      {
        label: "Your cover in this pool at maturity",
        before: fmt(myCoverNow),
        after: `≈ ${fmt(myCoverNow + acceptance.accepted)}`,
        note: acceptance.refundable > 0n ? `${fmt(acceptance.refundable)} refundable if everything queued ahead matures first` : undefined,
      },
    );
    if (balance.data !== undefined) {
      changes.push({ label: "Your wallet", before: fmt(balance.data), after: fmt(balance.data - check.amount) });
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-describedby={refusal ? "protect-refusal" : undefined}>
      {refusal && (
        <p id="protect-refusal" role="note" className="rounded-md border border-amber-500/50 bg-amber-500/10 p-3 text-sm">
          {refusal}
        </p>
      )}

      <PoolPicker
        legend="Coverage pool to protect"
        value={poolId}
        onChange={setPoolId}
        error={poolError}
        disabled={Boolean(refusal)}
      />

      <AmountField
        label="Deposit"
        value={text}
        onChange={setText}
        symbol={asset.symbol}
        decimals={asset.decimals}
        max={account && !refusal ? minOf(capacity, balance.data ?? capacity) : undefined}
        hint={
          <>
            Minimum {fmt(view.config.minPurchase)} · capacity left {fmt(capacity)}
            {balance.data !== undefined && <> · wallet {fmt(balance.data)}</>}. Your deposit is the cover: premium streams out
            of it at the pool&apos;s{" "}
            <TermLink term="funding-rate">funding rate</TermLink>
            .
          </>
        }
        error={amountError}
      />

      {pool && poolId !== null && (
        <QuoteBlock
          fmt={fmt}
          typed={typed}
          poolName={pool.name}
          payoutNow={pool.payout}
          rateNow={quote.data?.rateNow ?? pool.rate}
          rateAfter={quote.data && quoteAmount === typed ? quote.data.rateAfter : projection?.rateAfter}
          projection={projection}
          quoteLoading={quote.isPending || quoteAmount !== typed}
          quoteError={quote.isError ? () => void quote.refetch() : undefined}
          delay={delay}
          effectiveAt={effectiveAt}
          capacity={capacity}
          pendingAhead={pendingAhead}
          acceptance={acceptance}
        />
      )}

      {changes.length > 0 && <BeforeAfter changes={changes} />}

      <div className="space-y-2">
        <button type="submit" className="btn-primary w-full sm:w-auto" data-testid="protect-submit" disabled={Boolean(disabledReason)}>
          {check.ok ? `Buy ${fmt(check.amount)} of protection` : "Buy protection"}
        </button>
        {disabledReason && <p className="text-sm text-muted">{disabledReason}</p>}
      </div>

      <TxProgress
        flow={flow}
        onRetry={() => void buy()}
      />
    </form>
  );
}

function QuoteBlock(props: {
  fmt: MetaPoolContextValue["fmt"];
  typed: bigint;
  poolName: string;
  payoutNow: bigint;
  rateNow: bigint;
  rateAfter: bigint | undefined;
  projection: ReturnType<typeof projectPurchase> | undefined;
  quoteLoading: boolean;
  quoteError?: () => void;
  delay: bigint;
  effectiveAt: bigint | undefined;
  capacity: bigint;
  pendingAhead: bigint;
  acceptance: AcceptanceEstimate;
}) {
  const { fmt, typed, acceptance } = props;
  const p = props.projection;
  const at = props.effectiveAt !== undefined ? formatDateTime(props.effectiveAt) : `in ${formatDuration(props.delay)}`;
  return (
    <div className="space-y-3 rounded-md border border-border p-3 text-sm" aria-live="polite" data-testid="protect-quote">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <QuoteLine label={`${props.poolName} would pay if a claim were approved now`} value={fmt(props.payoutNow)} />
        <QuoteLine
          label="Your share of it once your cover matures"
          value={p && p.tokens > 0n ? `≈ ${fmt(p.myClaimPayout)}` : "—"}
          sub={p && p.tokens > 0n ? `your ≈ ${fmt(p.tokens)} cover tokens are ${formatPercentWad(p.shareWad)} of the pool's` : undefined}
        />
        <QuoteLine
          label="Funding rate now → after your purchase"
          value={
            <>
              {formatRateApr(props.rateNow)} → {props.rateAfter !== undefined ? formatRateApr(props.rateAfter) : "…"}
            </>
          }
          sub="charged on the pool's payout, shared by its cover holders"
        />
        <QuoteLine
          label="Your deposit pays per day"
          value={p ? fmt(p.costPerDay, { rounding: "up" }) : "—"}
          sub="your share of the pool's premium at today's rate"
        />
        <QuoteLine
          label="Your deposit lasts, at today's rates"
          value={!p ? "—" : p.lifetime === null ? "indefinitely (no premium charged)" : formatLifetime(p.lifetime)}
          sub={p ? `left after 30 days: ${fmt(p.after30)} · after 90 days: ${fmt(p.after90)}` : undefined}
        />
        <QuoteLine
          label="Capacity now"
          value={fmt(props.capacity)}
          sub={
            <>
              capital not backing cover (<TermLink term="free-capital">free capital</TermLink>): what could become cover if your
              purchase matured now
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
        Nothing is reserved for you meanwhile: acceptance is decided at maturity ({at}). Your deposit then becomes cover up to the
        capital free at that moment, after the {fmt(props.pendingAhead)} queued ahead of you; if capital is short then, the rest is
        refunded to you.
      </p>
      {typed > 0n && acceptance.refundable > 0n && (
        <p className="text-amber-800 dark:text-amber-200" data-testid="quote-shortfall">
          If everything queued ahead of you matures first and nothing else changes, only {fmt(acceptance.accepted)} of your{" "}
          {fmt(typed)} would become cover and {fmt(acceptance.refundable)} would be refundable.
        </p>
      )}
      <p className="text-muted">
        A purchase cannot be cancelled: your deposit is held in escrow for the purchase delay ({formatDuration(props.delay)}) and is not
        cover before then. If a valid claim or a shutdown comes first, it is refunded in full; if a claim is filed and rejected, the
        delay restarts from the ruling. Figures assume rates stay as they are; they change as others buy, withdraw and underwrite.
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

function QuoteLine({ label, value, sub, testId }: { label: string; value: ReactNode; sub?: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0" data-testid={testId}>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="font-semibold tabular-nums">{value}</dd>
      {sub && <dd className="text-xs text-muted">{sub}</dd>}
    </div>
  );
}

function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
