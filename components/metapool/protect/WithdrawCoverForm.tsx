"use client";

import { useState, type FormEvent } from "react";
import { formatUnits } from "viem";
import { useAccount } from "wagmi";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { TxProgress } from "@/components/tx/TxProgress";
import { AmountField } from "@/components/ui/AmountField";
import { BeforeAfter } from "@/components/ui/BeforeAfter";
import { useWithdrawProtection } from "@/hooks/actions/protect";
import { useDebounced, useWithdrawCoverQuote } from "@/hooks/useLiveQuote";
import { useResetFailedFlow } from "@/hooks/useResetFailedFlow";
import { echoAmount, formatAmount } from "@/lib/format";
import { clearIfStill } from "@/lib/forms/amount";
import { checkCoverWithdrawalAssets, coverAssetsFor } from "@/lib/protect/coverAmount";

export interface WithdrawableHolding {
  poolId: number;
  tokens: bigint;
  /** Of `tokens`, those a due purchase mints with the next transaction (this one included). */
  dueTokens: bigint;
}

/**
 * Withdraw cover by the asset amount wanted: the form burns the most cover tokens that pay at most
 * that amount (Max burns them all), shows what is paid and burned, and sends the tokens. The
 * contract's sync runs first, so tokens a due purchase has not minted yet are minted in the same
 * transaction and can be withdrawn at once.
 */
export function WithdrawCoverForm({ holding, symbol }: { holding: WithdrawableHolding; symbol: string }) {
  const target = useMetaPoolContext();
  const { address: metaPool, view, asset, fmt } = target;
  const { address: account } = useAccount();
  const flow = useWithdrawProtection(target);
  const [text, setText] = useState("");
  const [all, setAll] = useState(false);
  const pool = view.pools[holding.poolId]!;
  const figures = { active: pool.active, supply: pool.coverSupply, debt: pool.debt };
  const worth = coverAssetsFor(holding.tokens, figures);
  useResetFailedFlow(flow, [text, all]);
  const check = checkCoverWithdrawalAssets(text, {
    decimals: asset.decimals,
    symbol: asset.symbol,
    tokens: holding.tokens,
    pool: figures,
    all,
  });
  const tokens = check.ok ? check.tokens : 0n;
  const tokensToQuote = useDebounced(tokens);
  const quote = useWithdrawCoverQuote(metaPool, holding.poolId, tokensToQuote);
  // The contract's figure for exactly these tokens; the form's own until the quote catches up.
  const pays = check.ok ? (tokensToQuote === check.tokens && quote.data !== undefined ? quote.data : check.assets) : 0n;
  const paid = echoAmount(pays, asset.decimals, { symbol: asset.symbol });
  const cover = (v: bigint) => formatAmount(v, asset.decimals, { symbol });

  const withdraw = () => (check.ok && account ? flow.run(holding.poolId, pool.name, check.tokens, pays, symbol) : null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = text;
    if (await withdraw()) {
      setText(clearIfStill(sent, ""));
      setAll(false);
    }
  };
  const reason = !account
    ? "Connect a wallet to withdraw."
    : flow.status === "running"
      ? "Waiting for the current transaction…"
      : null;

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-md border border-border p-3">
      <AmountField
        label={`Amount to withdraw from ${pool.name}`}
        value={text}
        onChange={(t) => {
          setText(t);
          setAll(false);
        }}
        symbol={asset.symbol}
        decimals={asset.decimals}
        hint={
          <>
            Your cover is worth {fmt(worth)} now. Withdrawing is allowed at any time and ends that much protection; you
            receive at most the amount you enter.
          </>
        }
        error={!all && text !== "" && !check.ok ? check.error : null}
      />
      <button
        type="button"
        className="btn-secondary"
        disabled={holding.tokens === 0n}
        aria-pressed={all}
        onClick={() => {
          setAll(true);
          setText(formatUnits(worth, asset.decimals));
        }}
        data-testid={`withdraw-cover-max-${holding.poolId}`}
      >
        Max: all my cover
      </button>
      {pool.pendingClaimId !== 0n && (
        <p role="note" className="rounded-md border border-amber-500/50 bg-amber-500/10 p-2 text-sm">
          Claim #{pool.pendingClaimId.toString()} on this pool is pending: cover withdrawn now gives up its share of its
          payout, and first pays its share of the premium owed during the claim.
        </p>
      )}
      {check.ok && (
        <BeforeAfter
          changes={[
            {
              label: "You receive",
              after: <span data-testid={`withdraw-cover-receive-${holding.poolId}`}>{paid.text}</span>,
              note: [
                paid.exact && `exactly ${paid.exact}`,
                all && "all your cover, at its worth when the transaction is mined",
              ]
                .filter(Boolean)
                .join("; "),
            },
            {
              label: "Your cover",
              before: fmt(worth),
              after: fmt(worth > pays ? worth - pays : 0n),
            },
            {
              label: "Cover tokens burned",
              before: cover(holding.tokens),
              after: (
                <span data-testid={`withdraw-cover-burn-${holding.poolId}`}>
                  {cover(holding.tokens - check.tokens)}
                </span>
              ),
              note:
                holding.dueTokens > 0n
                  ? `${cover(holding.dueTokens)} of them come from your matured purchase and are minted in this same transaction`
                  : `${cover(check.tokens)} burned`,
            },
            {
              label: `${pool.name}: active cover`,
              before: fmt(pool.active),
              after: fmt(pool.active > pays ? pool.active - pays : 0n),
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
        {check.ok ? `Withdraw ${fmt(pays)}` : "Withdraw cover"}
      </button>
      {reason && <p className="text-xs text-muted">{reason}</p>}
      <TxProgress flow={flow} onRetry={() => void withdraw()} />
    </form>
  );
}
