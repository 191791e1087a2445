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
import { formatDateTime, formatDuration } from "@/lib/format";
import { formatShares } from "@/lib/format/shares";
import { checkWithdrawalRequest, SHARE_UNIT, sharesForPercent } from "@/lib/forms/underwrite";
import { convertToAssets, WITHDRAWAL_WINDOW } from "@/lib/protocol";

const PERCENTS = [25, 50, 75, 100] as const;

/** Step one of leaving: put shares in custody; they unlock after the withdrawal period for a 7-day window. */
export function RequestWithdrawalForm() {
  const target = useMetaPoolContext();
  const { view, asset, position, now, fmt } = target;
  const { address: account } = useAccount();
  const flow = useRequestWithdrawal(target);
  const [text, setText] = useState("");
  const held = position?.shares ?? 0n;
  const check = checkWithdrawalRequest(text, { decimals: asset.decimals, shares: held });
  const period = BigInt(view.config.withdrawalPeriod);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!check.ok) return;
    if (await flow.run(check.value)) setText("");
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
          label="Shares to withdraw"
          value={text}
          onChange={(t) => {
            setText(t);
            flow.reset();
          }}
          symbol={SHARE_UNIT}
          decimals={asset.decimals}
          hint={account && position ? `You hold ${formatShares(held, asset.decimals)}` : undefined}
          error={text !== "" && !check.ok ? check.error : null}
        />
        <div className="flex flex-wrap gap-2" role="group" aria-label="Fill in a share of your holding">
          {PERCENTS.map((p) => (
            <button
              key={p}
              type="button"
              className="btn-secondary"
              disabled={held === 0n}
              onClick={() => {
                setText(formatUnits(sharesForPercent(held, p), asset.decimals));
                flow.reset();
              }}
            >
              {p === 100 ? "All" : `${p} %`}
            </button>
          ))}
        </div>
        {check.ok && (
          <BeforeAfter
            changes={[
              {
                label: "Shares you hold",
                before: formatShares(held, asset.decimals),
                after: formatShares(held - check.value, asset.decimals),
              },
              {
                label: "Most you will get (their value now)",
                after: fmt(convertToAssets(check.value, view.capital, view.shareSupply)),
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
      <TxProgress flow={flow} onRetry={check.ok ? () => void flow.run(check.value) : undefined} />
    </section>
  );
}
