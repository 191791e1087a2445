"use client";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { Stat } from "@/components/ui/Stat";
import { useSharePriceHistory } from "@/hooks/useSharePriceHistory";
import { deployment } from "@/lib/deployment";
import { currentApy, formatApy, realisedApy, type RealisedApy } from "@/lib/economics";
import { formatDuration } from "@/lib/format";

/** What underwriters earn: the APY at today's premium speeds, and what the share price realised over 7 and 30 days. */
export function YieldStats() {
  const { address, view } = useMetaPoolContext();
  const history = useSharePriceHistory(address, deployment?.startBlock ?? 0n);
  const points = history.data;
  const now = {
    t: Number(view.lastSyncAt),
    capital: view.capital,
    supply: view.shareSupply,
    shareEpoch: Number(view.shareEpoch),
  };
  const apy = view.shutDown ? null : currentApy(view);
  return (
    <>
      <Stat
        label="APY now"
        value={<span data-testid="apy-now">{formatApy(apy)}</span>}
        sub={
          view.shutDown
            ? "shut down: no premiums"
            : "premiums after fees ÷ capital, at today's rates (simple, not compounded)"
        }
      />
      <Realised days={7} result={points && realisedApy(points, now, 7)} loading={history.isPending} />
      <Realised days={30} result={points && realisedApy(points, now, 30)} loading={history.isPending} />
    </>
  );
}

function Realised({
  days,
  result,
  loading,
}: {
  days: number;
  result: RealisedApy | null | undefined;
  loading: boolean;
}) {
  const span =
    result && result.seconds < days * 86_400
      ? `over the ${formatDuration(result.seconds)} since shares were issued`
      : `share price over ${days} days`;
  return (
    <Stat
      label={`Realised, ${days} days`}
      value={<span data-testid={`apy-${days}d`}>{loading ? "…" : result ? formatApy(result.apy) : "—"}</span>}
      sub={loading ? "reading the share price history" : result ? span : "less than a day of share price history"}
    />
  );
}
