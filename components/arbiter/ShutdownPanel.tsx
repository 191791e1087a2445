"use client";

import { useState } from "react";
import type { Address } from "viem";

import { TxProgress } from "@/components/tx/TxProgress";
import { BeforeAfterRow } from "@/components/ui/BeforeAfter";
import { Field } from "@/components/ui/Field";
import { useShutdown } from "@/hooks/actions/claims";
import type { TokenMeta } from "@/hooks/useTokens";
import { metaPoolErrorContext } from "@/lib/errors/context";
import { formatAmount, formatDateTime } from "@/lib/format";
import { checkShutdown, checkTypedName } from "@/lib/forms/arbiter";
import type { MetaPoolView } from "@/lib/types/metaPool";

/**
 * `shutdown()` (SPEC §8) behind a typed confirmation: what it ends, with this MetaPool's numbers,
 * who may call it now, and a button enabled only once the exact name is typed.
 */
export function ShutdownPanel({
  view,
  asset,
  account,
  now,
  oldestFiledAt,
  pendingBonds,
}: {
  view: MetaPoolView;
  asset: TokenMeta;
  account: Address | undefined;
  now: bigint | undefined;
  oldestFiledAt: bigint | undefined;
  pendingBonds: bigint;
}) {
  const [typed, setTyped] = useState("");
  const [touched, setTouched] = useState(false);
  const name = view.config.name;
  const flow = useShutdown(
    {
      address: view.metaPool,
      asset,
      errorContext: metaPoolErrorContext(
        asset,
        view.pools.map((p) => p.name),
        now,
      ),
    },
    name,
  );
  const fmt = (v: bigint) => formatAmount(v, asset.decimals, { symbol: asset.symbol });
  const allowed = checkShutdown({
    account,
    arbiter: view.config.arbiter,
    shutDown: view.shutDown,
    pendingClaims: view.pendingClaims,
    firstPendingClaimId: view.firstPendingClaimId,
    oldestFiledAt,
    now,
  });
  const nameCheck = checkTypedName(typed, name);
  const running = flow.status === "running";
  const run = () => flow.run();

  if (view.shutDown) {
    return (
      <p className="text-sm text-muted">
        This MetaPool is shut down: no premium, no new deposits, purchases or claims. Underwriters exit and seekers
        withdraw from its page; your fees stay collectable above.
      </p>
    );
  }

  const inputError = touched && !nameCheck.ok && nameCheck.reason !== "empty" ? nameCheck.message : null;
  return (
    <div className="space-y-3">
      <p className="text-sm">
        Shutdown is <strong>permanent</strong>. Use it when the MetaPool can no longer be run honestly (for example you
        can no longer judge claims).
      </p>
      <dl className="divide-y divide-border rounded-md border border-border px-3">
        <BeforeAfterRow
          label="Pending claims"
          after={view.pendingClaims > 0n ? `${view.pendingClaims} voided` : "none"}
          note={view.pendingClaims > 0n ? `bonds (${fmt(pendingBonds)}) go back to their filers; no payout` : undefined}
        />
        <BeforeAfterRow
          label="Funding rate"
          after="0 for ever"
          note="no more premium for underwriters, no more fees for you"
        />
        <BeforeAfterRow
          label="Cover in force"
          before={fmt(view.totalActive)}
          after="none"
          note="seekers withdraw their remaining deposits"
        />
        <BeforeAfterRow
          label="Pending purchases"
          after={view.totalPending > 0n ? `${fmt(view.totalPending)} refundable` : "none"}
        />
        <BeforeAfterRow
          label="Underwriters' capital"
          after={`${fmt(view.capital)} can exit at once`}
          note="open withdrawal requests pay at once, no window, no free-capital cap"
        />
        <BeforeAfterRow label="Deposits, purchases, claims" after="refused" />
        <BeforeAfterRow label="Fees owed" after="stay collectable" />
      </dl>

      <Field
        label={
          <>
            Type <span className="font-mono">{name}</span> to confirm
          </>
        }
        hint="Exactly as shown: letter case and spaces count."
        error={inputError}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              flow.reset();
            }}
            onBlur={() => setTouched(true)}
            data-testid="shutdown-name"
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="btn-danger"
          disabled={!allowed.ok || !nameCheck.ok || running}
          onClick={run}
          data-testid="shutdown-submit"
        >
          Shut down {name}
        </button>
        <span className="text-sm text-muted">
          {!allowed.ok
            ? `${allowed.reason}${allowed.openAt !== undefined ? ` (${formatDateTime(allowed.openAt)})` : ""}`
            : !nameCheck.ok
              ? nameCheck.message
              : allowed.as === "anyone"
                ? "Open to anyone: a claim has waited 30 days for a ruling."
                : "Ready."}
        </span>
      </div>
      <TxProgress flow={flow} onRetry={run} />
    </div>
  );
}
