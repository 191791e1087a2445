"use client";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { formatCostRate, formatMultiple, type PurchaseEconomics } from "@/lib/economics";

/**
 * Said before anyone buys in an uncapped MetaPool (payout multiple 0): the payout, and so the premium, is the
 * pool's cover plus all free capital, so both grow with every underwriter's deposit.
 */
export function UncappedNote({ economics, amount }: { economics: PurchaseEconomics | undefined; amount: bigint }) {
  const { view, fmt } = useMetaPoolContext();
  if (view.config.payoutMultiple !== 0 || view.shutDown) return null;
  const priced = economics !== undefined && economics.tokens > 0n;
  return (
    <p
      role="note"
      className="rounded-md border border-amber-500/50 bg-amber-500/10 p-3 text-sm"
      data-testid="uncapped-note"
    >
      <strong>This MetaPool&apos;s payout is uncapped.</strong> A valid claim pays a pool&apos;s cover plus all of the
      MetaPool&apos;s free capital, {fmt(view.freeCapital)} now, and the premium is charged on that whole payout, not on
      your deposit.
      {priced ? (
        <>
          {" "}
          For {fmt(amount)} the payout would be ≈ {formatMultiple(economics.payoutMultiple)} your deposit, costing{" "}
          {formatCostRate(economics.perYearOfDeposit)} of it a year at today&apos;s rates.
        </>
      ) : (
        " Choose a pool and an amount to see what that means for your deposit."
      )}{" "}
      A large underwriter deposit raises both the payout and your cost; a withdrawal or a claim elsewhere lowers them.
    </p>
  );
}
