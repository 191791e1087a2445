"use client";

import { useMemo, useState, type FormEvent } from "react";
import { useAccount } from "wagmi";

import { PayoutFigure } from "@/components/metapool/economics/PayoutFigure";
import { RepricingAlert } from "@/components/metapool/economics/RepricingAlert";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { TxProgress } from "@/components/tx/TxProgress";
import { AmountField } from "@/components/ui/AmountField";
import { Badge } from "@/components/ui/Badge";
import { BeforeAfter } from "@/components/ui/BeforeAfter";
import { Stat } from "@/components/ui/Stat";
import { useWithdrawProtection } from "@/hooks/actions/protect";
import { useDebounced, useWithdrawCoverQuote } from "@/hooks/useLiveQuote";
import { useResetFailedFlow } from "@/hooks/useResetFailedFlow";
import { coverCostRate, formatCostRate, payoutShare } from "@/lib/economics";
import { coverTokenSymbol, formatAmount, formatPercentWad, parseAmount } from "@/lib/format";
import { checkCoverWithdrawal } from "@/lib/forms/protect";
import { formatLifetime } from "@/lib/protect/lifetime";
import { liveUnderlying, stateFromView } from "@/lib/protect/viewState";
import { holdingCostPerDay, mulDivDown, poolCoverLifetime, WAD, type MetaPoolState } from "@/lib/protocol";

interface Holding {
  poolId: number;
  epoch: number;
  tokens: bigint;
}

/** The connected account's cover in force, per pool, with its underlying ticking down live, and withdraw. */
export function MyCover() {
  const { view, position } = useMetaPoolContext();
  const state = useMemo(() => stateFromView(view), [view]);
  if (!position) return null;
  // Tokens of each pool's current epoch (closed epochs redeem in the Claims panel).
  const holdings: Holding[] = position.cover
    .filter((c) => !c.closed && c.tokens > 0n && view.pools[c.poolId]?.epoch === c.epoch)
    .map((c) => ({ poolId: c.poolId, epoch: c.epoch, tokens: c.tokens }));
  return (
    <section aria-labelledby="my-cover-heading" className="card space-y-3">
      <h3 id="my-cover-heading" className="font-semibold">
        Your protection
      </h3>
      {holdings.length === 0 ? (
        <p className="text-sm text-muted">
          You hold no cover in this MetaPool. A purchase becomes cover once its delay ends; its cover tokens then show
          here.
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
  const { view, fmt, now, asset } = useMetaPoolContext();
  const [open, setOpen] = useState(false);
  const pool = view.pools[holding.poolId]!;
  const symbol = coverTokenSymbol(holding.poolId, holding.epoch);
  // Ticks every second between reads: the view's K shrinking at the pool's premium speed (bigint).
  const underlying = now !== undefined ? liveUnderlying(state, holding.poolId, holding.tokens, now) : undefined;
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

function WithdrawCoverForm({ holding, symbol }: { holding: Holding; symbol: string }) {
  const target = useMetaPoolContext();
  const { address: metaPool, view, asset, fmt } = target;
  const { address: account } = useAccount();
  const flow = useWithdrawProtection(target);
  const [text, setText] = useState("");
  const pool = view.pools[holding.poolId]!;
  useResetFailedFlow(flow, [text]);
  const parsed = parseAmount(text, asset.decimals);
  const typed = parsed.ok && parsed.value <= holding.tokens ? parsed.value : 0n;
  const tokensToQuote = useDebounced(typed);
  const quote = useWithdrawCoverQuote(metaPool, holding.poolId, tokensToQuote);
  const allQuote = useWithdrawCoverQuote(metaPool, holding.poolId, holding.tokens);
  const check = checkCoverWithdrawal(text, { decimals: asset.decimals, symbol, tokens: holding.tokens });
  const assets = check.ok && tokensToQuote === check.value ? quote.data : undefined;
  const held = allQuote.data;

  const withdraw = () =>
    check.ok && account ? flow.run(holding.poolId, pool.name, check.value, assets, symbol) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await withdraw()) setText("");
  };

  const reason = !account
    ? "Connect a wallet to withdraw."
    : flow.status === "running"
      ? "Waiting for the current transaction…"
      : !check.ok && text !== ""
        ? check.error
        : null;

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-md border border-border p-3">
      <AmountField
        label={`Cover tokens to burn (${pool.name})`}
        value={text}
        onChange={setText}
        symbol={symbol}
        decimals={asset.decimals}
        max={holding.tokens}
        hint={
          <>
            You hold {formatAmount(holding.tokens, asset.decimals, { symbol })}
            {held !== undefined && <>, worth {fmt(held)} now</>}. Withdrawing is allowed at any time and ends that much
            protection.
          </>
        }
        error={text !== "" && !check.ok ? check.error : null}
      />
      {pool.pendingClaimId !== 0n && (
        <p role="note" className="rounded-md border border-amber-500/50 bg-amber-500/10 p-2 text-sm">
          Claim #{pool.pendingClaimId.toString()} on this pool is pending: tokens withdrawn now give up their share of
          its payout, and first pay their share of the premium owed during the claim.
        </p>
      )}
      {check.ok && (
        <BeforeAfter
          changes={[
            {
              label: "Your cover tokens",
              before: formatAmount(holding.tokens, asset.decimals, { symbol }),
              after: formatAmount(holding.tokens - check.value, asset.decimals, { symbol }),
            },
            {
              label: "Your cover",
              before: held !== undefined ? fmt(held) : "…",
              after: held !== undefined && assets !== undefined ? fmt(held > assets ? held - assets : 0n) : "…",
            },
            { label: "Paid to your wallet", before: fmt(0n), after: assets !== undefined ? `+${fmt(assets)}` : "…" },
            {
              label: `${pool.name}: active cover`,
              before: fmt(pool.active),
              after: assets !== undefined ? fmt(pool.active > assets ? pool.active - assets : 0n) : "…",
            },
          ]}
        />
      )}
      {quote.isError && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          The withdrawal quote could not be read.{" "}
          <button type="button" className="underline" onClick={() => void quote.refetch()}>
            Retry
          </button>
        </p>
      )}
      <button
        type="submit"
        className="btn-primary"
        disabled={Boolean(reason) || !check.ok}
        data-testid={`withdraw-cover-submit-${holding.poolId}`}
      >
        {check.ok && assets !== undefined ? `Withdraw for ${fmt(assets)}` : "Withdraw cover"}
      </button>
      {reason && <p className="text-xs text-muted">{reason}</p>}
      <TxProgress flow={flow} onRetry={() => void withdraw()} />
    </form>
  );
}
