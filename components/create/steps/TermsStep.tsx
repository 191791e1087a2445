"use client";

import { TermLink } from "@/components/howItWorks/TermLink";
import { AmountField } from "@/components/ui/AmountField";

import { DurationField, StepIntro } from "../fields";
import type { StepProps } from "../types";

/** Step 6: how long underwriters wait to leave, how long before cover starts, the claim bond and the smallest purchase. */
export function TermsStep({ form, errors, update, shown, touch, asset }: StepProps) {
  const symbol = asset?.symbol ?? "tokens";
  const decimals = asset?.decimals ?? 18;
  return (
    <div className="space-y-6">
      <StepIntro title="Terms">
        These delays protect each side from the other: underwriters cannot run the moment an incident becomes public,
        and seekers cannot buy cover for an incident already under way.
      </StepIntro>
      <div className="grid gap-4 sm:grid-cols-2">
        <div onBlur={touch("withdrawalPeriod")}>
          <DurationField
            label="Withdrawal period"
            value={form.withdrawalPeriod}
            onChange={(withdrawalPeriod) => update({ withdrawalPeriod })}
            hint={
              <>
                1 hour to 365 days. An underwriter who requests a{" "}
                <TermLink term="withdrawal-request">withdrawal</TermLink> waits this long, then has 7 days to complete
                it; the capital keeps backing claims meanwhile.
              </>
            }
            error={shown("withdrawalPeriod", errors.withdrawalPeriod)}
          />
        </div>
        <div onBlur={touch("purchaseDelay")}>
          <DurationField
            label="Purchase delay"
            value={form.purchaseDelay}
            onChange={(purchaseDelay) => update({ purchaseDelay })}
            hint={
              <>
                1 hour to 30 days. A <TermLink term="purchase-delay">purchase</TermLink> becomes cover only after this
                delay; claims filed meanwhile freeze it.
              </>
            }
            error={shown("purchaseDelay", errors.purchaseDelay)}
          />
        </div>
        <div onBlur={touch("claimBond")}>
          <AmountField
            label="Claim bond"
            symbol={symbol}
            decimals={decimals}
            value={form.claimBond}
            onChange={(claimBond) => update({ claimBond })}
            hint={
              <>
                At least 1 {symbol}. Whoever files a <TermLink term="claim-bond">claim</TermLink> locks this; it is
                returned if the claim is valid and goes to underwriters if it is not, so frivolous claims cost
                something.
              </>
            }
            error={shown("claimBond", errors.claimBond)}
          />
        </div>
        <div onBlur={touch("minPurchase")}>
          <AmountField
            label="Minimum purchase"
            symbol={symbol}
            decimals={decimals}
            value={form.minPurchase}
            onChange={(minPurchase) => update({ minPurchase })}
            hint={`At least 0.01 ${symbol}. The smallest cover deposit a seeker may make, which keeps the purchase queue free of dust.`}
            error={shown("minPurchase", errors.minPurchase)}
          />
        </div>
      </div>
    </div>
  );
}
