"use client";

import type { ReactNode } from "react";

import { ArbiterIdentity } from "@/components/arbiter/ArbiterIdentity";
import { ArbiterRecord } from "@/components/arbiter/ArbiterRecord";
import { TermLink } from "@/components/howItWorks/TermLink";
import { CopyAddress } from "@/components/metapool/CopyAddress";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { arbiterLabel } from "@/lib/arbiter";
import { formatBps, formatDuration, formatPercentWad, formatRateApr } from "@/lib/format";
import { WITHDRAWAL_WINDOW } from "@/lib/protocol";

function Row({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-border py-2 last:border-b-0 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="text-sm text-muted">{term}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

/** The protection statement in full, line breaks kept: what the arbiter will judge claims against. */
export function ProtectionStatement() {
  const { details } = useMetaPoolContext();
  return (
    <section aria-labelledby="statement-heading" className="card space-y-2">
      <h2 id="statement-heading" className="text-lg font-semibold">
        <TermLink term="protection-statement">Protection statement</TermLink>
      </h2>
      <p className="text-sm text-muted">What counts as a valid claim. The arbiter interprets it and rules alone.</p>
      <blockquote
        data-testid="protection-statement"
        className="max-h-96 overflow-y-auto rounded-md border border-border bg-background p-3 text-sm break-words whitespace-pre-wrap"
      >
        {details.params.protectionStatement}
      </blockquote>
    </section>
  );
}

/** Every parameter fixed at creation (SPEC §2), with what it means for the user. */
export function Parameters() {
  const { view, details, asset, fmt } = useMetaPoolContext();
  const c = view.config;
  const multiple = BigInt(c.payoutMultiple);
  return (
    <section aria-labelledby="params-heading" className="card space-y-3">
      <div className="space-y-1">
        <h2 id="params-heading" className="text-lg font-semibold">
          Parameters
        </h2>
        <p className="text-sm text-muted">
          Immutable: nothing here can ever change. There is no owner, admin, pause or upgrade; a different set of rules
          means a new MetaPool.
        </p>
      </div>
      <dl>
        <Row term="Asset">
          <span className="font-medium">
            {asset.symbol}{" "}
            <span className="text-muted">
              ({asset.name}, {asset.decimals} decimals)
            </span>
          </span>
          <div>
            <CopyAddress address={asset.address} label={`${asset.symbol} token`} />
          </div>
        </Row>
        <Row term={<TermLink term="arbiter">Arbiter</TermLink>}>
          <ArbiterIdentity address={c.arbiter} label={arbiterLabel(details.params.protectionStatement)} />
          <ArbiterRecord arbiter={c.arbiter} />
          <p className="text-xs text-muted">
            Rules on claims alone, in filing order, and may shut the MetaPool down. If a claim waits 30 days for a
            ruling, anyone may shut it down (the claim is then void).
          </p>
        </Row>
        <Row term="Creator">
          <CopyAddress address={c.creator} label="creator" />
          <p className="text-xs text-muted">Earns the creator fee; no other power.</p>
        </Row>
        <Row term={<TermLink term="fees">Fees</TermLink>}>
          Arbiter {formatBps(c.arbiterFeeBps)} · creator {formatBps(c.creatorFeeBps)} of every premium; the rest goes to
          underwriters.
        </Row>
        <Row term={<TermLink term="funding-rate">Funding curve</TermLink>}>
          <ul className="space-y-0.5">
            <li>Base rate {formatRateApr(c.curve.baseRate)}</li>
            <li>
              + slope 1 {formatPercentWad(c.curve.slope1)} up to the kink at {formatPercentWad(c.curve.kink)}{" "}
              <TermLink term="utilisation">utilisation</TermLink>
            </li>
            <li>+ slope 2 {formatPercentWad(c.curve.slope2)} from the kink to 100 %</li>
          </ul>
          <p className="text-xs text-muted">
            A pool pays rate × its payout per year, out of its seekers&apos; deposits.
          </p>
        </Row>
        <Row term={<TermLink term="payout-multiple">Payout multiple</TermLink>}>
          {multiple === 0n ? (
            <>
              Uncapped
              <p className="text-xs text-muted">
                A valid claim pays the pool&apos;s cover plus all free capital (and every pool pays premium on it).
              </p>
            </>
          ) : (
            <>
              {multiple.toString()}× cover
              <p className="text-xs text-muted">
                A valid claim pays the pool&apos;s cover plus at most {(multiple - 1n).toString()}× that cover from free
                capital.
              </p>
            </>
          )}
        </Row>
        <Row term={<TermLink term="purchase-delay">Purchase delay</TermLink>}>
          {formatDuration(c.purchaseDelay)}
          <p className="text-xs text-muted">A purchase becomes cover this long after it is made.</p>
        </Row>
        <Row term={<TermLink term="withdrawal-period">Withdrawal period</TermLink>}>
          {formatDuration(c.withdrawalPeriod)}
          <p className="text-xs text-muted">
            Underwriters wait this long between requesting a withdrawal and taking it.
          </p>
        </Row>
        <Row term={<TermLink term="withdrawal-window">Withdrawal window</TermLink>}>
          {formatDuration(WITHDRAWAL_WINDOW)}
          <p className="text-xs text-muted">
            After unlocking (or after the latest claim ruling, whichever is later) a request can be taken for 7 days;
            after that it can only be cancelled and requested again.
          </p>
        </Row>
        <Row term={<TermLink term="claim-bond">Claim bond</TermLink>}>
          {fmt(c.claimBond)}
          <p className="text-xs text-muted">
            Paid by whoever files a claim; returned if the claim is valid, added to capital if not.
          </p>
        </Row>
        <Row term="Minimum purchase">{fmt(c.minPurchase, { rounding: "up" })}</Row>
      </dl>
    </section>
  );
}
