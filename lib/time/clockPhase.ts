/**
 * The clock reduced to what a few instants can tell apart: the latest of `instants` already reached
 * (`now >= instant`), or one second before the first while none is. A computation that compares the
 * clock only with these instants (`now >= t`, `now < t`; for `now > t` pass `t + 1n`) gives the same
 * answer with this value as with `now`, and the value changes only when the clock crosses one of
 * them: a component that selects it re-renders then, not on every second's tick.
 */
export function clockPhase(now: bigint | undefined, instants: readonly bigint[]): bigint | undefined {
  if (now === undefined) return undefined;
  let reached: bigint | undefined;
  let first: bigint | undefined;
  for (const instant of instants) {
    if (first === undefined || instant < first) first = instant;
    if (instant <= now && (reached === undefined || instant > reached)) reached = instant;
  }
  if (reached !== undefined) return reached;
  // None reached: any time before the first tells the same; with no instant at all, any time does.
  return first === undefined ? 0n : first - 1n;
}

/** `now` rounded down to a multiple of `seconds`: a figure shown to the minute needs the clock only per minute. */
export function floorClock(now: bigint | undefined, seconds: bigint): bigint | undefined {
  return now === undefined ? undefined : now - (now % seconds);
}
