"use client";

import { useMemo, useState, type FormEvent } from "react";
import { useAccount } from "wagmi";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { TxProgress } from "@/components/tx/TxProgress";
import { AmountField } from "@/components/ui/AmountField";
import { BeforeAfter } from "@/components/ui/BeforeAfter";
import { useDeposit } from "@/hooks/actions/underwrite";
import { useTokenBalance } from "@/hooks/useTokens";
import { depositEarnings, formatApy } from "@/lib/economics";
import { echoAmount } from "@/lib/format";
import { formatShares } from "@/lib/format/shares";
import { clearIfStill } from "@/lib/forms/amount";
import { checkDeposit, depositRefusal } from "@/lib/forms/underwrite";
import { stateFromView } from "@/lib/protect/viewState";
import { convertToAssets } from "@/lib/protocol";

import { FaucetButton } from "./FaucetButton";

/** Deposit capital for shares: approve (exact amount) → deposit, with the shares and value it brings. */
export function DepositForm() {
  const target = useMetaPoolContext();
  const { view, asset, position, fmt } = target;
  const { address: account } = useAccount();
  const balance = useTokenBalance(asset.address);
  const flow = useDeposit(target);
  const [text, setText] = useState("");
  const [touched, setTouched] = useState(false);

  const refusal = depositRefusal(view);
  const check = checkDeposit(text, {
    ...view,
    decimals: asset.decimals,
    symbol: asset.symbol,
    balance: balance.data,
    capital: view.capital,
    shareSupply: view.shareSupply,
  });
  const state = useMemo(() => stateFromView(view), [view]);
  const earnings = check.ok ? depositEarnings(state, check.value) : undefined;
  const showError = !refusal && (touched || text !== "") && !check.ok ? check.error : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!check.ok || !account) return;
    const sent = text;
    const receipt = await flow.run(check.value);
    if (receipt) {
      setText(clearIfStill(sent, ""));
      setTouched(false);
    }
  };

  const myShares = position?.shares ?? 0n;
  const disabledReason = !account
    ? "Connect a wallet to deposit."
    : refusal
      ? refusal
      : flow.status === "running"
        ? "Finish the transaction in progress first."
        : null;

  // The typed amount is sent exactly; where the usual two decimals hide some of it, the preview says so.
  const depositEcho = check.ok ? echoAmount(check.value, asset.decimals, { symbol: asset.symbol }) : undefined;
  return (
    <section aria-labelledby="deposit-heading" className="card space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="deposit-heading" className="text-base font-semibold">
          Deposit capital
        </h3>
        <FaucetButton />
      </div>
      <p className="text-sm text-muted">
        Your capital backs every coverage pool here at once: it earns their premiums and pays their valid claims.
      </p>
      {refusal && (
        <p role="note" className="rounded-md bg-amber-500/15 p-3 text-sm" data-testid="deposit-refused">
          {refusal}
        </p>
      )}
      <form onSubmit={submit} className="space-y-3" noValidate>
        <AmountField
          label={`Amount (${asset.symbol})`}
          value={text}
          onChange={(t) => {
            setText(t);
            flow.reset();
          }}
          symbol={asset.symbol}
          decimals={asset.decimals}
          max={account && !refusal ? balance.data : undefined}
          hint={
            account
              ? balance.data !== undefined
                ? `Wallet balance: ${fmt(balance.data)}`
                : "Reading your balance…"
              : undefined
          }
          error={showError}
        />
        {check.ok && (
          <BeforeAfter
            changes={[
              ...(depositEcho?.exact
                ? [{ label: "You deposit", after: depositEcho.text, note: `exactly ${depositEcho.exact}` }]
                : []),
              ...depositRows(check.value, check.shares, myShares, view.capital, view.shareSupply, fmt, asset.decimals),
              ...(earnings
                ? [
                    {
                      label: "You would earn",
                      after: <span data-testid="deposit-earnings">≈ {fmt(earnings.perYear)} a year</span>,
                      note: `at today's rates: the MetaPool's APY would be ${formatApy(earnings.apyAfter)} with your deposit in`,
                    },
                  ]
                : []),
            ]}
          />
        )}
        <button
          type="submit"
          className="btn-primary w-full sm:w-auto"
          disabled={Boolean(disabledReason) || !check.ok}
          data-testid="deposit-submit"
        >
          {check.ok ? `Deposit ${fmt(check.value)}` : "Deposit"}
        </button>
        {disabledReason && flow.status !== "running" && <p className="text-xs text-muted">{disabledReason}</p>}
      </form>
      <TxProgress flow={flow} onRetry={check.ok ? () => void flow.run(check.value) : undefined} />
    </section>
  );
}

function depositRows(
  amount: bigint,
  minted: bigint,
  myShares: bigint,
  capital: bigint,
  supply: bigint,
  fmt: (v: bigint) => string,
  decimals: number,
) {
  const after = myShares + minted;
  return [
    { label: "Shares you get", after: formatShares(minted, decimals) },
    { label: "My shares", before: formatShares(myShares, decimals), after: formatShares(after, decimals) },
    {
      label: "Their value",
      before: fmt(convertToAssets(myShares, capital, supply)),
      after: fmt(convertToAssets(after, capital + amount, supply + minted)),
    },
    { label: "MetaPool capital", before: fmt(capital), after: fmt(capital + amount) },
  ];
}
