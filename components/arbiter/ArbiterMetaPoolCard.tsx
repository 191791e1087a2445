"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { Address } from "viem";

import { ClaimItem } from "@/components/arbiter/ClaimItem";
import { RulingDialog, type RulingDraft } from "@/components/arbiter/RulingDialog";
import { ShutdownPanel } from "@/components/arbiter/ShutdownPanel";
import { CollectFees } from "@/components/portfolio/CollectFees";
import { Badge } from "@/components/ui/Badge";
import { Stat } from "@/components/ui/Stat";
import { ErrorState, LoadingRows } from "@/components/ui/States";
import { useResolveClaim } from "@/hooks/actions/claims";
import { useArbiterDesk, type PendingClaim } from "@/hooks/useArbiterDesk";
import { useMetaPool } from "@/hooks/useMetaPool";
import { useTokenBalance, type TokenMeta } from "@/hooks/useTokens";
import { metaPoolErrorContext } from "@/lib/errors/context";
import { formatAmount, formatBps } from "@/lib/format";
import { approvalConsequence, checkRuling, rejectionConsequence, rulingInputsOf } from "@/lib/forms/arbiter";
import { metaPoolHref } from "@/lib/portfolio/labels";
import type { MetaPoolView } from "@/lib/types/metaPool";

/** One MetaPool the connected account arbitrates: its claim queue, fee balance and shutdown. */
export function ArbiterMetaPoolCard({
  view,
  asset,
  account,
  now,
}: {
  view: MetaPoolView;
  asset: TokenMeta;
  account: Address | undefined;
  now: bigint | undefined;
}) {
  const desk = useArbiterDesk(view, account);
  const details = useMetaPool(view.metaPool);
  const wallet = useTokenBalance(asset.address);
  const flow = useResolveClaim({
    address: view.metaPool,
    asset,
    errorContext: metaPoolErrorContext(
      asset,
      view.pools.map((p) => p.name),
      now,
    ),
  });
  const [draft, setDraft] = useState<RulingDraft | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const name = view.config.name;
  const headingId = `arbiter-${view.metaPool}`;
  const fmt = (v: bigint, options?: { rounding?: "down" | "up" }) =>
    formatAmount(v, asset.decimals, { symbol: asset.symbol, ...options });
  const fmtTokens = (v: bigint) => formatAmount(v, asset.decimals, { symbol: "cover tokens" });
  const descriptions = details.data?.params.pools.map((p) => p.description);
  const claims = desk.data?.claims ?? [];
  const oldest = claims[0];

  const open = (claim: PendingClaim, valid: boolean) => {
    flow.reset();
    const inputs = rulingInputsOf(view, claim);
    setDraft({
      claim,
      valid,
      poolName: view.pools[claim.claim.poolId]?.name ?? `pool #${claim.claim.poolId}`,
      approval: approvalConsequence(inputs),
      rejection: rejectionConsequence(inputs),
      at: now,
    });
  };
  const close = () => {
    if (flow.status === "running") return;
    setDraft(null);
    flow.reset();
  };

  return (
    <section aria-labelledby={headingId} className="card space-y-5" data-testid="arbiter-metapool">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
            <Link href={metaPoolHref(view.metaPool)} className="hover:underline">
              {name}
            </Link>
          </h2>
          {view.shutDown ? (
            <Badge tone="bad">Shut down</Badge>
          ) : view.pendingClaims > 0n ? (
            <Badge tone="warn">
              {view.pendingClaims.toString()} pending {view.pendingClaims === 1n ? "claim" : "claims"}: deposits and
              purchases frozen
            </Badge>
          ) : (
            <Badge tone="good">No pending claims</Badge>
          )}
        </div>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label="Underwriters' capital" value={fmt(view.capital, { rounding: "down" })} />
          <Stat label="Cover in force" value={fmt(view.totalActive)} />
          <Stat label="Pending purchases" value={fmt(view.totalPending)} />
          <Stat label="Your fee" value={formatBps(view.config.arbiterFeeBps)} sub="of premium charged" />
        </dl>
        {details.data && (
          <details className="rounded-md border border-border p-3 text-sm">
            <summary className="cursor-pointer font-medium">Protection statement you rule against</summary>
            <p className="mt-2 whitespace-pre-wrap break-words">{details.data.params.protectionStatement}</p>
          </details>
        )}
      </header>

      <div className="space-y-3">
        <h3 className="font-semibold">Claims to rule</h3>
        {desk.isPending ? (
          <LoadingRows rows={1} label="Loading claims" />
        ) : desk.isError ? (
          <ErrorState
            title="The claims could not be read."
            error={{ cause: desk.error, action: "read the claims" }}
            onRetry={() => desk.refetch()}
          />
        ) : claims.length === 0 ? (
          <p className="text-sm text-muted">
            {view.shutDown ? "None: shutdown voided any pending claim." : "No claim is waiting for your ruling."}
          </p>
        ) : (
          <>
            <p className="text-sm text-muted">
              Rule in filing order: only the first can be ruled now. Approving pays the claimed pool from
              underwriters&apos; capital; rejecting keeps the cover and sends the bond to capital. Ruled claims are
              final.
            </p>
            <ol className="space-y-3">
              {claims.map((claim, i) => {
                const inputs = rulingInputsOf(view, claim);
                return (
                  <ClaimItem
                    key={claim.id.toString()}
                    claim={claim}
                    position={i}
                    poolName={view.pools[claim.claim.poolId]?.name ?? `pool #${claim.claim.poolId}`}
                    poolDescription={descriptions?.[claim.claim.poolId]}
                    now={now}
                    fmt={fmt}
                    approval={approvalConsequence(inputs)}
                    rejection={rejectionConsequence(inputs)}
                    check={checkRuling({
                      account,
                      arbiter: view.config.arbiter,
                      shutDown: view.shutDown,
                      claimId: claim.id,
                      firstPendingClaimId: desk.data!.firstPending,
                    })}
                    busy={flow.status === "running"}
                    onRule={(valid) => open(claim, valid)}
                  />
                );
              })}
            </ol>
          </>
        )}
      </div>

      <div className="space-y-2">
        <h3 className="font-semibold">Your fees</h3>
        {desk.data ? (
          <CollectFees
            metaPool={view.metaPool}
            metaPoolName={name}
            asset={asset}
            owed={desk.data.feesOwed}
            walletBalance={wallet.data}
          />
        ) : desk.isPending ? (
          <LoadingRows rows={1} label="Loading fees" />
        ) : null}
      </div>

      <div className="space-y-2">
        <h3 className="font-semibold">Shut down</h3>
        <ShutdownPanel
          view={view}
          asset={asset}
          account={account}
          now={now}
          oldestFiledAt={oldest ? BigInt(oldest.claim.filedAt) : undefined}
          pendingBonds={claims.reduce((sum, c) => sum + c.claim.bond, 0n)}
        />
      </div>

      {draft && (
        <RulingDialog
          draft={draft}
          metaPoolName={name}
          flow={flow}
          fmt={fmt}
          fmtTokens={fmtTokens}
          onRule={() => flow.run(draft.claim.id, draft.poolName, draft.valid)}
          onClose={close}
          returnFocus={headingRef}
        />
      )}
    </section>
  );
}
