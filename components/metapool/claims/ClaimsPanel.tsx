"use client";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";

/** File a claim, follow pending claims, redeem payouts after a valid claim. */
export function ClaimsPanel() {
  const { view } = useMetaPoolContext();
  return (
    <section aria-labelledby="claims-heading" className="card">
      <h2 id="claims-heading" className="text-lg font-semibold">Claims</h2>
      <p className="text-muted text-sm">{view.pendingClaims.toString()} pending claims.</p>
    </section>
  );
}
