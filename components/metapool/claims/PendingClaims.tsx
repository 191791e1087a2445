"use client";

import type { ReactNode } from "react";
import { useAccount } from "wagmi";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { Badge } from "@/components/ui/Badge";
import { Countdown } from "@/components/ui/Countdown";
import { ErrorState, LoadingRows } from "@/components/ui/States";
import { useChainNowSelector } from "@/hooks/useChainNow";
import type { PendingClaimView } from "@/hooks/useClaims";
import { formatDateTime, formatDuration, sameAddress } from "@/lib/format";
import { CLAIM_TIMEOUT } from "@/lib/protocol";

/**
 * Claims waiting for the arbiter: pool, filer, incident, evidence, bond, age by the chain's clock,
 * and the 30-day timeout after which anyone may shut the MetaPool down (SPEC §7, §8).
 */
export function PendingClaims({
  claims,
  loading,
  error,
  onRetry,
}: {
  claims: PendingClaimView[] | undefined;
  loading: boolean;
  error: boolean;
  onRetry: () => void;
}) {
  if (loading) return <LoadingRows rows={1} label="Loading pending claims" />;
  if (error) return <ErrorState title="Pending claims could not be read." onRetry={onRetry} />;
  if (!claims || claims.length === 0) {
    return <p className="text-sm text-muted">No claim is pending. Deposits, withdrawals and purchases run normally.</p>;
  }
  return (
    <div className="space-y-3">
      <p className="text-sm">
        While any claim is pending, deposits, withdrawals and new purchases are frozen, and no purchase becomes cover,
        until the arbiter rules. Claims are ruled in filing order.
      </p>
      <ul className="space-y-3">
        {claims.map((c, i) => (
          <PendingClaimCard key={c.id.toString()} item={c} head={i === 0} />
        ))}
      </ul>
    </div>
  );
}

function PendingClaimCard({ item, head }: { item: PendingClaimView; head: boolean }) {
  const { poolNames, fmt } = useMetaPoolContext();
  const { address: account } = useAccount();
  const { claim } = item;
  const filedAt = BigInt(claim.filedAt);
  const incident = BigInt(claim.incidentTime);
  const timeoutAt = filedAt + CLAIM_TIMEOUT;
  const mine = sameAddress(claim.filer, account);
  // What the clock changes here, selected: the timeout once, "… ago" each second in the first minute, then each minute.
  const timedOut = useChainNowSelector((now) => now !== undefined && now >= timeoutAt);
  const ago = useChainNowSelector((now) =>
    now === undefined ? undefined : formatDuration(now > filedAt ? now - filedAt : 0n),
  );
  return (
    <li
      className="space-y-2 rounded-md border border-amber-500/50 p-3 text-sm"
      data-testid={`pending-claim-${item.id}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          Claim #{item.id.toString()} on {poolNames[claim.poolId] ?? `pool #${claim.poolId}`}
        </p>
        <Badge tone="warn">Pending{mine ? " · filed by you" : ""}</Badge>
      </div>
      <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <Line label="Incident" value={formatDateTime(incident)} />
        <Line
          label="Filed"
          value={
            <>
              {formatDateTime(filedAt)}
              {ago !== undefined && <> · {ago} ago</>}
            </>
          }
        />
        <Line
          label="Bond"
          value={fmt(claim.bond)}
          sub="returned if upheld or voided; goes to underwriters if rejected"
        />
        <Line label="Filer" value={<span className="break-all font-mono text-xs">{claim.filer}</span>} />
      </dl>
      <div>
        <p className="text-xs text-muted">Evidence</p>
        <Evidence text={item.evidence} verified={item.evidenceVerified} />
      </div>
      {head && (
        <p className={timedOut ? "font-medium text-amber-800 dark:text-amber-200" : "text-muted"}>
          {timedOut ? (
            <>
              This claim has been pending for over 30 days: anyone may now shut the MetaPool down, which voids the claim
              (its bond is returned) and ends all cover; underwriters then exit and seekers withdraw their deposits.
            </>
          ) : (
            <>
              If the arbiter has not ruled <Countdown target={timeoutAt} showDate={false} /> (
              {formatDateTime(timeoutAt)}, 30 days after filing), anyone may shut the MetaPool down, which voids this
              claim.
            </>
          )}
        </p>
      )}
    </li>
  );
}

/** Evidence as filed: a link when it is one, text otherwise; flagged if it does not match the on-chain hash. */
export function Evidence({ text, verified }: { text: string | undefined; verified: boolean | undefined }) {
  if (text === undefined) return <p className="text-muted">Loading the evidence from the filing event…</p>;
  const url = asHttpUrl(text);
  return (
    <div className="space-y-1">
      {url ? (
        <a className="break-all underline" href={url} target="_blank" rel="noopener noreferrer nofollow">
          {text}
        </a>
      ) : (
        <p className="whitespace-pre-wrap break-words">{text}</p>
      )}
      {verified === false && (
        <p className="text-xs font-medium text-red-700 dark:text-red-400">
          This text does not match the evidence hash stored on chain.
        </p>
      )}
    </div>
  );
}

function asHttpUrl(text: string): string | null {
  if (/\s/.test(text)) return null;
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

function Line({ label, value, sub }: { label: string; value: ReactNode; sub?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="tabular-nums">{value}</dd>
      {sub && <dd className="text-xs text-muted">{sub}</dd>}
    </div>
  );
}
