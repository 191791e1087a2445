"use client";

import { useAccount } from "wagmi";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { TxProgress } from "@/components/tx/TxProgress";
import { useTransactionFlow, type TxPlan } from "@/hooks/useTransactionFlow";
import { demoTokenAbi, deployment } from "@/lib/contracts";
import { sameAddress } from "@/lib/format";
import { queryKeys } from "@/lib/queryKeys";

/** Test tokens per click: enough for a real deposit, well under the token's faucet limit. */
const FAUCET_UNITS = 10_000n;

/** "Get test dUSD" on local chains, when the asset is one of the deployment's demo tokens. */
export function FaucetButton() {
  const { asset, fmt } = useMetaPoolContext();
  const { address: account } = useAccount();
  const flow = useTransactionFlow();
  const isDemo = deployment?.demoTokens.some((t) => sameAddress(t, asset.address)) ?? false;
  if (!isDemo) return null;
  const amount = FAUCET_UNITS * 10n ** BigInt(asset.decimals);
  const plan: TxPlan = {
    label: `Get ${fmt(amount)} (test tokens)`,
    write: { address: asset.address, abi: demoTokenAbi, functionName: "faucet", args: [amount] },
    errorContext: { action: "get test tokens", asset: { symbol: asset.symbol, decimals: asset.decimals } },
    invalidate: [queryKeys.token(asset.address)],
  };
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={!account || flow.status === "running"}
        title={account ? undefined : "Connect a wallet to get test tokens"}
        onClick={() => void flow.run(plan)}
        data-testid="faucet"
      >
        Get test {asset.symbol}
      </button>
      <TxProgress flow={flow} onRetry={() => void flow.run(plan)} />
    </div>
  );
}
