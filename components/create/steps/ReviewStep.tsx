"use client";

import type { ReactNode } from "react";
import type { Address } from "viem";

import { echoInline, formatBps, formatDuration, formatPercentWad, formatRateApr, sameAddress } from "@/lib/format";
import type { AssetInfo, CreateParams, CreateStepId } from "@/lib/forms/createMetaPool";

import { StepIntro } from "../fields";

/**
 * Step 7: every parameter in plain words, each with a way back to its step, before the one
 * transaction that fixes them for ever.
 */
export function ReviewStep({
  params,
  asset,
  creator,
  goTo,
  children,
}: {
  params: CreateParams;
  asset: AssetInfo;
  creator?: Address;
  goTo: (step: CreateStepId) => void;
  /** The submit area. */
  children: ReactNode;
}) {
  // Amounts shown like everywhere else (rounded down to two decimals), with the exact figure when that hides digits.
  const fmt = (v: bigint) => echoInline(v, asset.decimals, { symbol: asset.symbol });
  const selfArbiter = sameAddress(params.arbiter, creator);
  const underwriters = 10_000 - params.arbiterFeeBps - params.creatorFeeBps;
  const { baseRate, slope1, kink, slope2 } = params.curve;

  return (
    <div className="space-y-6">
      <StepIntro title="Review">Read every line: this is the MetaPool exactly as it will exist on chain.</StepIntro>

      <div
        role="note"
        className="rounded-lg border-2 border-amber-500 bg-amber-500/10 p-4 text-amber-950 dark:text-amber-100"
        data-testid="create-immutable-warning"
      >
        <p className="font-semibold">Nothing can ever be changed after creation.</p>
        <p className="mt-1 text-sm">
          No one, you included, can edit the asset, the arbiter, the texts, the pools, the fees, the curve or the terms
          once the MetaPool exists. There is no owner, admin, pause or upgrade. To change anything you would create a
          new MetaPool.
        </p>
      </div>

      <Section title="Asset" step="asset" goTo={goTo}>
        <Line label="Token">
          {asset.symbol} ({asset.decimals} decimals) <Mono>{asset.address}</Mono>
        </Line>
      </Section>

      <Section title="Describe" step="describe" goTo={goTo}>
        <Line label="Name">{params.name}</Line>
        <Line label="Protection statement">
          <span className="block max-h-64 overflow-auto whitespace-pre-wrap rounded-md bg-background p-3">
            {params.protectionStatement}
          </span>
        </Line>
      </Section>

      <Section title={`Coverage pools (${params.pools.length})`} step="pools" goTo={goTo}>
        <ol className="space-y-2">
          {params.pools.map((pool, i) => (
            <li key={i} className="text-sm">
              <span className="font-medium">
                {i + 1}. {pool.name}
              </span>
              {pool.description && <span className="block text-muted">{pool.description}</span>}
            </li>
          ))}
        </ol>
      </Section>

      <Section title="Arbiter & fees" step="arbiter" goTo={goTo}>
        <Line label="Arbiter">
          <Mono>{params.arbiter}</Mono>
          {selfArbiter && <span className="font-medium text-amber-800 dark:text-amber-200"> (you)</span>}. Alone decides
          whether each claim is valid, rules claims in filing order, and may shut the MetaPool down.
          {selfArbiter && " You would rule on claims against your own MetaPool."}
        </Line>
        <Line label="Fees">
          Of every premium, {formatBps(params.arbiterFeeBps)} goes to the arbiter, {formatBps(params.creatorFeeBps)} to
          you as creator, and {formatBps(underwriters)} to underwriters.
        </Line>
        <Line label="Payout">
          {params.payoutMultiple === 0
            ? "Uncapped: a valid claim pays the pool's cover plus all of the MetaPool's unused capital, and every pool pays premium on that whole amount."
            : `Capped at ${params.payoutMultiple}× cover: a valid claim pays the pool's cover plus up to ${params.payoutMultiple - 1}× it from unused capital.`}
        </Line>
      </Section>

      <Section title="Funding curve" step="curve" goTo={goTo}>
        <Line label="Rate">
          {formatRateApr(baseRate)} with no capital in use, rising evenly to {formatRateApr(baseRate + slope1)} at{" "}
          {formatPercentWad(kink)} utilisation, then steeply to {formatRateApr(baseRate + slope1 + slope2)} when all
          capital open to a pool is in use. Charged on each pool&apos;s payout.
        </Line>
      </Section>

      <Section title="Terms" step="terms" goTo={goTo}>
        <Line label="Withdrawal period">
          {formatDuration(BigInt(params.withdrawalPeriod))}: underwriters wait this long after requesting a withdrawal,
          then have 7 days to complete it.
        </Line>
        <Line label="Purchase delay">
          {formatDuration(BigInt(params.purchaseDelay))}: a purchase becomes cover this long after it is made.
        </Line>
        <Line label="Claim bond">
          {fmt(params.claimBond)} locked by whoever files a claim; returned if valid, paid to underwriters if not.
        </Line>
        <Line label="Minimum purchase">{fmt(params.minPurchase)} per purchase of cover.</Line>
      </Section>

      <div className="card space-y-3">
        <h3 className="font-medium">What this transaction does</h3>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>Before: no such MetaPool. After: a new, empty MetaPool with the parameters above, listed on Explore.</li>
          <li>You become its creator and earn the creator fee; you get no other power over it.</li>
          <li>No tokens move; you pay only the network fee. Underwriters deposit capital afterwards.</li>
        </ul>
        {children}
      </div>
    </div>
  );
}

function Section({
  title,
  step,
  goTo,
  children,
}: {
  title: string;
  step: CreateStepId;
  goTo: (step: CreateStepId) => void;
  children: ReactNode;
}) {
  return (
    <section className="card space-y-2" aria-label={title}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-medium">{title}</h3>
        <button type="button" className="btn-secondary" onClick={() => goTo(step)} aria-label={`Edit ${title}`}>
          Edit
        </button>
      </div>
      <dl className="space-y-2">{children}</dl>
    </section>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 text-sm sm:grid-cols-[10rem_1fr]">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function Mono({ children }: { children: ReactNode }) {
  return <span className="break-all font-mono text-xs">{children}</span>;
}
