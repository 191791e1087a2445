"use client";

import { LazyErrorSentence } from "@/components/layout/LazyErrorSentence";
import { useChainMinute } from "@/hooks/useChainNow";
import { useTimeTravel } from "@/hooks/useTimeTravel";
import { isLocalChain } from "@/lib/chain";
import { formatDateTime } from "@/lib/format";

const JUMPS = [
  { label: "1 hour", seconds: 3_600 },
  { label: "1 day", seconds: 86_400 },
  { label: "1 week", seconds: 604_800 },
] as const;

function TimeTravelControls() {
  // The page's one chain clock, as every countdown reads it, to the minute it is shown to.
  const chainNow = useChainMinute();
  const travel = useTimeTravel();

  const busy = travel.isPending;

  return (
    <span
      role="group"
      aria-label="Local chain time travel"
      className="inline-flex flex-wrap items-center gap-x-2 gap-y-1"
    >
      <span role="status" aria-live="polite">
        {travel.isPending
          ? `advancing chain time by ${travel.variables.label}…`
          : chainNow !== undefined
            ? `chain time ${formatDateTime(chainNow)}`
            : "reading chain time…"}
      </span>
      {JUMPS.map((jump) => (
        <button
          key={jump.label}
          type="button"
          disabled={busy}
          aria-label={`Advance chain time by ${jump.label}`}
          onClick={() => travel.mutate(jump)}
          className="rounded border border-border bg-surface px-1.5 py-0.5 font-medium text-foreground hover:bg-green-600/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-green-600 disabled:cursor-not-allowed disabled:opacity-50"
        >
          +{jump.label}
        </button>
      ))}
      {travel.isError && (
        <span role="alert" className="w-full font-medium text-red-700 dark:text-red-400">
          <LazyErrorSentence error={travel.error} action={`advance chain time by ${travel.variables.label}`} />
        </span>
      )}
    </span>
  );
}

/**
 * Buttons that move a local chain's clock forward (+1 hour, +1 day, +1 week) to watch premiums
 * stream, purchases mature and withdrawals unlock. Rendered only on the local Anvil chain.
 */
export function TimeTravel() {
  if (!isLocalChain) return null;
  return <TimeTravelControls />;
}
