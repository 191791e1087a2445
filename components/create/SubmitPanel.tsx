"use client";

import Link from "next/link";

import { TxProgress } from "@/components/tx/TxProgress";
import type { useCreateMetaPool } from "@/hooks/actions/create";

/** The review step's end: the transaction's progress, then Create (or Connect), with why it is blocked. */
export function SubmitPanel({
  flow,
  isConnected,
  openConnectModal,
  blocked,
  createdAt,
  onSubmit,
}: {
  flow: ReturnType<typeof useCreateMetaPool>;
  isConnected: boolean;
  openConnectModal?: () => void;
  /** Why Create cannot be pressed now, or undefined. */
  blocked?: string;
  /** The new MetaPool's address; "" when created but the address was not in the receipt. */
  createdAt?: string;
  onSubmit: () => void;
}) {
  return (
    <>
      <TxProgress flow={flow} onRetry={onSubmit} />
      {createdAt === "" && (
        <p className="text-sm">
          The MetaPool was created, but its address was not found in the receipt.{" "}
          <Link className="underline" href="/">
            Find it on Explore
          </Link>
          .
        </p>
      )}
      {createdAt && <p className="text-sm text-muted">Created. Opening your MetaPool…</p>}
      <div className="flex flex-wrap items-center gap-3">
        {!isConnected && openConnectModal ? (
          <button type="button" className="btn-primary" onClick={openConnectModal}>
            Connect a wallet
          </button>
        ) : (
          <button
            type="button"
            className="btn-primary"
            disabled={Boolean(blocked)}
            aria-describedby={blocked ? "create-submit-reason" : undefined}
            onClick={onSubmit}
            data-testid="create-submit"
          >
            {flow.status === "running" ? "Creating…" : "Create MetaPool"}
          </button>
        )}
        {blocked && (
          <span id="create-submit-reason" className="text-sm text-muted">
            {blocked}
          </span>
        )}
      </div>
    </>
  );
}
