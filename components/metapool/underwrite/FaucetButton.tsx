"use client";

import { useAccount } from "wagmi";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { TxProgress } from "@/components/tx/TxProgress";
import { isDemoToken, useFaucet } from "@/hooks/actions/faucet";

/** "Get test dUSD" on local chains, when the asset is one of the deployment's demo tokens. */
export function FaucetButton() {
  const { asset } = useMetaPoolContext();
  const { address: account } = useAccount();
  const flow = useFaucet(asset);
  if (!isDemoToken(asset.address)) return null;
  const run = () => void flow.run();
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={!account || flow.status === "running"}
        title={account ? undefined : "Connect a wallet to get test tokens"}
        onClick={run}
        data-testid="faucet"
      >
        Get test {asset.symbol}
      </button>
      <TxProgress flow={flow} onRetry={run} />
    </div>
  );
}
