"use client";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { formatDateTime } from "@/lib/format";
import { evidenceMatches } from "@/lib/forms/claim";
import type { ClaimRecord, ClaimStatus } from "@/lib/history";

import { Evidence } from "./PendingClaims";

const STATUS: Record<ClaimStatus, { tone: BadgeTone; text: string }> = {
  pending: { tone: "warn", text: "Pending" },
  valid: { tone: "good", text: "Upheld" },
  invalid: { tone: "bad", text: "Rejected" },
  voided: { tone: "neutral", text: "Voided by shutdown" },
};

/** Ruled and voided claims, newest first, from the MetaPool's events. */
export function PastClaims({ claims }: { claims: readonly ClaimRecord[] }) {
  const { poolNames, fmt } = useMetaPoolContext();
  const past = [...claims.filter((c) => c.status !== "pending")].reverse();
  if (past.length === 0) return null;
  return (
    <details className="rounded-md border border-border p-3 text-sm">
      <summary className="cursor-pointer font-medium">Past claims ({past.length})</summary>
      <ul className="mt-3 divide-y divide-border">
        {past.map((c) => (
          <li key={c.claimId.toString()} className="space-y-1 py-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="font-medium">
                Claim #{c.claimId.toString()} on {poolNames[c.poolId] ?? `pool #${c.poolId}`}
              </p>
              <Badge tone={STATUS[c.status].tone}>{STATUS[c.status].text}</Badge>
            </div>
            <p className="text-muted">
              Incident {formatDateTime(c.incidentTime)} · filed {formatDateTime(c.filedAt)}
              {c.decidedAt !== undefined && <> · decided {formatDateTime(c.decidedAt)}</>}
            </p>
            {c.status === "valid" && c.payout !== undefined && (
              <p>
                Paid {fmt(c.payout)} from underwriters&apos; capital; holders redeem {fmt(c.redeemable ?? 0n)} in all.
              </p>
            )}
            {c.status === "invalid" && <p className="text-muted">The {fmt(c.bond)} bond went to the underwriters.</p>}
            <Evidence text={c.evidence} verified={evidenceMatches(c.evidence, c.evidenceHash)} />
          </li>
        ))}
      </ul>
    </details>
  );
}
