"use client";

import type { Fmt } from "@/components/arbiter/RulingConsequences";
import { Badge } from "@/components/ui/Badge";
import { Countdown } from "@/components/ui/Countdown";
import type { PendingClaim } from "@/hooks/useArbiterDesk";
import { formatDateTime, formatDuration, shortAddress } from "@/lib/format";
import { claimTimeoutAt, isClaimOverdue, type Approval, type Rejection, type RulingCheck } from "@/lib/forms/arbiter";

/**
 * One pending claim in the queue: what was claimed and when, how long it has waited, what each
 * ruling would do in one line, and the two actions (only on the first claim in filing order).
 */
export function ClaimItem({
  claim,
  position,
  poolName,
  poolDescription,
  now,
  fmt,
  approval,
  rejection,
  check,
  onRule,
  busy,
}: {
  claim: PendingClaim;
  position: number;
  poolName: string;
  poolDescription: string | undefined;
  now: bigint | undefined;
  fmt: Fmt;
  approval: Approval;
  rejection: Rejection;
  check: RulingCheck;
  onRule: (valid: boolean, trigger: HTMLButtonElement) => void;
  busy: boolean;
}) {
  const c = claim.claim;
  const filedAt = BigInt(c.filedAt);
  const overdue = now !== undefined && isClaimOverdue(filedAt, now);
  const headingId = `claim-${claim.id}-heading`;
  return (
    <li
      className="space-y-3 rounded-md border border-border p-3"
      aria-labelledby={headingId}
      data-testid={`claim-${claim.id}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h4 id={headingId} className="font-semibold">
          Claim #{claim.id.toString()} · {poolName}
        </h4>
        <Badge tone={position === 0 ? "warn" : "neutral"}>
          {position === 0 ? "Next to rule" : `In queue, #${position + 1}`}
        </Badge>
        {overdue && <Badge tone="bad">Over 30 days: anyone may shut down</Badge>}
      </div>
      {poolDescription && <p className="text-xs text-muted">{poolDescription}</p>}

      <div>
        <p className="text-xs font-medium text-muted">Evidence</p>
        {claim.evidence !== undefined ? (
          <blockquote className="mt-1 whitespace-pre-wrap break-words border-l-2 border-border pl-3 text-sm">
            <Linkified text={claim.evidence} />
          </blockquote>
        ) : (
          <p className="mt-1 text-sm text-muted">
            The filing event could not be read; the stored hash is{" "}
            <span className="break-all font-mono text-xs">{c.evidenceHash}</span>.
          </p>
        )}
        {claim.evidence !== undefined && !claim.evidenceVerified && (
          <p className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
            This text does not match the hash stored at filing: do not rely on it.
          </p>
        )}
      </div>

      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-muted">Incident</dt>
          <dd>{formatDateTime(c.incidentTime)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Filed</dt>
          <dd>{formatDateTime(filedAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Waiting</dt>
          <dd className={overdue ? "font-medium text-red-700 dark:text-red-400" : undefined}>
            {now === undefined ? "…" : formatDuration(now - filedAt)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Open to anyone&apos;s shutdown</dt>
          <dd>
            <Countdown target={claimTimeoutAt(filedAt)} doneText="now" />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Filer</dt>
          <dd className="font-mono text-xs">{shortAddress(c.filer)}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">Bond</dt>
          <dd>{fmt(c.bond)}</dd>
        </div>
      </dl>

      <div className="grid gap-2 text-sm sm:grid-cols-2">
        <p className="rounded-md bg-red-600/5 p-2">
          <span className="font-medium">Approve:</span> {fmt(approval.payout)} leaves capital (
          {fmt(approval.capitalBefore)} → {fmt(approval.capitalAfter)}); {poolName} holders redeem{" "}
          {fmt(approval.redeemable)}; the bond goes back to the filer.
        </p>
        <p className="rounded-md bg-border/30 p-2">
          <span className="font-medium">Reject:</span> the {fmt(rejection.bondToCapital)} bond goes to
          underwriters&apos; capital; cover stays in force.
        </p>
      </div>
      {position > 0 && (
        <p className="text-xs text-muted">
          Figures as things stand now; the ruling on the earlier claim will change them.
        </p>
      )}

      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="btn-danger"
          disabled={!check.ok || busy}
          onClick={(e) => onRule(true, e.currentTarget)}
          data-testid={`approve-claim-${claim.id}`}
        >
          Approve claim #{claim.id.toString()}
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={!check.ok || busy}
          onClick={(e) => onRule(false, e.currentTarget)}
          data-testid={`reject-claim-${claim.id}`}
        >
          Reject claim #{claim.id.toString()}
        </button>
        {!check.ok && <span className="text-sm text-muted">{check.reason}</span>}
      </div>
    </li>
  );
}

/** Evidence text with its http(s) links clickable (opened without a referrer). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} target="_blank" rel="noopener noreferrer nofollow" className="break-all underline">
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
