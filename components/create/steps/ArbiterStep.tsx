"use client";

import { TermLink } from "@/components/howItWorks/TermLink";
import { AddressInput } from "@/components/ui/AddressInput";
import { Field } from "@/components/ui/Field";
import { formatBps } from "@/lib/format";
import { checkArbiter, checkFees, checkPayoutMultiple } from "@/lib/forms/createMetaPool";

import { StepIntro, SuffixField, Warning } from "../fields";
import { PayoutExample } from "../PayoutExample";
import type { StepProps } from "../types";

/** Step 4: who rules on claims, what the arbiter and the creator earn, and how much a valid claim pays. */
export function ArbiterStep({ form, errors, update, shown, touch, asset, creator }: StepProps) {
  const arbiter = checkArbiter(form.arbiter, creator);
  const warning = arbiter.ok ? arbiter.value.warning : undefined;
  const fees = checkFees(form.arbiterFee, form.creatorFee).value;
  const multiple = checkPayoutMultiple(form.payout);

  return (
    <div className="space-y-6">
      <StepIntro title="Arbiter & fees">
        The <TermLink term="arbiter">arbiter</TermLink> alone decides whether a claim is valid, rules claims in filing
        order, and may shut the MetaPool down. Choose an address seekers can trust: a multisig or a known claims
        committee.
      </StepIntro>

      <div className="space-y-2">
        <Field
          label="Arbiter address"
          hint="Any address but zero. It can never be replaced."
          error={shown("arbiter", errors.arbiter)}
        >
          {(control) => (
            <div className="flex flex-col gap-2 sm:flex-row">
              <AddressInput
                {...control}
                value={form.arbiter}
                onChange={(e) => update({ arbiter: e.target.value })}
                onBlur={touch("arbiter")}
                data-testid="create-arbiter"
              />
              {creator && (
                <button type="button" className="btn-secondary shrink-0" onClick={() => update({ arbiter: creator })}>
                  Use my address
                </button>
              )}
            </div>
          )}
        </Field>
        {warning && <Warning>{warning}</Warning>}
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">
          Fees, as a share of every <TermLink term="premium">premium</TermLink>
        </legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SuffixField
            label="Arbiter fee"
            suffix="%"
            value={form.arbiterFee}
            onChange={(arbiterFee) => update({ arbiterFee })}
            onBlur={touch("arbiterFee")}
            error={shown("arbiterFee", errors.arbiterFee)}
            hint="Pays the arbiter for ruling on claims."
            testId="create-arbiter-fee"
          />
          <SuffixField
            label="Creator fee (yours)"
            suffix="%"
            value={form.creatorFee}
            onChange={(creatorFee) => update({ creatorFee })}
            onBlur={touch("creatorFee")}
            error={shown("creatorFee", errors.creatorFee)}
            hint="Paid to you, the creator, for as long as the MetaPool earns premium."
            testId="create-creator-fee"
          />
        </div>
        {errors.fees ? (
          <p className="text-sm font-medium text-red-700 dark:text-red-400">{errors.fees}</p>
        ) : (
          fees && (
            <p className="text-sm text-muted">
              Of every premium, the arbiter takes {formatBps(fees.arbiterFeeBps)}, you take{" "}
              {formatBps(fees.creatorFeeBps)} and underwriters keep{" "}
              {formatBps(10_000n - fees.arbiterFeeBps - fees.creatorFeeBps)}. The two fees may take at most 50 %
              together.
            </p>
          )
        )}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">
          What a valid claim pays (<TermLink term="payout">payout</TermLink>)
        </legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="create-payout"
            className="mt-1"
            checked={form.payout.capped}
            onChange={() => update({ payout: { ...form.payout, capped: true } })}
          />
          <span>
            <span className="font-medium">Capped (recommended)</span>: a pool&apos;s seekers get at most a multiple of
            their cover back. Premium is charged on that payout, so a cap keeps cover affordable and its price
            predictable.
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="create-payout"
            className="mt-1"
            checked={!form.payout.capped}
            onChange={() => update({ payout: { ...form.payout, capped: false } })}
          />
          <span>
            <span className="font-medium">Uncapped</span>: a valid claim pays the pool&apos;s cover plus all of the
            MetaPool&apos;s free capital, and every pool pays premium on that whole amount: a seeker&apos;s premium and
            payout rise and fall with every underwriter&apos;s deposit and withdrawal.
          </span>
        </label>
        {form.payout.capped && (
          <div className="max-w-xs">
            <SuffixField
              label="Payout multiple"
              suffix="×"
              inputMode="numeric"
              value={form.payout.multiple}
              onChange={(text) => update({ payout: { ...form.payout, multiple: text } })}
              onBlur={touch("payoutMultiple")}
              hint="1 to 10 000. 1× returns the cover deposit; 3× pays up to three times it."
              error={shown("payoutMultiple", errors.payout)}
              testId="create-payout-multiple"
            />
          </div>
        )}
        {multiple.ok && (
          <PayoutExample
            multiple={multiple.value}
            decimals={asset?.decimals ?? 18}
            symbol={asset?.symbol ?? "tokens"}
          />
        )}
      </fieldset>
    </div>
  );
}
