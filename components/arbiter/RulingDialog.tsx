"use client";

import { useEffect, useRef, type RefObject } from "react";

import { ApprovalLines, RejectionLines, type Fmt } from "@/components/arbiter/RulingConsequences";
import { TxProgress } from "@/components/tx/TxProgress";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import type { PendingClaim } from "@/hooks/useArbiterDesk";
import type { FlowState } from "@/hooks/useTransactionFlow";
import { formatDateTime } from "@/lib/format";
import type { Approval, Rejection } from "@/lib/forms/arbiter";

export interface RulingDraft {
  claim: PendingClaim;
  valid: boolean;
  poolName: string;
  /** The numbers the arbiter confirms, frozen when the dialog opened. */
  approval: Approval;
  rejection: Rejection;
  at: bigint | undefined;
}

/** The arbiter confirms one ruling against the figures it will have, then follows its transaction. */
export function RulingDialog({
  draft,
  metaPoolName,
  flow,
  fmt,
  fmtTokens,
  onRule,
  onClose,
  returnFocus,
}: {
  draft: RulingDraft;
  metaPoolName: string;
  flow: FlowState;
  fmt: Fmt;
  fmtTokens: (v: bigint) => string;
  onRule: () => void;
  onClose: () => void;
  returnFocus: RefObject<HTMLElement | null>;
}) {
  const doneRef = useRef<HTMLButtonElement>(null);
  const running = flow.status === "running";
  const verb = draft.valid ? "Approve" : "Reject";
  // The confirm button leaves when the ruling confirms: keep focus inside the dialog, on "Done".
  useEffect(() => {
    if (flow.status === "confirmed") doneRef.current?.focus();
  }, [flow.status]);

  return (
    <ConfirmDialog
      testId="ruling-dialog"
      title={`${verb} claim #${draft.claim.id} on ${draft.poolName}?`}
      description={
        <>
          {metaPoolName} · figures projected to {draft.at !== undefined ? formatDateTime(draft.at) : "now"}; the ruling
          also charges the premium accrued until it is mined. A ruling is final.
        </>
      }
      onClose={onClose}
      dismissable={!running}
      returnFocus={returnFocus}
      footer={
        flow.status === "confirmed" ? (
          <button type="button" ref={doneRef} className="btn-primary" onClick={onClose}>
            Done
          </button>
        ) : (
          <>
            <button type="button" className="btn-secondary" onClick={onClose} disabled={running} data-autofocus>
              Cancel
            </button>
            <button
              type="button"
              className={draft.valid ? "btn-danger" : "btn-primary"}
              disabled={running}
              onClick={onRule}
              data-testid="ruling-confirm"
            >
              {flow.status === "failed" ? "Try again" : `${verb} claim #${draft.claim.id}`}
            </button>
          </>
        )
      }
    >
      {draft.valid ? (
        <ApprovalLines
          a={draft.approval}
          fmt={fmt}
          fmtTokens={fmtTokens}
          poolName={draft.poolName}
          holders={draft.claim.holders}
          filer={draft.claim.claim.filer}
        />
      ) : (
        <RejectionLines
          r={draft.rejection}
          fmt={fmt}
          poolName={draft.poolName}
          filer={draft.claim.claim.filer}
          at={draft.at}
        />
      )}
      <TxProgress flow={flow} />
    </ConfirmDialog>
  );
}
