"use client";

import { useState, type FormEvent } from "react";
import { formatUnits } from "viem";
import { useAccount } from "wagmi";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { TxProgress } from "@/components/tx/TxProgress";
import { AmountField } from "@/components/ui/AmountField";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { BeforeAfter } from "@/components/ui/BeforeAfter";
import { Countdown } from "@/components/ui/Countdown";
import { useCancelWithdrawal, useCompleteWithdrawal } from "@/hooks/actions/underwrite";
import { useChainNowSelector } from "@/hooks/useChainNow";
import { echoAmount, formatDateTime } from "@/lib/format";
import { formatShares } from "@/lib/format/shares";
import { clearIfStill } from "@/lib/forms/amount";
import { requestStatus, type RequestState } from "@/lib/forms/underwrite";
import { clockPhase } from "@/lib/time/clockPhase";
import type { WithdrawQuote } from "@/lib/types/positions";
import { checkRequestWithdrawAssets, mostWithdrawable } from "@/lib/underwrite/requestAmount";

const STATE_BADGE: Record<RequestState, { label: string; tone: BadgeTone }> = {
  open: { label: "Withdrawable", tone: "good" },
  short: { label: "Partly withdrawable", tone: "warn" },
  locked: { label: "Locked", tone: "neutral" },
  closed: { label: "Window closed", tone: "bad" },
  claim: { label: "Claim pending", tone: "warn" },
  shutdown: { label: "Pays at once (shut down)", tone: "good" },
};

/**
 * One open withdrawal request: countdowns to unlock and to the window's end, what it can pay now
 * and what is held back (and why), withdraw all or part, or cancel.
 */
export function WithdrawalRequestCard({ id, quote }: { id: bigint; quote: WithdrawQuote }) {
  const target = useMetaPoolContext();
  const { view, asset, fmt } = target;
  const { address: account } = useAccount();
  const withdrawFlow = useCompleteWithdrawal(target);
  const cancelFlow = useCancelWithdrawal(target);
  const [text, setText] = useState("");
  // "Max" sends the most shares payable now, whatever they pay when the transaction is mined.
  const [all, setAll] = useState(false);
  const shares = (v: bigint) => formatShares(v, asset.decimals);

  const unlockAt = BigInt(quote.unlockAt);
  const windowEnd = BigInt(quote.windowEnd);
  // The status compares the clock with the unlock and the window's end only (`now > windowEnd`): the card re-renders
  // when it crosses one, on that second; its countdowns tick on their own.
  const now = useChainNowSelector((clock) => clockPhase(clock, [unlockAt, windowEnd + 1n]));
  const status =
    now === undefined
      ? undefined
      : requestStatus(quote, { ...view, now, decimals: asset.decimals, symbol: asset.symbol });
  const most =
    status === undefined ? { shares: 0n, assets: 0n } : mostWithdrawable(quote, status, view.capital, view.shareSupply);
  const check =
    status &&
    checkRequestWithdrawAssets(text, {
      decimals: asset.decimals,
      symbol: asset.symbol,
      quote,
      status,
      capital: view.capital,
      supply: view.shareSupply,
      all,
    });
  const paid = check?.ok ? echoAmount(check.assets, asset.decimals, { symbol: asset.symbol }) : undefined;
  const fill = (next: string, nextAll: boolean) => {
    setText(next);
    setAll(nextAll);
    withdrawFlow.reset();
  };

  const withdraw = (s: bigint, assets: bigint) => withdrawFlow.run(id, s, assets);
  const cancel = () => void cancelFlow.run(id);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!check?.ok) return;
    const sent = { text, all };
    if (await withdraw(check.shares, check.assets)) {
      setText(clearIfStill(sent.text, ""));
      setAll(clearIfStill(sent.all, false));
    }
  };
  const busy = withdrawFlow.status === "running" || cancelFlow.status === "running";
  const burned = quote.shares - quote.sharesIfCancelled;
  const badge = status ? STATE_BADGE[status.state] : undefined;

  return (
    <li className="card space-y-3" data-testid={`withdrawal-request-${id}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-medium">
          Request #{id.toString()} · {shares(quote.shares)}
        </h4>
        {badge && <Badge tone={badge.tone}>{badge.label}</Badge>}
      </div>

      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline text-muted">Worth at request: </dt>
          <dd className="inline tabular-nums">{fmt(quote.assetsAtRequest)}</dd>
        </div>
        <div>
          <dt className="inline text-muted">Pays now (at most its worth at request): </dt>
          <dd className="inline tabular-nums">{fmt(quote.assets)}</dd>
        </div>
        {!view.shutDown && (
          <>
            <div>
              <dt className="inline text-muted">Unlocks: </dt>
              <dd className="inline">
                {formatDateTime(unlockAt)} (<Countdown target={unlockAt} doneText="unlocked" showDate={false} />)
              </dd>
            </div>
            <div>
              <dt className="inline text-muted">Withdraw by: </dt>
              <dd className="inline">
                {formatDateTime(windowEnd)} (<Countdown target={windowEnd} doneText="window closed" showDate={false} />)
              </dd>
            </div>
          </>
        )}
      </dl>

      {status && (
        <div className="grid gap-2 rounded-md border border-border p-3 text-sm sm:grid-cols-2">
          <p>
            <span className="text-muted">Withdrawable now: </span>
            <strong className="tabular-nums" data-testid={`withdrawable-${id}`}>
              {fmt(status.withdrawable)}
            </strong>
          </p>
          <p>
            <span className="text-muted">Not payable yet: </span>
            <strong className="tabular-nums">{fmt(status.heldBack)}</strong>
          </p>
          {status.reason && <p className="text-muted sm:col-span-2">{status.reason}</p>}
        </div>
      )}

      {status && status.withdrawable > 0n && (
        <form onSubmit={submit} className="space-y-3" noValidate>
          <AmountField
            label={`Amount to withdraw from request #${id} (${asset.symbol})`}
            value={text}
            onChange={(t) => fill(t, false)}
            symbol={asset.symbol}
            decimals={asset.decimals}
            hint={`Up to ${fmt(most.assets)} now; the rest stays requested. You receive at most the amount you enter.`}
            error={text !== "" && !all && check && !check.ok ? check.error : null}
          />
          <button
            type="button"
            className="btn-secondary"
            disabled={most.shares === 0n}
            aria-pressed={all}
            onClick={() => fill(formatUnits(most.assets, asset.decimals), true)}
            data-testid={`withdraw-max-${id}`}
          >
            {most.shares === quote.shares ? "Max: the whole request" : "Max: all payable now"}
          </button>
          {check?.ok && paid && (
            <BeforeAfter
              changes={[
                {
                  label: "You receive",
                  after: <span data-testid={`request-receive-${id}`}>{paid.text}</span>,
                  note: [
                    paid.exact && `exactly ${paid.exact}`,
                    check.all && "the most this request pays now, at its worth when the transaction is mined",
                  ]
                    .filter(Boolean)
                    .join("; "),
                },
                {
                  label: "Shares left in the request",
                  before: shares(quote.shares),
                  after: <span data-testid={`request-shares-left-${id}`}>{shares(quote.shares - check.shares)}</span>,
                  note: `${shares(check.shares)} burned`,
                },
              ]}
            />
          )}
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              className="btn-primary"
              disabled={!account || busy || !check?.ok}
              data-testid={`withdraw-submit-${id}`}
            >
              {check?.ok ? `Withdraw ${fmt(check.assets)}` : "Withdraw"}
            </button>
            <button
              type="button"
              className="btn-secondary"
              disabled={!account || busy || most.shares === 0n}
              onClick={() => {
                fill("", false);
                void withdraw(most.shares, most.assets);
              }}
              data-testid={`withdraw-all-${id}`}
            >
              Withdraw all withdrawable ({fmt(most.assets)})
            </button>
          </div>
        </form>
      )}
      <TxProgress
        flow={withdrawFlow}
        onRetry={check?.ok ? () => void withdraw(check.shares, check.assets) : undefined}
      />

      <div className="space-y-2 border-t border-border pt-3">
        <p className="text-sm text-muted">
          Cancelling returns <strong className="text-foreground">{shares(quote.sharesIfCancelled)}</strong> to you
          {burned > 0n ? (
            <>
              {" "}
              and burns {shares(burned)}: you get back at most what the request was worth ({fmt(quote.assetsAtRequest)}
              ), so premiums earned since stay with the pool.
            </>
          ) : (
            "."
          )}
        </p>
        <button
          type="button"
          className="btn-secondary"
          disabled={!account || busy}
          onClick={cancel}
          data-testid={`cancel-request-${id}`}
        >
          Cancel request #{id.toString()}
        </button>
        <TxProgress flow={cancelFlow} onRetry={cancel} />
      </div>
    </li>
  );
}
