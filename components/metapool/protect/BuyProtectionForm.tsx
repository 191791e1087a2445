"use client";

import { useMemo, useState, type FormEvent } from "react";
import { useAccount } from "wagmi";

import { TermLink } from "@/components/howItWorks/TermLink";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { TxProgress } from "@/components/tx/TxProgress";
import { AmountField } from "@/components/ui/AmountField";
import { BeforeAfter, type Change } from "@/components/ui/BeforeAfter";
import { useBuyProtection } from "@/hooks/actions/protect";
import { useChainNowSelector } from "@/hooks/useChainNow";
import { useBuyQuote, useDebounced } from "@/hooks/useLiveQuote";
import { useResetFailedFlow } from "@/hooks/useResetFailedFlow";
import { useTokenBalance } from "@/hooks/useTokens";
import { purchaseEconomics } from "@/lib/economics";
import { echoAmount, parseAmount } from "@/lib/format";
import { clearIfStill } from "@/lib/forms/amount";
import { acceptanceAtMaturity, checkPurchase, purchaseCapacity, saleRefusal } from "@/lib/forms/protect";
import { liveUnderlying, stateFromView } from "@/lib/protect/viewState";

import { PoolPicker } from "./PoolPicker";
import { QuoteBlock } from "./QuoteBlock";
import { UncappedNote } from "./UncappedNote";

/**
 * Buy protection: choose a coverage pool and an amount, see the quote (cost a year as a share of the
 * deposit, payout per unit deposited, daily cost, how long the deposit lasts, the payout and my share of
 * it, the curve's rate, when it takes effect), then
 * approve → buyProtection(poolId, amount, me).
 */
export function BuyProtectionForm() {
  const target = useMetaPoolContext();
  const { address: metaPool, view, asset, poolNames, position, fmt } = target;
  const { address: account } = useAccount();
  const balance = useTokenBalance(account ? asset.address : undefined);
  const flow = useBuyProtection(target);

  const [poolId, setPoolId] = useState<number | null>(null);
  const [text, setText] = useState("");
  const [submitted, setSubmitted] = useState(false);
  useResetFailedFlow(flow, [poolId, text]);

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

  const pool = poolId !== null ? view.pools[poolId] : undefined;
  const delay = BigInt(view.config.purchaseDelay);
  const quoted = quote.data !== undefined && quoteAmount === typed;
  // Until quoted, a pool's maturity is the clock plus the delay, ticking; with no pool chosen nothing shows it.
  const unquotedAt = useChainNowSelector((now) =>
    quoted || poolId === null || now === undefined ? undefined : now + delay,
  );
  const effectiveAt = quote.data && quoted ? BigInt(quote.data.maturesAt) : unquotedAt;
  const acceptance = acceptanceAtMaturity(typed, capacity, pendingAhead);
  const myTokens =
    poolId === null || !pool
      ? 0n
      : (position?.cover ?? [])
          .filter((c) => c.poolId === poolId && !c.closed && c.epoch === pool.epoch)
          .reduce((sum, c) => sum + c.tokens, 0n);
  const projection = useMemo(
    () => (poolId !== null && typed > 0n ? purchaseEconomics(state, poolId, typed, myTokens) : undefined),
    [state, poolId, typed, myTokens],
  );
  // Ticks with the pool's K shrinking at its premium speed: re-renders when the figure changes, not otherwise.
  const myCoverNow = useChainNowSelector((now) =>
    poolId !== null && now !== undefined && myTokens > 0n ? liveUnderlying(state, poolId, myTokens, now) : 0n,
  );

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
    const sent = text;
    const receipt = await buy();
    if (receipt) {
      setText(clearIfStill(sent, ""));
      setSubmitted(false);
    }
  };

  const changes: Change[] = [];
  if (pool && projection && check.ok) {
    // The typed deposit is sent exactly; where the usual two decimals hide some of it, the preview says so.
    const deposit = echoAmount(check.amount, asset.decimals, { symbol: asset.symbol });
    if (deposit.exact) {
      changes.push({
        label: "You deposit",
        after: <span data-testid="protect-deposit-echo">{deposit.text}</span>,
        note: `exactly ${deposit.exact}`,
      });
    }
    changes.push(
      { label: `${pool.name}: pending deposits`, before: fmt(pool.pending), after: fmt(pool.pending + check.amount) },
      { label: `${pool.name}: active cover at maturity`, before: fmt(pool.active), after: fmt(projection.activeAfter) },
      {
        label: "Your cover in this pool at maturity",
        before: fmt(myCoverNow),
        after: `≈ ${fmt(myCoverNow + acceptance.accepted)}`,
        note:
          acceptance.refundable > 0n
            ? `${fmt(acceptance.refundable)} refundable if everything queued ahead matures first`
            : undefined,
      },
    );
    if (balance.data !== undefined) {
      changes.push({ label: "Your wallet", before: fmt(balance.data), after: fmt(balance.data - check.amount) });
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-describedby={refusal ? "protect-refusal" : undefined}>
      {refusal && (
        <p
          id="protect-refusal"
          role="note"
          className="rounded-md border border-amber-500/50 bg-amber-500/10 p-3 text-sm"
        >
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

      <UncappedNote economics={projection} amount={typed} />

      <AmountField
        label="Deposit"
        value={text}
        onChange={setText}
        symbol={asset.symbol}
        decimals={asset.decimals}
        max={account && !refusal ? minOf(capacity, balance.data ?? capacity) : undefined}
        hint={
          <>
            Minimum {fmt(view.config.minPurchase, { rounding: "up" })} · capacity left {fmt(capacity)}
            {balance.data !== undefined && <> · wallet {fmt(balance.data)}</>}. Premium streams out of your deposit: the
            pool&apos;s <TermLink term="funding-rate">funding rate</TermLink> times its{" "}
            <TermLink term="payout">payout</TermLink>, shared by its cover holders.
          </>
        }
        error={amountError}
      />

      {pool && poolId !== null && (
        <QuoteBlock
          fmt={fmt}
          typed={typed}
          poolId={poolId}
          payoutNow={pool.payout}
          rateNow={quote.data?.rateNow ?? pool.rate}
          rateAfter={quote.data && quoteAmount === typed ? quote.data.rateAfter : projection?.rateAfter}
          economics={projection}
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
        <button
          type="submit"
          className="btn-primary w-full sm:w-auto"
          data-testid="protect-submit"
          disabled={Boolean(disabledReason)}
        >
          {check.ok ? `Buy ${fmt(check.amount)} of protection` : "Buy protection"}
        </button>
        {disabledReason && <p className="text-sm text-muted">{disabledReason}</p>}
      </div>

      <TxProgress flow={flow} onRetry={() => void buy()} />
    </form>
  );
}

function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
