"use client";

import { TermLink } from "@/components/howItWorks/TermLink";
import { YieldStats } from "@/components/metapool/economics/YieldStats";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { metaPoolStatus } from "@/components/metapool/MetaPoolStatus";
import { Stat } from "@/components/ui/Stat";
import { formatAmount } from "@/lib/format";
import { convertToAssets } from "@/lib/protocol";

/** The MetaPool's totals now: capital, what cover leaves free, cover sold, purchases waiting to mature, and what underwriters earn. */
export function Figures() {
  const { view, asset, fmt } = useMetaPoolContext();
  const one = 10n ** BigInt(asset.decimals);
  const sharePrice = convertToAssets(one, view.capital, view.shareSupply);
  const status = metaPoolStatus(view);
  return (
    <section aria-labelledby="figures-heading" className="card space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="figures-heading" className="text-lg font-semibold">
          Now
        </h2>
        <p className="text-sm text-muted">{status.detail}</p>
      </div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
        <Stat
          label={<TermLink term="capital">Capital</TermLink>}
          value={fmt(view.capital, { compact: true })}
          sub="what all shares are worth"
        />
        <Stat
          label={<TermLink term="free-capital">Free capital</TermLink>}
          value={fmt(view.freeCapital, { compact: true })}
          sub="not backing any cover"
        />
        <Stat label="Coverage sold (active)" value={fmt(view.totalActive, { compact: true })} sub="cover in force" />
        <Stat
          label="Pending purchases"
          value={fmt(view.totalPending, { compact: true })}
          sub="inside the purchase delay"
        />
        <Stat
          label="Share price"
          value={formatAmount(sharePrice, asset.decimals, { symbol: asset.symbol, maxDecimals: 6 })}
          sub="per share"
        />
        <YieldStats />
      </dl>
    </section>
  );
}
