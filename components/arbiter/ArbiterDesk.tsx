"use client";

import Link from "next/link";
import { useAccount } from "wagmi";

import { ArbiterIdentity } from "@/components/arbiter/ArbiterIdentity";
import { ArbiterMetaPoolCard } from "@/components/arbiter/ArbiterMetaPoolCard";
import { ArbiterRecord } from "@/components/arbiter/ArbiterRecord";
import { ConnectPrompt } from "@/components/portfolio/ConnectPrompt";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/States";
import { useArbiterMetaPools } from "@/hooks/useArbiterDesk";
import { useChainNow } from "@/hooks/useChainNow";
import { metaOf, useTokenMetas } from "@/hooks/useTokens";
import { deployment } from "@/lib/deployment";

/** The MetaPools whose arbiter is the connected account, each with its claim queue, fees and shutdown. */
export function ArbiterDesk() {
  const { address: account, status } = useAccount();
  const metaPools = useArbiterMetaPools(account);
  const now = useChainNow();
  const mine = metaPools.data ?? [];
  const metas = useTokenMetas(mine.map((v) => v.config.asset));

  if (!deployment) {
    return (
      <ErrorState
        title="Canopy is not deployed on this chain."
        detail="Switch the app to a chain with a MetaPool factory."
      />
    );
  }
  if (status === "connecting" || status === "reconnecting") return <LoadingRows rows={2} label="Connecting wallet" />;
  if (!account) {
    return (
      <ConnectPrompt title="Connect the arbiter's wallet">
        This desk lists the MetaPools whose arbiter is the connected account, with their claims to rule, fees to collect
        and the shutdown switch.
      </ConnectPrompt>
    );
  }
  if (metaPools.isPending) return <LoadingRows rows={2} label="Loading MetaPools" />;
  if (metaPools.isError) {
    return (
      <ErrorState
        title="The MetaPools could not be read."
        error={{ cause: metaPools.error, action: "read the MetaPools" }}
        onRetry={() => metaPools.refetch()}
      />
    );
  }
  if (mine.length === 0) {
    return (
      <EmptyState title="You are not the arbiter of any MetaPool">
        <p>
          A MetaPool&apos;s arbiter is fixed when it is created and can never change. To rule on claims, create a
          MetaPool naming this account as arbiter, or connect the account a creator named.
        </p>
        <p className="mt-2">
          <Link href="/create" className="underline">
            Create a MetaPool
          </Link>{" "}
          ·{" "}
          <Link href="/" className="underline">
            Explore MetaPools
          </Link>
        </p>
      </EmptyState>
    );
  }
  if (metas.isPending) return <LoadingRows rows={2} label="Loading assets" />;
  if (metas.isError) {
    return (
      <ErrorState
        title="The assets could not be read."
        error={{ cause: metas.error, action: "read the assets" }}
        onRetry={() => metas.refetch()}
      />
    );
  }

  const pending = mine.reduce((n, v) => n + v.pendingClaims, 0n);
  // Pending claims first, then live MetaPools, shut-down ones last.
  const ordered = [...mine].sort(
    (a, b) => Number(b.pendingClaims > 0n) - Number(a.pendingClaims > 0n) || Number(a.shutDown) - Number(b.shutDown),
  );
  return (
    <div className="space-y-6">
      <p className="text-sm" role="status">
        You arbitrate {mine.length} {mine.length === 1 ? "MetaPool" : "MetaPools"}
        {pending > 0n
          ? `; ${pending} ${pending === 1n ? "claim waits" : "claims wait"} for your ruling.`
          : "; no claim is waiting."}
      </p>
      <section aria-labelledby="arbiter-record-heading" className="card space-y-2">
        <h2 id="arbiter-record-heading" className="font-semibold">
          Your record as arbiter
        </h2>
        <ArbiterIdentity address={account} isYou />
        <ArbiterRecord arbiter={account} lead="Your record" />
      </section>
      {ordered.map((view) => {
        const asset = metaOf(metas.data, view.config.asset);
        if (!asset) return null;
        return <ArbiterMetaPoolCard key={view.metaPool} view={view} asset={asset} account={account} now={now} />;
      })}
    </div>
  );
}
