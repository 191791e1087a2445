const UNITS = [
  ["d", 86_400n],
  ["h", 3_600n],
  ["min", 60n],
  ["s", 1n],
] as const;

function toSeconds(seconds: bigint | number): bigint {
  const s = typeof seconds === "bigint" ? seconds : BigInt(Math.floor(seconds));
  return s < 0n ? 0n : s;
}

/** The two largest non-zero units, rounded down: "6 d 23 h", "1 h 5 min", "45 min", "30 s". */
function twoUnits(total: bigint, smallest: number): string {
  const parts: string[] = [];
  let rest = total;
  for (let i = 0; i <= smallest && parts.length < 2; i++) {
    const [name, size] = UNITS[i]!;
    const n = rest / size;
    rest %= size;
    if (n > 0n) parts.push(`${n} ${name}`);
    else if (parts.length > 0) break; // "2 d" rather than "2 d 0 h", and never skip a unit
  }
  return parts.length > 0 ? parts.join(" ") : `0 ${UNITS[smallest]![0]}`;
}

/**
 * A duration in days, hours and minutes ("6 d 23 h", "1 h 5 min", "45 min"); seconds only
 * under a minute. Negative durations show as 0.
 */
export function formatDuration(seconds: bigint | number): string {
  const total = toSeconds(seconds);
  return twoUnits(total, total < 60n ? 3 : 2);
}

/** Time left until `target` (unix seconds), ticking in seconds under an hour; "0 s" once reached. */
export function formatCountdown(target: bigint | number, now: bigint | number): string {
  const left = toSeconds(toSeconds(target) - toSeconds(now));
  return twoUnits(left, left < 3_600n ? 3 : 2);
}
