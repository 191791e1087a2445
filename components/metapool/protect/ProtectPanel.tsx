"use client";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";

/** Buy protection in one coverage pool of this MetaPool, follow purchases, withdraw cover. */
export function ProtectPanel() {
  const { poolNames } = useMetaPoolContext();
  return (
    <section aria-labelledby="protect-heading" className="card">
      <h2 id="protect-heading" className="text-lg font-semibold">Protect</h2>
      <p className="text-muted text-sm">{poolNames.length} coverage pools.</p>
    </section>
  );
}
