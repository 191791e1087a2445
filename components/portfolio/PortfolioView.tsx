"use client";

import Link from "next/link";
import { startTransition, useEffect, useMemo, useState } from "react";
import { useAccount } from "wagmi";

import { ConnectPrompt } from "@/components/portfolio/ConnectPrompt";
import { ExportCsv } from "@/components/portfolio/ExportCsv";
import { MetaPoolPositions } from "@/components/portfolio/MetaPoolPositions";
import { Stat } from "@/components/ui/Stat";
import { EmptyState, ErrorState, LoadingRows } from "@/components/ui/States";
import { usePortfolioPositions } from "@/hooks/useAccountPosition";
import { useChainNowSelector } from "@/hooks/useChainNow";
import { usePortfolioMetaPools } from "@/hooks/usePortfolioMetaPools";
import { metaOf, useTokenMetas } from "@/hooks/useTokens";
import { deployment } from "@/lib/deployment";
import { formatAmount } from "@/lib/format";
import { moreSectionsLabel, PORTFOLIO_FIRST_SECTIONS, PORTFOLIO_SECTIONS_STEP } from "@/lib/portfolio/labels";
import { hasAnything, metaPoolPortfolio, shownNetResult, totalsByAsset } from "@/lib/portfolio/summary";
import { clockPhase } from "@/lib/time/clockPhase";

/** The connected account's positions across every MetaPool, totals per asset, actions and CSV export. */
export function PortfolioView() {
  const { address: account, status } = useAccount();
  const metaPools = usePortfolioMetaPools();
  const positions = usePortfolioPositions(metaPools.data);
  const metas = useTokenMetas((metaPools.data ?? []).map((v) => v.config.asset));
  // The summary compares the clock only with each request's unlock and window end: re-render when it crosses one.
  const instants = useMemo(
    () =>
      (positions.data ?? []).flatMap((p) =>
        p.requests.flatMap((r) => [BigInt(r.quote.unlockAt), BigInt(r.quote.windowEnd) + 1n]),
      ),
    [positions.data],
  );
  const now = useChainNowSelector((t) => clockPhase(t, instants));
  const [sectionsShown, setSectionsShown] = useState(PORTFOLIO_FIRST_SECTIONS);

  const items = useMemo(() => {
    if (!account || !metaPools.data || !positions.data || !metas.data || now === undefined) return undefined;
    return metaPools.data
      .map((view, i) => {
        const position = positions.data[i];
        const asset = metaOf(metas.data, view.config.asset);
        if (!position || !asset) return null;
        return metaPoolPortfolio({ view, position, asset, account, now });
      })
      .filter((m) => m !== null && hasAnything(m)) as ReturnType<typeof metaPoolPortfolio>[];
  }, [account, metaPools.data, positions.data, metas.data, now]);

  // The first sections paint at once, the rest of the first step in a transition after that paint.
  const ready = items !== undefined;
  useEffect(() => {
    if (ready) startTransition(() => setSectionsShown((n) => Math.max(n, PORTFOLIO_SECTIONS_STEP)));
  }, [ready]);

  const viewOf = new Map((metaPools.data ?? []).map((v) => [v.metaPool, v]));

  if (!deployment) {
    return (
      <ErrorState
        title="Canopy is not deployed on this chain."
        detail="Switch the app to a chain with a MetaPool factory."
      />
    );
  }
  if (status === "connecting" || status === "reconnecting") return <LoadingRows rows={3} label="Connecting wallet" />;
  if (!account) {
    return (
      <ConnectPrompt title="Connect a wallet to see your portfolio">
        Your underwriting shares and withdrawal requests, your cover and purchases, payouts and refunds waiting for you,
        and fees you earned as an arbiter or creator, across every MetaPool.
      </ConnectPrompt>
    );
  }
  const failed = [metaPools, positions, metas].find((q) => q.isError);
  if (failed) {
    return (
      <ErrorState
        title="Your positions could not be read."
        error={{ cause: failed.error, action: "read your positions" }}
        onRetry={() => {
          void metaPools.refetch();
          void positions.refetch();
          void metas.refetch();
        }}
      />
    );
  }
  if (!items) return <LoadingRows rows={3} label="Loading your positions" />;
  if (items.length === 0) {
    return (
      <EmptyState title="No positions yet">
        <p>
          Underwrite a MetaPool to earn premium, or buy protection for a protocol you use.{" "}
          <Link href="/" className="underline">
            Explore MetaPools
          </Link>
        </p>
      </EmptyState>
    );
  }

  const totals = totalsByAsset(items);
  const more = moreSectionsLabel(sectionsShown, items.length);
  return (
    <div className="space-y-6">
      <section aria-labelledby="portfolio-totals" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="portfolio-totals" className="text-lg font-semibold">
            Totals
          </h2>
          <ExportCsv items={items} account={account} />
        </div>
        {totals.map((t) => {
          const fmt = (v: bigint) => formatAmount(v, t.asset.decimals, { symbol: t.asset.symbol });
          return (
            <dl
              key={t.asset.address}
              className="card grid grid-cols-2 gap-3 sm:grid-cols-4"
              aria-label={`Totals in ${t.asset.symbol}`}
            >
              <Stat
                label="Underwriting value"
                value={fmt(t.underwriting)}
                sub={`net result ${shownNetResult(t.netResult, t.asset.decimals) > 0n ? "+" : ""}${fmt(shownNetResult(t.netResult, t.asset.decimals))}`}
              />
              <Stat label="Cover and pending purchases" value={fmt(t.protection)} />
              <Stat
                label="Takeable now"
                value={fmt(t.claimableNow)}
                sub="withdrawals, exits, refunds, payouts, fees, bonds"
              />
              <Stat
                label="Fees owed"
                value={fmt(t.feesOwed)}
                sub={t.bondsOwed > 0n ? `and ${fmt(t.bondsOwed)} of returned claim bonds` : undefined}
              />
            </dl>
          );
        })}
      </section>
      {items.slice(0, sectionsShown).map((m) => (
        <MetaPoolPositions key={m.metaPool} m={m} view={viewOf.get(m.metaPool)!} />
      ))}
      {more && (
        <button
          type="button"
          className="btn-secondary w-full"
          onClick={() => setSectionsShown((n) => n + PORTFOLIO_SECTIONS_STEP)}
        >
          {more}
        </button>
      )}
    </div>
  );
}
