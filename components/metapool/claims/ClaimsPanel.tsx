"use client";

import { TermLink } from "@/components/howItWorks/TermLink";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { useClaimHistory, usePendingClaims, withEvidence } from "@/hooks/useClaims";

import { AfterRuling } from "./AfterRuling";
import { ClaimsArbiter } from "./ClaimsArbiter";
import { FileClaimForm } from "./FileClaimForm";
import { PastClaims } from "./PastClaims";
import { PendingClaims } from "./PendingClaims";

/**
 * Claims: what is pending (age, incident, evidence, the 30-day timeout), filing a claim as a cover
 * holder, collecting payouts and refunds after a ruling, and past rulings.
 */
export function ClaimsPanel() {
  const { address, view } = useMetaPoolContext();
  const pending = usePendingClaims(address);
  const history = useClaimHistory(address, view.config.curve);
  const claims = pending.data ? withEvidence(pending.data, history.data?.claims) : undefined;
  return (
    <section aria-labelledby="claims-heading" className="card space-y-5" data-testid="claims-panel">
      <header className="space-y-1">
        <h2 id="claims-heading" className="text-lg font-semibold">
          Claims
        </h2>
        <p className="text-sm text-muted">
          A holder of a pool&apos;s cover files a claim with a bond; the arbiter rules on it by the{" "}
          <TermLink term="protection-statement">protection statement</TermLink>. If upheld, the pool&apos;s{" "}
          <TermLink term="payout">payout</TermLink> is taken from underwriters&apos; capital and its cover holders
          redeem it together with their cover.
        </p>
      </header>

      <ClaimsArbiter />

      <div className="space-y-2">
        <h3 className="font-semibold">Pending</h3>
        <PendingClaims
          claims={claims}
          loading={pending.isPending}
          error={pending.isError}
          onRetry={() => void pending.refetch()}
        />
        {history.isError && (
          <p role="alert" className="text-xs text-red-700 dark:text-red-400">
            The claims&apos; evidence could not be read from the events.{" "}
            <button type="button" className="underline" onClick={() => void history.refetch()}>
              Retry
            </button>
          </p>
        )}
      </div>

      <AfterRuling history={history.data?.claims} />

      <div className="space-y-2">
        <h3 className="font-semibold">File a claim</h3>
        <FileClaimForm />
      </div>

      {history.data && <PastClaims claims={history.data.claims} />}
    </section>
  );
}
