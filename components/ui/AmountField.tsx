"use client";

import type { ReactNode } from "react";
import { formatUnits } from "viem";

import { Field } from "@/components/ui/Field";
import { formatAmount } from "@/lib/format";

/**
 * A token amount input: numeric keyboard on phones, the unit beside it, an optional "Max" that
 * fills `max` exactly (in base units, never through a float), and the validation sentence.
 */
export function AmountField({
  label,
  value,
  onChange,
  symbol,
  decimals,
  max,
  maxLabel = "Max",
  hint,
  error,
}: {
  label: ReactNode;
  value: string;
  onChange: (text: string) => void;
  symbol: string;
  decimals: number;
  max?: bigint;
  maxLabel?: string;
  hint?: ReactNode;
  error?: string | null;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <div className="flex items-stretch gap-2">
          <div className="relative flex-1">
            <input
              {...control}
              className="input pr-16 tabular-nums"
              inputMode="decimal"
              autoComplete="off"
              placeholder="0.00"
              value={value}
              onChange={(e) => onChange(e.target.value)}
            />
            <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-muted">
              {symbol}
            </span>
          </div>
          {max !== undefined && (
            <button
              type="button"
              className="btn-secondary"
              disabled={max === 0n}
              aria-label={`${maxLabel}: ${formatAmount(max, decimals, { symbol })}`}
              onClick={() => onChange(formatUnits(max, decimals))}
            >
              {maxLabel}
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
