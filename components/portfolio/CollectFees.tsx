"use client";

import type { Address } from "viem";
import { useAccount } from "wagmi";

import { TxProgress } from "@/components/tx/TxProgress";
import { useClaimFees } from "@/hooks/actions/claims";
import type { TokenMeta } from "@/hooks/useTokens";
import { formatAmount } from "@/lib/format";

/**
 * `claimFees(me)`: pays the connected account its whole fee balance in one MetaPool (arbiter
 * and creator fees, and any claim bond credited back). The contract syncs first, so it pays at
 * least the balance shown.
 */
export function CollectFees({
  metaPool,
  metaPoolName,
  asset,
  owed,
  walletBalance,
}: {
  metaPool: Address;
  metaPoolName: string;
  asset: Pick<TokenMeta, "address" | "symbol" | "decimals">;
  owed: bigint;
  walletBalance?: bigint;
}) {
  const { address: account } = useAccount();
  const flow = useClaimFees({ address: metaPool, asset }, metaPoolName);
  const fmt = (v: bigint) => formatAmount(v, asset.decimals, { symbol: asset.symbol });
  const disabledReason = !account
    ? "Connect a wallet to collect fees."
    : owed === 0n
      ? "Nothing to collect yet: fees accrue as premium is charged."
      : flow.status === "running"
        ? "Collecting…"
        : null;
  const run = () => account && flow.run(owed);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="btn-primary"
          disabled={disabledReason !== null}
          onClick={run}
          data-testid="collect-fees"
        >
          Collect {fmt(owed)}
        </button>
        {walletBalance !== undefined && owed > 0n && (
          <span className="text-sm text-muted">
            Wallet: {fmt(walletBalance)} →{" "}
            <span className="font-medium text-foreground">{fmt(walletBalance + owed)}</span>
          </span>
        )}
      </div>
      {disabledReason && flow.status === "idle" && <p className="text-xs text-muted">{disabledReason}</p>}
      <TxProgress flow={flow} onRetry={run} />
    </div>
  );
}
