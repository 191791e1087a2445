import type { ReactNode } from "react";

const TONES = {
  neutral: "bg-border/50 text-foreground",
  good: "bg-green-600/15 text-green-800 dark:text-green-300",
  warn: "bg-amber-500/20 text-amber-900 dark:text-amber-200",
  bad: "bg-red-600/15 text-red-800 dark:text-red-300",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>
      {children}
    </span>
  );
}
