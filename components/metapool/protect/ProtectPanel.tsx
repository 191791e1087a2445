"use client";

import { useAccount } from "wagmi";

import { TermLink } from "@/components/howItWorks/TermLink";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { LoadingRows } from "@/components/ui/States";

import { FaucetButton } from "../underwrite/FaucetButton";
import { BuyProtectionForm } from "./BuyProtectionForm";
import { MyCover } from "./MyCover";
import { MyPurchases } from "./MyPurchases";

/**
 * Protect: buy cover in one coverage pool of this MetaPool (quote, before → after, approve → buy),
 * follow purchases through the delay to maturity or refund, and hold or withdraw cover.
 */
export function ProtectPanel() {
  const { position, view } = useMetaPoolContext();
  const { address: account } = useAccount();
  return (
    <section aria-labelledby="protect-heading" className="space-y-4" data-testid="protect-panel">
      <div className="card space-y-4">
        <header className="space-y-1">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="protect-heading" className="text-lg font-semibold">
              Protect
            </h2>
            {/* As on Underwrite: a seeker with no demo tokens can get some here. */}
            <FaucetButton />
          </div>
          <p className="text-sm text-muted">
            Deposit into the pool you want covered. After the purchase delay your deposit becomes{" "}
            <TermLink term="cover">cover</TermLink>: premium streams out of it, and if the arbiter upholds a claim on
            the pool its holders share the pool&apos;s <TermLink term="payout">payout</TermLink>. {view.pools.length}{" "}
            coverage {view.pools.length === 1 ? "pool" : "pools"}.
          </p>
        </header>
        <BuyProtectionForm />
      </div>
      {account && !position && <LoadingRows rows={2} label="Loading your purchases and cover" />}
      {position && (
        <>
          <MyPurchases />
          <MyCover />
        </>
      )}
    </section>
  );
}
