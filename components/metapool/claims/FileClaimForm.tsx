"use client";

import { useState, type FormEvent } from "react";
import { useAccount } from "wagmi";

import { ClaimPoolHint } from "@/components/metapool/claims/ClaimPoolHint";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { TxProgress } from "@/components/tx/TxProgress";
import { BeforeAfter, type Change } from "@/components/ui/BeforeAfter";
import { Field } from "@/components/ui/Field";
import { useFileClaim } from "@/hooks/actions/claims";
import { useLatestBlockTime } from "@/hooks/useChainNow";
import { useResetFailedFlow } from "@/hooks/useResetFailedFlow";
import { useTokenBalance } from "@/hooks/useTokens";
import { PAYOUT_LABEL, payoutShare } from "@/lib/economics/payout";
import { formatDateTime, formatDuration } from "@/lib/format";
import { clearIfStill } from "@/lib/forms/amount";
import {
  ceilToMinute,
  checkClaim,
  claimPoolOptions,
  coverStartOf,
  evidenceBytes,
  floorToMinute,
  MAX_EVIDENCE_BYTES,
  toUtcDateTimeText,
} from "@/lib/forms/claim";

/**
 * File a claim: a holder of current-epoch cover names the pool, the incident time (UTC, 24-hour, from
 * when the holder's own cover began and not in the future) and the evidence, sees what an upheld claim
 * would pay them, and posts the bond: approve → fileClaim. Once filed, the form says so and waits:
 * the pool now has a pending claim, which is not an error of the form.
 */
export function FileClaimForm() {
  const target = useMetaPoolContext();
  const { view, asset, position, fmt } = target;
  // The latest incident time is the latest block's: the contract refuses one after block.timestamp, and the
  // simulation before signing runs at the latest block, which on an idle chain lags the ticking clock.
  // (The ticking clock never runs behind that block, so it is the block's time the form needs, re-read per block.)
  const now = useLatestBlockTime();
  const { address: account } = useAccount();
  const balance = useTokenBalance(account ? asset.address : undefined);
  const flow = useFileClaim(target);

  const holdings = position?.cover ?? [];
  const options = claimPoolOptions(view.pools, holdings);
  const firstOpen = options.find((o) => !o.blocked)?.poolId ?? null;
  const [chosen, setChosen] = useState<number | null>(null);
  const poolId = chosen ?? firstOpen;
  const [incidentTime, setIncidentTime] = useState("");
  const [evidence, setEvidence] = useState("");
  const [submitted, setSubmitted] = useState(false);
  useResetFailedFlow(flow, [poolId, incidentTime, evidence]);

  const [filedOn, setFiledOn] = useState<string>();
  const purchases = (position?.purchases ?? []).map((p) => ({
    poolId: Number(p.record.poolId),
    maturesAt: BigInt(p.record.maturesAt),
    receiver: p.record.receiver,
    matured: p.state === "matured" || p.state === "maturing",
  }));
  const coverStart = view.pools.map((p, i) =>
    account ? coverStartOf(purchases, i, BigInt(p.epochOpenedAt), account) : undefined,
  );

  const bond = view.config.claimBond;
  const delay = BigInt(view.config.purchaseDelay);
  const check = checkClaim(
    { poolId, incidentTime, evidence },
    {
      shutDown: view.shutDown,
      pools: view.pools,
      epochOpenedAt: view.pools.map((p) => BigInt(p.epochOpenedAt)),
      coverStart,
      holdings,
      now: now ?? 0n,
      bond,
      balance: balance.data,
      asset,
    },
  );
  const errors = check.ok ? {} : check.errors;
  const pool = poolId !== null ? view.pools[poolId] : undefined;
  const myStart = poolId !== null ? coverStart[poolId] : undefined;
  // The earliest incident the form offers: when the account's own cover began, else the epoch.
  const openedAt = myStart ?? (pool ? BigInt(pool.epochOpenedAt) : undefined);
  const myTokens = poolId !== null ? (options.find((o) => o.poolId === poolId)?.tokens ?? 0n) : 0n;
  const myCover = holdings
    .filter((h) => h.poolId === poolId && pool && h.epoch === pool.epoch && !h.closed)
    .reduce((sum, h) => sum + h.underlying, 0n);
  const myPayout = pool ? payoutShare(pool.payout, myTokens, pool.coverSupply) : 0n;
  const bytes = evidenceBytes(evidence.trim());

  if (view.shutDown) {
    return (
      <p className="text-sm text-muted">
        This MetaPool is shut down: cover is no longer in force and no claim can be filed.
      </p>
    );
  }
  if (!account)
    return <p className="text-sm text-muted">Connect a wallet holding cover in this MetaPool to file a claim.</p>;
  if (filedOn !== undefined) {
    return (
      <div className="space-y-3" data-testid="claim-filed">
        <p className="text-sm">
          Your claim on <span className="font-medium">{filedOn}</span> is filed and listed under Pending above. The
          arbiter rules on it; until then deposits, withdrawals and purchases in this MetaPool wait.
        </p>
        <TxProgress flow={flow} />
        <button
          type="button"
          className="btn-secondary"
          onClick={() => {
            setFiledOn(undefined);
            setChosen(null);
            flow.reset();
          }}
        >
          File another claim
        </button>
      </div>
    );
  }
  if (options.length === 0) {
    return (
      <p className="text-sm text-muted">
        Only holders of a pool&apos;s current cover can file a claim on it, and you hold none in this MetaPool. Buy
        protection above; once it matures you can claim.
      </p>
    );
  }

  const file = () =>
    check.ok ? flow.run(check.poolId, view.pools[check.poolId]!.name, check.incidentTime, check.evidence, bond) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const filedPool = check.ok ? view.pools[check.poolId]!.name : undefined;
    const sent = { incidentTime, evidence };
    if (await file()) {
      setIncidentTime(clearIfStill(sent.incidentTime, ""));
      setEvidence(clearIfStill(sent.evidence, ""));
      setSubmitted(false);
      setFiledOn(filedPool);
    }
  };

  const show = (field: keyof typeof errors, touched: boolean) => ((submitted || touched) && errors[field]) || null;
  const firstError = errors.pool ?? errors.incidentTime ?? errors.evidence ?? errors.bond ?? errors.form ?? null;
  const reason =
    flow.status === "running"
      ? "Waiting for the current transaction…"
      : now === undefined
        ? "Waiting for the chain's clock…"
        : firstError;

  const changes: Change[] = [];
  if (check.ok && pool) {
    if (balance.data !== undefined)
      changes.push({ label: "Your wallet", before: fmt(balance.data), after: fmt(balance.data - bond) });
    changes.push(
      { label: `${pool.name}`, before: "no claim pending", after: "claim pending" },
      { label: "Deposits, withdrawals, purchases", before: "open", after: "frozen until the ruling" },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="file-claim-form">
      <Field
        label="Coverage pool"
        error={show("pool", chosen !== null)}
        hint={<ClaimPoolHint options={options} poolId={poolId} decimals={asset.decimals} pools={view.pools} />}
      >
        {(control) => (
          <select
            {...control}
            className="input w-full min-w-0 max-w-full"
            value={poolId ?? ""}
            onChange={(e) => setChosen(e.target.value === "" ? null : Number(e.target.value))}
          >
            {firstOpen === null && <option value="">Choose a pool</option>}
            {options.map((o) => (
              <option key={o.poolId} value={o.poolId} disabled={Boolean(o.blocked)}>
                {o.blocked ? `${o.name} (unavailable)` : o.name}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field
        label="Incident time (UTC)"
        error={show("incidentTime", incidentTime !== "")}
        hint={
          openedAt !== undefined && now !== undefined ? (
            <>
              In UTC, 24-hour, as YYYY-MM-DD HH:MM: between {formatDateTime(ceilToMinute(openedAt))} (when{" "}
              {myStart !== undefined ? "your cover in this pool began" : "this pool's current cover began"}) and now (
              {formatDateTime(floorToMinute(now))}, chain time).
            </>
          ) : (
            "In UTC, 24-hour, as YYYY-MM-DD HH:MM."
          )
        }
      >
        {(control) => (
          <div className="flex gap-2">
            {/* Text, not datetime-local: the browser's picker shows local 12-hour time; the app speaks UTC. */}
            <input
              {...control}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              className="input min-w-0 tabular-nums"
              placeholder={now !== undefined ? toUtcDateTimeText(floorToMinute(now)) : "YYYY-MM-DD HH:MM"}
              value={incidentTime}
              onChange={(e) => setIncidentTime(e.target.value)}
              data-testid="claim-incident-time"
            />
            <button
              type="button"
              className="btn-secondary shrink-0"
              disabled={now === undefined}
              onClick={() => now !== undefined && setIncidentTime(toUtcDateTimeText(floorToMinute(now)))}
            >
              Now
            </button>
          </div>
        )}
      </Field>

      <Field
        label="Evidence (text or link)"
        error={show("evidence", evidence !== "")}
        hint={
          <>
            What happened and where it is reported, for the arbiter. Public on chain.{" "}
            <span className={bytes > MAX_EVIDENCE_BYTES ? "font-medium text-red-700 dark:text-red-400" : ""}>
              {bytes} / {MAX_EVIDENCE_BYTES} bytes
            </span>
          </>
        }
      >
        {(control) => (
          <textarea
            {...control}
            className="input min-h-24"
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            placeholder="https://… post-mortem, exploit transaction, or a description"
            data-testid="claim-evidence"
          />
        )}
      </Field>

      <div className="space-y-1 rounded-md border border-border p-3 text-sm">
        <p>
          Filing takes a bond of <span className="font-semibold">{fmt(bond)}</span> from your wallet
          {balance.data !== undefined && <> (you hold {fmt(balance.data)})</>}. It comes back if the arbiter upholds the
          claim or the claim is voided by a shutdown; if the claim is rejected it goes to the underwriters.
        </p>
        {errors.bond && <p className="text-xs font-medium text-red-700 dark:text-red-400">{errors.bond}</p>}
        <p className="text-muted">
          File within the purchase delay ({formatDuration(delay)}) of an incident becoming public: purchases made after
          the incident are then still pending, so your filing freezes them and a valid ruling refunds them instead of
          letting them share the payout.
        </p>
        <p className="text-muted">
          The arbiter alone decides, reading the protection statement. While your claim is pending, withdrawing your
          cover from this pool forfeits its share of the payout.
        </p>
      </div>

      {pool && myTokens > 0n && (
        <p className="rounded-md bg-background p-3 text-sm" data-testid="claim-if-upheld">
          If the arbiter upholds this claim, you would receive{" "}
          <span className="font-semibold">{fmt(myCover + myPayout)}</span>: your cover ({fmt(myCover)}) back plus{" "}
          {PAYOUT_LABEL.mine.charAt(0).toLowerCase() + PAYOUT_LABEL.mine.slice(1)}, {fmt(myPayout)}, and your{" "}
          {fmt(bond)} bond returned. Figures at today&apos;s capital; the payout is fixed at the ruling.
        </p>
      )}

      {changes.length > 0 && <BeforeAfter changes={changes} />}

      {errors.form && <p className="text-sm text-muted">{errors.form}</p>}
      <div className="space-y-2">
        <button type="submit" className="btn-primary" disabled={Boolean(reason)} data-testid="claim-submit">
          File claim and post {fmt(bond)} bond
        </button>
        {reason && <p className="text-sm text-muted">{reason}</p>}
      </div>
      <TxProgress flow={flow} onRetry={() => void file()} />
    </form>
  );
}
