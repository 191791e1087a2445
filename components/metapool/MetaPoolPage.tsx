"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, type ReactNode } from "react";
import { getAddress, isAddress, type Address } from "viem";

import { CopyAddress } from "@/components/metapool/CopyAddress";
import { MetaPoolProvider } from "@/components/metapool/MetaPoolContext";
import { MetaPoolStatusBadge } from "@/components/metapool/MetaPoolStatus";
import { MetaPoolTabs } from "@/components/metapool/MetaPoolTabs";
import { OverviewPanel } from "@/components/metapool/overview/OverviewPanel";
import { EmptyState, ErrorState, LoadingRows, Skeleton } from "@/components/ui/States";
import { useAccountPosition } from "@/hooks/useAccountPosition";
import { useMetaPool, useMetaPoolAsset, type MetaPoolSnapshot } from "@/hooks/useMetaPool";
import { metaOf, type TokenMeta } from "@/hooks/useTokens";
import { isNotAMetaPool } from "@/lib/errors/notAMetaPool";
import type { MetaPoolDetails } from "@/lib/types/metaPool";

// Only Overview shows on arrival: the other tabs' forms (and what they import) load when a tab is first pointed at,
// focused or opened, so they are neither downloaded nor hydrated with the page.
const loadUnderwrite = () => import("@/components/metapool/underwrite/UnderwritePanel").then((m) => m.UnderwritePanel);
const loadProtect = () => import("@/components/metapool/protect/ProtectPanel").then((m) => m.ProtectPanel);
const loadClaims = () => import("@/components/metapool/claims/ClaimsPanel").then((m) => m.ClaimsPanel);
const UnderwritePanel = dynamic(loadUnderwrite, { loading: () => <LoadingRows label="Loading the Underwrite tab" /> });
const ProtectPanel = dynamic(loadProtect, { loading: () => <LoadingRows label="Loading the Protect tab" /> });
const ClaimsPanel = dynamic(loadClaims, { loading: () => <LoadingRows label="Loading the Claims tab" /> });

const TABS = [
  { id: "overview", label: "Overview", panel: <OverviewPanel /> },
  { id: "underwrite", label: "Underwrite", panel: <UnderwritePanel />, preload: loadUnderwrite },
  { id: "protect", label: "Protect", panel: <ProtectPanel />, preload: loadProtect },
  { id: "claims", label: "Claims", panel: <ClaimsPanel />, preload: loadClaims },
] as const;

/**
 * `/metapool/[address]`: checks the address, loads the MetaPool and its asset (or starts from what the server read),
 * then the four sections.
 */
export function MetaPoolPage({ address, snapshot }: { address: string; snapshot?: MetaPoolSnapshot }) {
  if (!isAddress(address, { strict: false })) {
    return (
      <Notice title="That is not an address">
        <p>
          <code className="break-all">{address}</code> is not an Ethereum address: a MetaPool address is 0x followed by
          40 hexadecimal characters.
        </p>
      </Notice>
    );
  }
  return <LoadedMetaPool address={getAddress(address)} snapshot={snapshot} />;
}

function LoadedMetaPool({ address, snapshot }: { address: Address; snapshot: MetaPoolSnapshot | undefined }) {
  const metaPool = useMetaPool(address, snapshot);
  const tokens = useMetaPoolAsset(metaPool.data?.view.config.asset, snapshot);
  const details = metaPool.data;
  // Once loaded, a failed background refresh keeps the page (the next refresh retries).
  if (!details) {
    // A definite "not a MetaPool" needs no retries: shown from the first failure.
    if (isNotAMetaPool(metaPool.error ?? metaPool.failureReason)) {
      return (
        <Notice title="Not a MetaPool">
          <p>
            Nothing at <code className="break-all">{address}</code> is a MetaPool created by Canopy&apos;s factory on
            this chain. Check the address, or pick one from the list.
          </p>
        </Notice>
      );
    }
    if (metaPool.isError) {
      return (
        <ErrorState
          title="This MetaPool could not be read"
          error={{ cause: metaPool.error, action: "read this MetaPool" }}
          onRetry={() => void metaPool.refetch()}
        />
      );
    }
    return <MetaPoolPageSkeleton />;
  }
  const asset = metaOf(tokens.data, details.view.config.asset);
  if (!asset && tokens.isError) {
    return (
      <ErrorState
        title="The MetaPool's asset could not be read"
        error={{ cause: tokens.error, action: "read the MetaPool's asset" }}
        onRetry={() => void tokens.refetch()}
      />
    );
  }
  if (!asset) return <MetaPoolPageSkeleton />;

  return (
    <WithPosition details={details} asset={asset}>
      <DocumentTitle title={`${details.view.config.name} · MetaPool`} />
      <div className="space-y-6">
        <PageHeader details={details} assetSymbol={asset.symbol} />
        <MetaPoolTabs label="MetaPool sections" tabs={TABS} />
      </div>
    </WithPosition>
  );
}

/**
 * The account's position joins the page's context here, in a component of its own: the position's read follows the
 * chain clock (a purchase falling due), so this re-renders on its ticks, but `children` come from the page above and
 * the context value only changes with the position, so nothing below re-renders with it.
 */
function WithPosition({
  details,
  asset,
  children,
}: {
  details: MetaPoolDetails;
  asset: TokenMeta;
  children: ReactNode;
}) {
  const position = useAccountPosition(details.view);
  return (
    <MetaPoolProvider details={details} asset={asset} position={position.data}>
      {children}
    </MetaPoolProvider>
  );
}

function PageHeader({ details, assetSymbol }: { details: MetaPoolDetails; assetSymbol: string }) {
  const { view } = details;
  return (
    <header className="space-y-2">
      <p className="text-sm text-muted">
        <Link href="/" className="underline">
          MetaPools
        </Link>{" "}
        / {view.config.name}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold break-words" data-testid="metapool-name">
          {view.config.name}
        </h1>
        <MetaPoolStatusBadge view={view} />
      </div>
      <p className="text-sm text-muted">
        {view.pools.length} coverage {view.pools.length === 1 ? "pool" : "pools"} backed by one pool of {assetSymbol}{" "}
        capital · immutable
      </p>
      <div className="text-sm">
        <span className="text-muted">MetaPool address: </span>
        <CopyAddress address={view.metaPool} label="MetaPool" />
      </div>
    </header>
  );
}

/** The page's shape while the MetaPool is read (by the server, or by the browser when the server could not). */
export function MetaPoolPageSkeleton() {
  return (
    <div role="status" aria-label="Loading the MetaPool" className="space-y-6">
      <Skeleton className="h-4 w-40" />
      <Skeleton className="h-8 w-2/3" />
      <Skeleton className="h-4 w-1/2" />
      <Skeleton className="h-10 w-full" />
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-16" />
        ))}
      </div>
      <Skeleton className="h-48 w-full" />
    </div>
  );
}

function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-4">
      <DocumentTitle title={title} />
      <EmptyState title={title}>
        {children}
        <p className="mt-2">
          <Link href="/" className="underline">
            Browse MetaPools
          </Link>
        </p>
      </EmptyState>
    </div>
  );
}

/** Names the browser tab once the MetaPool is known (the server's metadata only has its address). */
function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = `${title} · Canopy`;
  }, [title]);
  return null;
}
