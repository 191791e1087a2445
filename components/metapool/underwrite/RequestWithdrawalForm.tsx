"use client";

import { useState, type FormEvent } from "react";
import { formatUnits } from "viem";
import { useAccount } from "wagmi";

import { TermLink } from "@/components/howItWorks/TermLink";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { TxProgress } from "@/components/tx/TxProgress";
import { AmountField } from "@/components/ui/AmountField";
import { BeforeAfter } from "@/components/ui/BeforeAfter";
import { useRequestWithdrawal } from "@/hooks/actions/underwrite";
import { useChainMinute } from "@/hooks/useChainNow";
import { echoAmount, formatDateTime, formatDuration } from "@/lib/format";
import { formatShares } from "@/lib/format/shares";
import { clearIfStill } from "@/lib/forms/amount";
import { convertToAssets, WITHDRAWAL_WINDOW } from "@/lib/protocol";
import { checkRequestAssets } from "@/lib/underwrite/requestAmount";

const PERCENTS = [25, 50, 75, 100] as const;

/** Step one of leaving: put shares in custody; they unlock after the withdrawal period for a 7-day window. */
export function RequestWithdrawalForm() {
  const target = useMetaPoolContext();
  const { view, asset, position, fmt } = target;
  // The unlock and window dates are shown to the minute.
  const now = useChainMinute();
  const { address: account } = useAccount();
  const flow = useRequestWithdrawal(target);
  const [text, setText] = useState("");
  // "All" requests the exact share balance, whatever its worth is when the transaction is mined.
  const [all, setAll] = useState(false);
  const held = position?.shares ?? 0n;
  const worth = convertToAssets(held, view.capital, view.shareSupply);
  const check = checkRequestAssets(text, {
    decimals: asset.decimals,
    symbol: asset.symbol,
    shares: held,
    capital: view.capital,
    supply: view.shareSupply,
    all,
  });
  const period = BigInt(view.config.withdrawalPeriod);
  const echo = (v: bigint) => echoAmount(v, asset.decimals, { symbol: asset.symbol });
  const fill = (next: string, nextAll: boolean) => {
    setText(next);
    setAll(nextAll);
    flow.reset();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!check.ok) return;
    const sent = { text, all };
    if (await flow.run(check.shares, check.assets)) {
      setText(clearIfStill(sent.text, ""));
      setAll(clearIfStill(sent.all, false));
    }
  };

  const disabledReason = !account
    ? "Connect a wallet to request a withdrawal."
    : position === undefined
      ? "Reading your shares…"
      : held === 0n
        ? "You hold no shares of this MetaPool."
        : null;
  const unlockAt = now === undefined ? undefined : now + period;

  return (
    <section aria-labelledby="request-heading" className="card space-y-4">
      <h3 id="request-heading" className="text-base font-semibold">
        Request a withdrawal
      </h3>
      <p className="text-sm text-muted">
        Shares you request unlock after the <TermLink term="withdrawal-period">withdrawal period</TermLink> (
        {formatDuration(period)}); you then have {formatDuration(WITHDRAWAL_WINDOW)} to withdraw them, or cancel. They
        earn nothing from now on but still bear claim losses; you get at most what they are worth today.
      </p>
      {view.pendingClaims > 0n && (
        <p role="note" className="rounded-md bg-amber-500/15 p-3 text-sm">
          Claim #{view.firstPendingClaimId.toString()} is pending: you can request now, but no withdrawal pays out until
          the arbiter rules; the 7-day window then runs from the ruling if that is later than the unlock.
        </p>
      )}
      <form onSubmit={submit} className="space-y-3" noValidate>
        <AmountField
          label={`Amount to withdraw (${asset.symbol})`}
          value={text}
          onChange={(t) => fill(t, false)}
          symbol={asset.symbol}
          decimals={asset.decimals}
          hint={
            account && position
              ? `Your shares are worth ${fmt(worth)} now (${formatShares(held, asset.decimals)}). The request locks at most the amount you enter.`
              : undefined
          }
          error={text !== "" && !all && !check.ok ? check.error : null}
        />
        <div className="flex flex-wrap gap-2" role="group" aria-label="Fill in a share of your holding">
          {PERCENTS.map((p) => (
            <button
              key={p}
              type="button"
              className="btn-secondary"
              disabled={held === 0n}
              aria-pressed={p === 100 ? all : undefined}
              onClick={() => fill(formatUnits((worth * BigInt(p)) / 100n, asset.decimals), p === 100)}
            >
              {p === 100 ? "All" : `${p} %`}
            </button>
          ))}
        </div>
        {check.ok && (
          <BeforeAfter
            changes={[
              {
                label: "Most you will get (their value now)",
                after: <span data-testid="request-withdrawal-assets">{echo(check.assets).text}</span>,
                note: [
                  echo(check.assets).exact && `exactly ${echo(check.assets).exact}`,
                  check.all && "all your shares, at their worth when the transaction is mined",
                ]
                  .filter(Boolean)
                  .join("; "),
              },
              {
                label: "Shares locked in the request",
                before: formatShares(held, asset.decimals),
                after: (
                  <span data-testid="request-withdrawal-shares">
                    {formatShares(held - check.shares, asset.decimals)}
                  </span>
                ),
                note: `${formatShares(check.shares, asset.decimals)} move into the MetaPool's custody`,
              },
              ...(unlockAt === undefined
                ? []
                : [
                    { label: "Unlocks", after: formatDateTime(unlockAt) },
                    { label: "Withdraw by", after: formatDateTime(unlockAt + WITHDRAWAL_WINDOW) },
                  ]),
            ]}
          />
        )}
        <button
          type="submit"
          className="btn-primary w-full sm:w-auto"
          disabled={Boolean(disabledReason) || !check.ok || flow.status === "running"}
          data-testid="request-withdrawal-submit"
        >
          Request withdrawal
        </button>
        {disabledReason && <p className="text-xs text-muted">{disabledReason}</p>}
      </form>
      <TxProgress flow={flow} onRetry={check.ok ? () => void flow.run(check.shares, check.assets) : undefined} />
    </section>
  );
}
