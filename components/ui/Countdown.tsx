"use client";

import { useChainNowSelector } from "@/hooks/useChainNow";
import { formatCountdown, formatDateTime } from "@/lib/format";

/**
 * Time left until `target` by the chain's clock ("in 6 d 23 h"), followed by the date as text
 * ("· 12 Dec 2026, 14:00 UTC") unless the caller already shows it (`showDate={false}`);
 * `doneText` once it has passed.
 */
export function Countdown({
  target,
  doneText = "now",
  showDate = true,
}: {
  target: bigint;
  doneText?: string;
  showDate?: boolean;
}) {
  // The text itself is selected: it changes every second under an hour, every minute above, so this re-renders then.
  const left = useChainNowSelector((now) =>
    now === undefined ? undefined : now >= target ? doneText : `in ${formatCountdown(target, now)}`,
  );
  const date = formatDateTime(target);
  if (left === undefined) return <time dateTime={isoOf(target)}>{date}</time>;
  return (
    <time dateTime={isoOf(target)} title={date}>
      {left}
      {showDate && <span className="text-muted"> · {date}</span>}
    </time>
  );
}

function isoOf(unixSeconds: bigint) {
  return new Date(Number(unixSeconds) * 1000).toISOString();
}
