"use client";

import type { ReactNode } from "react";

import { Field } from "@/components/ui/Field";
import {
  cleanText,
  DURATION_UNITS,
  utf8Length,
  type DurationInput,
  type DurationUnit,
} from "@/lib/forms/createMetaPool";

/** "23 / 64 bytes": the contract counts UTF-8 bytes, so accented letters and emoji count double or more. */
export function ByteCounter({ text, max, id }: { text: string; max: number; id?: string }) {
  const bytes = utf8Length(cleanText(text));
  const over = bytes > max;
  return (
    <span
      id={id}
      className={`text-xs tabular-nums ${over ? "font-medium text-red-700 dark:text-red-400" : "text-muted"}`}
      aria-live={over ? "polite" : undefined}
    >
      {bytes.toLocaleString("en-US")} / {max.toLocaleString("en-US")} bytes
    </span>
  );
}

/** A text input or textarea with its byte counter under it. */
export function TextField({
  label,
  value,
  onChange,
  onBlur,
  max,
  hint,
  error,
  placeholder,
  multiline,
  rows = 6,
}: {
  label: ReactNode;
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  max: number;
  hint?: ReactNode;
  error?: string;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
}) {
  return (
    <Field
      label={label}
      hint={
        <span className="flex flex-wrap justify-between gap-2">
          <span>{hint}</span>
          <ByteCounter text={value} max={max} />
        </span>
      }
      error={error}
    >
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            className="input min-h-24"
            rows={rows}
            value={value}
            placeholder={placeholder}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
        ) : (
          <input
            {...control}
            className="input"
            autoComplete="off"
            value={value}
            placeholder={placeholder}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
        )
      }
    </Field>
  );
}

/** A number with a unit shown inside the input ("%" or "×"). */
export function SuffixField({
  label,
  value,
  onChange,
  onBlur,
  suffix,
  hint,
  error,
  inputMode = "decimal",
  testId,
}: {
  label: ReactNode;
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  suffix: string;
  hint?: ReactNode;
  error?: string;
  inputMode?: "decimal" | "numeric";
  testId?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <div className="relative">
          <input
            {...control}
            data-testid={testId}
            className="input pr-12 tabular-nums"
            inputMode={inputMode}
            autoComplete="off"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
          <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-muted">
            {suffix}
          </span>
        </div>
      )}
    </Field>
  );
}

const UNIT_LABELS: Record<DurationUnit, string> = { minutes: "minutes", hours: "hours", days: "days" };

/** A duration as a number and a unit (minutes, hours, days). */
export function DurationField({
  label,
  value,
  onChange,
  onBlur,
  hint,
  error,
}: {
  label: string;
  value: DurationInput;
  onChange: (value: DurationInput) => void;
  onBlur?: () => void;
  hint?: ReactNode;
  error?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <div className="flex gap-2">
          <input
            {...control}
            className="input flex-1 tabular-nums"
            inputMode="decimal"
            autoComplete="off"
            value={value.amount}
            onChange={(e) => onChange({ ...value, amount: e.target.value })}
            onBlur={onBlur}
          />
          <select
            aria-label={`${label}: unit`}
            className="input w-32"
            value={value.unit}
            onChange={(e) => onChange({ ...value, unit: e.target.value as DurationUnit })}
          >
            {(Object.keys(DURATION_UNITS) as DurationUnit[]).map((unit) => (
              <option key={unit} value={unit}>
                {UNIT_LABELS[unit]}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}

/** A step's heading and one sentence on what it decides. */
export function StepIntro({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="max-w-prose text-sm text-muted">{children}</p>
    </div>
  );
}

/** A note that needs attention but does not block (e.g. self-arbitration). */
export function Warning({ children }: { children: ReactNode }) {
  return (
    <p
      role="note"
      className="rounded-md border border-amber-500/50 bg-amber-500/10 p-3 text-sm text-amber-900 dark:text-amber-200"
    >
      {children}
    </p>
  );
}
