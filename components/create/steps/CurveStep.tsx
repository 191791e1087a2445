"use client";

import dynamic from "next/dynamic";

import { TermLink } from "@/components/howItWorks/TermLink";
import { Skeleton } from "@/components/ui/States";
import { formatPercentWad, formatRateApr } from "@/lib/format";
import { checkCurve, CURVE_PRESETS, parsePercentToWad, type CurveInput } from "@/lib/forms/createMetaPool";
import { fundingRate, WAD, type FundingCurve } from "@/lib/protocol";

import { StepIntro, SuffixField } from "../fields";
import type { StepProps } from "../types";

const FundingCurveChart = dynamic(() => import("@/components/charts/FundingCurveChart"), {
  ssr: false,
  loading: () => <Skeleton className="h-56 w-full" />,
});

const FIELDS: { key: keyof CurveInput; label: string; hint: string }[] = [
  { key: "baseRate", label: "Base rate", hint: "The yearly rate with no capital in use." },
  { key: "slope1", label: "Slope 1", hint: "Added gradually as utilisation climbs to the kink." },
  { key: "kink", label: "Kink (utilisation)", hint: "Above 0 % and below 100 %: where the curve steepens." },
  { key: "slope2", label: "Slope 2", hint: "Added gradually from the kink to 100 % utilisation." },
];

/** Step 5: the kinked funding curve, rate against utilisation, with presets and a live chart. */
export function CurveStep({ form, errors, update, shown, touch }: StepProps) {
  const curve = checkCurve(form.curve).value;
  const preset = CURVE_PRESETS.find((p) => FIELDS.every((f) => samePercent(p.curve[f.key], form.curve[f.key])));
  const setField = (key: keyof CurveInput, text: string) => update({ curve: { ...form.curve, [key]: text } });

  return (
    <div className="space-y-6">
      <StepIntro title="Funding curve">
        Each coverage pool&apos;s seekers pay a yearly <TermLink term="funding-rate">funding rate</TermLink> on their
        payout, set by the pool&apos;s <TermLink term="utilisation">utilisation</TermLink>: how much of the capital open
        to it its own cover already uses. The rate rises slowly up to the kink and steeply after it, so scarce capital
        costs more.
      </StepIntro>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Start from a preset</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {CURVE_PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              aria-pressed={preset?.id === p.id}
              className={`card text-left text-sm hover:border-green-600 ${preset?.id === p.id ? "border-green-600 ring-1 ring-green-600" : ""}`}
              onClick={() => update({ curve: { ...p.curve } })}
              data-testid={`create-curve-${p.id}`}
            >
              <span className="block font-medium">{p.label}</span>
              <span className="block text-xs text-muted">{presetLine(p.curve)}</span>
              <span className="mt-1 block text-xs text-muted">{p.summary}</span>
            </button>
          ))}
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <SuffixField
            key={f.key}
            label={f.key === "kink" ? f.label : `${f.label} (per year)`}
            suffix={f.key === "kink" ? "%" : "% / yr"}
            value={form.curve[f.key]}
            onChange={(text) => setField(f.key, text)}
            onBlur={touch(f.key)}
            hint={f.hint}
            error={shown(f.key, errors[`curve.${f.key}`])}
            testId={`create-curve-${f.key}`}
          />
        ))}
      </div>
      {errors.curve && <p className="text-sm font-medium text-red-700 dark:text-red-400">{errors.curve}</p>}

      {curve ? (
        <CurvePreview curve={curve} />
      ) : (
        <p className="card text-sm text-muted">The chart appears once every field of the curve is valid.</p>
      )}
    </div>
  );
}

function CurvePreview({ curve }: { curve: FundingCurve }) {
  const at = (u: bigint) => ({ utilisation: u, rate: fundingRate(curve, u) });
  const rows = [
    { label: "Nothing in use", ...at(0n) },
    { label: "Half in use", ...at(WAD / 2n) },
    { label: "At the kink", ...at(curve.kink) },
    { label: "All in use", ...at(WAD) },
  ];
  return (
    <div className="card space-y-3">
      <FundingCurveChart curve={curve} points={[{ label: "rate at kink", ...at(curve.kink) }]} />
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        {rows.map((r) => (
          <div key={r.label}>
            <dt className="text-xs text-muted">
              {r.label} ({formatPercentWad(r.utilisation)})
            </dt>
            <dd className="font-semibold tabular-nums">{formatRateApr(r.rate)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Two % texts name the same rate ("8" and "8.0"), compared exactly as WAD. */
function samePercent(a: string, b: string): boolean {
  const x = parsePercentToWad(a);
  const y = parsePercentToWad(b);
  return x.ok && y.ok && x.value === y.value;
}

function wadOf(text: string): bigint {
  const parsed = parsePercentToWad(text);
  return parsed.ok ? parsed.value : 0n;
}

/** A preset in one line: "2 % → 10 % at 80 % → 110 %". */
function presetLine(curve: CurveInput): string {
  const base = wadOf(curve.baseRate);
  const atKink = base + wadOf(curve.slope1);
  return `${formatPercentWad(base)} → ${formatPercentWad(atKink)} at ${formatPercentWad(wadOf(curve.kink))} → ${formatPercentWad(atKink + wadOf(curve.slope2))}`;
}
