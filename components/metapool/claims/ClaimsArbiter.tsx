"use client";

import { useAccount } from "wagmi";

import { ArbiterIdentity } from "@/components/arbiter/ArbiterIdentity";
import { ArbiterRecord } from "@/components/arbiter/ArbiterRecord";
import { TermLink } from "@/components/howItWorks/TermLink";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { arbiterLabel } from "@/lib/arbiter";
import { sameAddress } from "@/lib/format";

/** Who rules these claims and how it has ruled so far, before anyone files one. */
export function ClaimsArbiter() {
  const { view, details } = useMetaPoolContext();
  const { address: account } = useAccount();
  const arbiter = view.config.arbiter;
  return (
    <section
      aria-labelledby="claims-arbiter-heading"
      className="space-y-2 rounded-md border border-border p-3"
      data-testid="claims-arbiter"
    >
      <h3 id="claims-arbiter-heading" className="font-semibold">
        Who rules these claims
      </h3>
      <ArbiterIdentity
        address={arbiter}
        label={arbiterLabel(details.params.protectionStatement)}
        isYou={sameAddress(arbiter, account)}
      />
      <ArbiterRecord arbiter={arbiter} />
      <p className="text-xs text-muted">
        The <TermLink term="arbiter">arbiter</TermLink> alone decides whether each claim is valid, in filing order. If a
        claim waits 30 days for a ruling, anyone may shut the MetaPool down and the claim is void.
      </p>
    </section>
  );
}
