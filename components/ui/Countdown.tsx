"use client";

import { useChainNow } from "@/hooks/useChainNow";
import { formatCountdown, formatDateTime } from "@/lib/format";

/**
 * Time left until `target` by the chain's clock ("in 6 d 23 h"), with the date on hover;
 * `doneText` once it has passed.
 */
export function Countdown({ target, doneText = "now" }: { target: bigint; doneText?: string }) {
  const now = useChainNow();
  if (now === undefined) return <time dateTime={isoOf(target)}>{formatDateTime(target)}</time>;
  return (
    <time dateTime={isoOf(target)} title={formatDateTime(target)}>
      {now >= target ? doneText : `in ${formatCountdown(target, now)}`}
    </time>
  );
}

function isoOf(unixSeconds: bigint) {
  return new Date(Number(unixSeconds) * 1000).toISOString();
}
